import {test} from "node:test";
import assert from "node:assert/strict";
import {watchedPage, type Watched} from "../support/browser.js";
import {
  barCount,
  builtTable,
  chartText,
  choose,
  corpusSized,
  engineTables,
  kpiValue,
  screenshot,
  sumOf,
  transfers
} from "./pages.js";
import {servedSite} from "../support/served.js";

let watched: Watched;
let sent: ReturnType<typeof transfers>;

const site = servedSite(async () => {
  watched = await watchedPage(site.browser);
  sent = transfers(watched.page);
  await watched.page.goto(`${site.origin}/`, {waitUntil: "networkidle"});
  await watched.page.waitForSelector("#funds-by-county svg g[aria-label='bar'] rect");
  await watched.page.waitForSelector("#latest-articles tbody tr");
});

test("the overview's KPIs are the sums of the engine's tables", async () => {
  const {page} = watched;
  const {documents, articles, facts, places} = await engineTables();
  const towns = builtTable("towns");
  assert.equal(await kpiValue(page, "kpi-documents"), documents.length);
  assert.equal(await kpiValue(page, "kpi-articles"), articles.length);
  assert.equal(await kpiValue(page, "kpi-relief"), articles.filter((d) => d.is_poverty_relief).length);
  // The sums keep to poverty-relief articles, and say what all articles would give.
  const relief = facts.filter((d) => d.is_poverty_relief);
  assert.equal(await kpiValue(page, "kpi-households"), sumOf(relief, "households"));
  assert.equal(await kpiValue(page, "kpi-persons"), sumOf(relief, "persons"));
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(relief, "money"));
  assert.ok(sumOf(facts, "money") > sumOf(relief, "money"));
  assert.match(await page.locator("#kpi-funds .big").innerText(), /万元$/);
  const allFunds = (sumOf(facts, "money") / 1e4).toLocaleString("zh-CN", {maximumFractionDigits: 2});
  assert.match(await page.locator("#kpi-funds").innerText(), new RegExp(`all articles: ${allFunds} 万元`));

  // Towns covered: those a poverty-relief article or one of its facts names, or names a village of.
  const registered = towns.filter((d) => d.registered);
  assert.equal(registered.length, 136, "聊城 has 136 town-level units in the register");
  const parent = new Map(places.map((d) => [d.place_code, d.parent_code]));
  const reliefArticles = articles.filter((d) => d.is_poverty_relief);
  const codes = [...reliefArticles.map((d) => d.place_code), ...relief.map((d) => d.place_code)];
  const townCodes = new Set(registered.map((d) => d.code));
  const covered = new Set<string>();
  for (const code of codes) {
    const up = [code, parent.get(code!), parent.get(parent.get(code!) ?? "")].find((c) => townCodes.has(c));
    if (up) covered.add(up);
  }
  assert.ok(covered.size > 0);
  assert.equal(await kpiValue(page, "kpi-towns"), covered.size);
  assert.equal(await page.locator("#kpi-towns .big").innerText(), `${covered.size} / 136`);
});

test("the overview draws its charts from the aggregates only, in Chinese, without DuckDB", async () => {
  const {page, errors, remoteRequests} = watched;
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  for (const id of ["#funds-by-county", "#households-by-county", "#over-time", "#by-topic"]) {
    assert.ok((await barCount(page, id)) > 0, `${id} has bars`);
    assert.equal(await page.locator(`${id} button[data-download]`).count(), 2, `${id} downloads as SVG and PNG`);
  }
  assert.match(await chartText(page, "#funds-by-county"), /资金 money \(万元\)/);
  assert.match(await chartText(page, "#by-topic"), /扶贫 [a-z]/, "topics are glossed");
  assert.ok((await page.locator("#latest-articles tbody tr").count()) > 0);
  assert.match(
    (await page.locator("#latest-articles tbody a").first().getAttribute("href"))!,
    /^\.\/article\?id=[0-9a-f]+$/
  );
  assert.equal(await page.locator("#latest-articles button[data-download]").count(), 4);
  await screenshot(page, "overview");
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
  assert.deepEqual(
    sent.paths.filter((path) => corpusSized.test(path)),
    [],
    "no file that grows with the corpus"
  );
  assert.ok(sent.paths.some((path) => /\/_file\/data\/cubes\/facts\.arrow\.[0-9a-f]+\.gz$/.test(path)));
  // This machine has a Chinese font (fonts-noto-cjk), so the served one is not downloaded for the screen.
  assert.deepEqual(
    sent.paths.filter((path) => /noto-sans-sc/.test(path)),
    [],
    "no font pieces fetched"
  );
  console.log(`overview: ${sent.bytes()} bytes transferred`);
});

test("the county filter narrows the charts and the latest articles", async () => {
  const {page, errors} = watched;
  const {facts} = await engineTables();
  const before = await barCount(page, "#funds-by-county");
  const rowsBefore = await page.locator("#latest-articles tbody tr").count();
  const county = facts.find((d) => d.kind === "money" && d.county && d.is_poverty_relief && d.summable)!.county!;
  await choose(page, "county", new RegExp(`^${county}`));
  await page.waitForFunction(
    (n) => document.querySelectorAll("#funds-by-county svg g[aria-label='bar'] rect").length !== n,
    before
  );
  assert.equal(await barCount(page, "#funds-by-county"), 1);
  assert.match(await chartText(page, "#funds-by-county"), new RegExp(county));
  assert.ok((await page.locator("#latest-articles tbody tr").count()) <= rowsBefore);
  await choose(page, "kind", /^户数/);
  await page.waitForFunction(() => /户数/.test(document.querySelector("#over-time svg")?.textContent ?? ""));
  await choose(page, "county", /^全部/);
  assert.deepEqual(errors, []);
});
