import {test} from "node:test";
import assert from "node:assert/strict";
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
let firstChart: string[] = [];

const site = servedSite(async () => {
  watched = await watchedPage(site.browser);
  const sent = transfers(watched.page);
  await watched.page.goto(`${site.origin}/households`);
  await watched.page.waitForSelector("#counts-by-county svg g[aria-label='bar'] rect");
  firstChart = [...sent.paths];
});

const charts = ["#counts-by-county", "#counts-by-town", "#counts-by-topic", "#counts-by-year"];

test("the households page sums households and persons and lists each figure with its sentence", async () => {
  const {page, errors, remoteRequests} = watched;
  const facts = (await engineTables()).facts.filter((d) => d.is_poverty_relief);
  assert.equal(await kpiValue(page, "kpi-households"), sumOf(facts, "households"));
  assert.equal(await kpiValue(page, "kpi-persons"), sumOf(facts, "persons"));
  assert.match(await page.locator("#kpi-households .big").innerText(), / 户$/);
  assert.equal(await kpiValue(page, "kpi-facts"), facts.filter((d) => d.kind === "households").length);
  for (const id of charts) assert.ok((await barCount(page, id)) > 0, `${id} has bars`);
  assert.match(await chartText(page, "#counts-by-county"), /户数 households/);
  assert.deepEqual(
    firstChart.filter((path) => corpusSized.test(path)),
    [],
    "the charts need no file that grows with the corpus"
  );
  const households = facts.filter((d) => d.kind === "households").length;
  assert.equal(await queriedTotal(page, "#counts-table", households), households);
  assert.match(await page.locator("#counts-table thead").innerText(), /原句 sentence/);
  assert.equal(await page.locator("#counts-table button[data-download]").count(), 4);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  await screenshot(page, "households");
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("the kind filter switches the charts and the table to persons, the county filter narrows them", async () => {
  const {page, errors} = watched;
  const facts = (await engineTables()).facts.filter((d) => d.is_poverty_relief);
  const persons = facts.filter((d) => d.kind === "persons");
  await choose(page, "kind", /^人数/);
  await page.waitForFunction(() =>
    /人数 persons/.test(document.querySelector("#counts-by-county svg")?.textContent ?? "")
  );
  assert.equal(await kpiValue(page, "kpi-facts"), persons.length);
  assert.equal(await queriedTotal(page, "#counts-table", persons.length), persons.length);
  assert.equal(await page.locator("#counts-table tbody tr").count(), Math.min(persons.length, 20), "a page of 20 rows");
  for (const id of charts) assert.ok((await barCount(page, id)) > 0, `${id} has bars`);
  const county = persons.find((d) => d.county && d.summable)!.county!;
  await choose(page, "county", new RegExp(`^${county}`));
  const inCounty = facts.filter((d) => d.county === county);
  await page.waitForFunction(
    (n) => Number(document.querySelector("#kpi-facts .big")?.getAttribute("data-value")) === n,
    inCounty.filter((d) => d.kind === "persons").length
  );
  assert.equal(await kpiValue(page, "kpi-persons"), sumOf(inCounty, "persons"));
  assert.equal(await kpiValue(page, "kpi-households"), sumOf(inCounty, "households"));
  assert.equal(await barCount(page, "#counts-by-county"), 1);
  const shown = inCounty.filter((d) => d.kind === "persons").length;
  assert.equal(await queriedTotal(page, "#counts-table", shown), shown);
  assert.deepEqual(errors, []);
});
