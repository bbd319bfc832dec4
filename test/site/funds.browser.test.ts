import {test} from "node:test";
import assert from "node:assert/strict";
import {watchedPage, type Watched} from "../support/browser.js";
import {barCount, builtTable, chartText, choose, kpiValue, screenshot, sumOf} from "./pages.js";
import {servedSite} from "../support/served.js";

let watched: Watched;

const site = servedSite(async () => {
  watched = await watchedPage(site.browser);
  await watched.page.goto(`${site.origin}/funds`);
  await watched.page.waitForSelector("#funds-by-county svg g[aria-label='bar'] rect");
  await watched.page.waitForSelector("#funds-table tbody tr");
});

const money = () => builtTable("facts").filter((d) => d.kind === "money");
// The page starts with the poverty-relief articles' figures.
const reliefMoney = () => money().filter((d) => d.is_poverty_relief);

test("the funds page totals the money facts in 万元 and lists each with its sentence", async () => {
  const {page, errors, remoteRequests} = watched;
  const facts = reliefMoney();
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(facts, "money"));
  assert.match(await page.locator("#kpi-funds .big").innerText(), /万元$/);
  assert.equal(await kpiValue(page, "kpi-facts"), facts.length);
  const excluded = facts.filter((d) => d.per != null || d.per_entity != null || d.currency !== "CNY").length;
  assert.equal(await kpiValue(page, "kpi-excluded"), excluded);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  for (const id of ["#funds-by-county", "#funds-by-town", "#funds-by-topic", "#funds-by-year"]) {
    assert.ok((await barCount(page, id)) > 0, `${id} has bars`);
    assert.equal(await page.locator(`${id} button[data-download]`).count(), 2, `${id} downloads as SVG and PNG`);
  }
  assert.match(await chartText(page, "#funds-by-year"), /年/);
  assert.match(await page.locator("#funds-table thead").innerText(), /原句 sentence/);
  assert.ok(await page.getByText(facts[0].sentence.slice(0, 12)).first().isVisible());
  assert.equal(await page.locator("#funds-table button[data-download]").count(), 4);
  await screenshot(page, "funds");
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("the filters narrow the total, the charts and the table", async () => {
  const {page, errors} = watched;
  const facts = reliefMoney();
  const county = facts.find((d) => d.county && d.currency === "CNY" && d.per == null && d.per_entity == null)!.county;
  const before = await barCount(page, "#funds-by-county");
  await choose(page, "county", new RegExp(`^${county}`));
  const inCounty = facts.filter((d) => d.county === county);
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    inCounty.length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(inCounty, "money"));
  assert.equal(await barCount(page, "#funds-by-county"), 1);
  assert.ok(before > 1);
  assert.match(await chartText(page, "#funds-by-county"), new RegExp(county));
  await choose(page, "county", /^全部/);
  const year = "2020";
  await choose(page, "year", /^2020年$/);
  const inYear = facts.filter((d) => String(d.date ?? "").startsWith(year));
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    inYear.length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(inYear, "money"));
  await choose(page, "year", /^全部/);
  assert.deepEqual(errors, []);
});

test("the scope brings in money reported outside poverty relief, and takes it out again", async () => {
  const {page, errors} = watched;
  const all = money();
  assert.ok(all.length > reliefMoney().length, "the seeds report money outside poverty relief");
  await choose(page, "scope", /^全部文章/);
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    all.length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(all, "money"));
  await choose(page, "scope", /^扶贫文章/);
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    reliefMoney().length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(reliefMoney(), "money"));
  assert.deepEqual(errors, []);
});
