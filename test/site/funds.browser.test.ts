import {after, test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {watchedPage, type Watched} from "../support/browser.js";
import {
  barCount,
  chartText,
  choose,
  corpusSized,
  engineTables,
  kpiValue,
  queriedTotal,
  screenshot,
  sumOf,
  transfers
} from "./pages.js";
import {servedSite} from "../support/served.js";

let watched: Watched;
let sent: ReturnType<typeof transfers>;
let firstChart: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), "funds-downloads-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

const site = servedSite(async () => {
  watched = await watchedPage(site.browser);
  sent = transfers(watched.page);
  await watched.page.goto(`${site.origin}/funds`);
  await watched.page.waitForSelector("#funds-by-county svg g[aria-label='bar'] rect");
  firstChart = [...sent.paths];
});

const money = async () => (await engineTables()).facts.filter((d) => d.kind === "money");
// The page starts with the poverty-relief articles' figures.
const reliefMoney = async () => (await money()).filter((d) => d.is_poverty_relief);

/** The rows of the CSV a download button gives. */
async function csvRows(page: Page, selector: string): Promise<string[]> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(scratch, file.suggestedFilename());
  await file.saveAs(path);
  return readFileSync(path, "utf8").slice(1).trimEnd().split("\r\n").slice(1);
}

test("the funds page totals the money facts in 万元 and lists each with its sentence", async () => {
  const {page, errors, remoteRequests} = watched;
  const facts = await reliefMoney();
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(facts, "money"));
  assert.match(await page.locator("#kpi-funds .big").innerText(), /万元$/);
  assert.equal(await kpiValue(page, "kpi-facts"), facts.length);
  assert.equal(await kpiValue(page, "kpi-excluded"), facts.filter((d) => !d.summable).length);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  for (const id of ["#funds-by-county", "#funds-by-town", "#funds-by-topic", "#funds-by-year"]) {
    assert.ok((await barCount(page, id)) > 0, `${id} has bars`);
    assert.equal(await page.locator(`${id} button[data-download]`).count(), 2, `${id} downloads as SVG and PNG`);
  }
  assert.match(await chartText(page, "#funds-by-year"), /年/);
  assert.deepEqual(
    firstChart.filter((path) => corpusSized.test(path)),
    [],
    "the charts need no file that grows with the corpus"
  );
  console.log(`funds: ${sent.bytes()} bytes transferred to the first chart`);
  // The table below queries the database once it comes into view.
  assert.equal(await queriedTotal(page, "#funds-table", facts.length), facts.length);
  assert.match(await page.locator("#funds-table thead").innerText(), /原句 sentence/);
  assert.ok(await page.getByText(facts[0].sentence.slice(0, 12)).first().isVisible());
  assert.equal(await page.locator("#funds-table button[data-download]").count(), 4);
  assert.ok(
    sent.paths.some((path) => path.endsWith(".duckdb")),
    "the rows come from the database file"
  );
  await screenshot(page, "funds");
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("the filters narrow the total, the charts and the queried table", async () => {
  const {page, errors} = watched;
  const facts = await reliefMoney();
  const county = facts.find((d) => d.county && d.summable)!.county!;
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
  assert.equal(await queriedTotal(page, "#funds-table", inCounty.length), inCounty.length);
  await choose(page, "county", /^全部/);
  await choose(page, "year", /^2020年$/);
  const inYear = facts.filter((d) => String(d.date ?? "").startsWith("2020"));
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    inYear.length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(inYear, "money"));
  assert.equal(await queriedTotal(page, "#funds-table", inYear.length), inYear.length);
  await choose(page, "year", /^全部/);
  assert.deepEqual(errors, []);
});

test("the scope brings in money reported outside poverty relief; the downloads hold the whole filtered table", async () => {
  const {page, errors} = watched;
  const all = await money();
  assert.ok(all.length > (await reliefMoney()).length, "the seeds report money outside poverty relief");
  await choose(page, "scope", /^全部文章/);
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    all.length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(all, "money"));
  assert.equal(await queriedTotal(page, "#funds-table", all.length), all.length);
  const rows = await csvRows(page, "#funds-table button[data-download=csv]");
  assert.equal(rows.length, all.length);
  const county = all.find((d) => d.county)!.county!;
  await choose(page, "county", new RegExp(`^${county}`));
  const inCounty = all.filter((d) => d.county === county);
  assert.equal(await queriedTotal(page, "#funds-table", inCounty.length), inCounty.length);
  const filtered = await csvRows(page, "#funds-table button[data-download=csv]");
  assert.equal(filtered.length, inCounty.length);
  await choose(page, "county", /^全部/);
  await choose(page, "scope", /^扶贫文章/);
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    (await reliefMoney()).length
  );
  assert.equal(await kpiValue(page, "kpi-funds"), sumOf(await reliefMoney(), "money"));
  assert.deepEqual(errors, []);
});
