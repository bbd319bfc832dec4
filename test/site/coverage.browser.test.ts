// The coverage, county, town and SQL pages, and site search, as a reader sees them in Chromium.
import {test} from "node:test";
import assert from "node:assert/strict";
import {watchedPage} from "../support/browser.js";
import {root} from "../support/site.js";
import {servedSite} from "../support/served.js";
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {dist} from "../support/site.js";
import {corpusSized, engineTables, kpiValue, queriedTotal, sumOf, transfers} from "./pages.js";

const site = servedSite();
const screenshots = `${root}test/screenshots/`;

test("coverage shows all 137 towns by county, the never-mentioned ones as such, on an approximate map", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  const sent = transfers(page);
  await page.goto(`${site.origin}/coverage`, {waitUntil: "networkidle"});
  await page.waitForSelector("#coverage-map svg circle");
  assert.deepEqual(
    sent.paths.filter((path) => corpusSized.test(path)),
    [],
    "no file that grows with the corpus"
  );
  const {articles} = await engineTables();
  assert.equal(
    await page.locator("#relief-articles").innerText(),
    String(articles.filter((d) => d.is_poverty_relief).length)
  );
  assert.ok((await page.locator("#coverage-map svg [aria-label='geo'] path").count()) >= 8, "eight county outlines");
  assert.ok((await page.locator("#coverage-map svg circle").count()) >= 135, "a dot per town with a point");
  assert.match(await page.locator("#coverage-map").innerText(), /近似|approximate/);
  assert.equal(await page.locator("#town-grid .town-chip").count(), 137);
  assert.equal(await page.locator("#town-grid .county-group").count(), 11, "8 counties and 3 zones");
  const never = await page.locator("#town-grid .town-chip.never").count();
  const other = await page.locator("#town-grid .town-chip.mentioned").count();
  const covered = await page.locator("#town-grid .town-chip.covered").count();
  assert.ok(never > 100, `${never} towns never mentioned`);
  assert.ok(covered > 10, `${covered} towns covered`);
  assert.equal(never + other + covered, 137);
  assert.equal(await page.locator("#towns-never").innerText(), String(never));
  assert.equal(await page.locator("#towns-other").innerText(), String(other));
  assert.equal(await page.locator("#towns-covered").innerText(), String(covered));
  // The key names each state, and its chips are drawn (a shaded chip's text is legible on its fill).
  const key = page.locator(".town-chips-key");
  assert.match(await key.innerText(), /扶贫报道[\s\S]*其他报道 other news only[\s\S]*未提及 never mentioned/);
  const shaded = await key
    .locator(".town-chip.covered")
    .evaluateAll((chips) =>
      chips.map((chip) => [getComputedStyle(chip).backgroundColor, getComputedStyle(chip).color])
    );
  assert.ok(shaded.length >= 1);
  for (const [background, color] of shaded) assert.notEqual(background, color);
  assert.match(await page.locator("#town-grid").innerText(), /妹冢镇 \d+/);
  await page.screenshot({path: `${screenshots}coverage.png`, fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("a county page and a town page show their figures, charts and articles", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  const sent = transfers(page);
  await page.goto(`${site.origin}/county/371522`, {waitUntil: "networkidle"});
  await page.waitForSelector("#county-map svg circle");
  assert.deepEqual(
    sent.paths.filter((path) => corpusSized.test(path)),
    [],
    "the charts need no file that grows with the corpus"
  );
  assert.match(await page.locator("h1").innerText(), /莘县/);
  const {articles, facts: allFacts, places} = await engineTables();
  const countyOf = new Map(places.map((d) => [d.place_code, d.county_code]));
  const inCounty = <T extends {place_code: string | null; is_poverty_relief: boolean}>(rows: T[]) =>
    rows.filter((d) => countyOf.get(d.place_code!) === "371522" && d.is_poverty_relief);
  assert.equal(await kpiValue(page, "county-articles"), inCounty(articles).length);
  assert.ok(inCounty(articles).length > 5);
  assert.equal(await kpiValue(page, "county-facts"), inCounty(allFacts).length);
  assert.ok((await page.locator("#county-topics svg g[aria-label='bar'] rect").count()) > 0);
  assert.equal(await page.locator("#county-households svg").count(), 1, "a chart, or a chart saying there is nothing");
  const facts = inCounty(allFacts);
  assert.equal(await kpiValue(page, "county-households"), sumOf(facts, "households"));
  assert.equal(await kpiValue(page, "county-funds"), sumOf(facts, "money"));
  assert.equal(
    await queriedTotal(page, "#county-articles-table", inCounty(articles).length),
    inCounty(articles).length
  );
  assert.match(
    (await page.locator("#county-articles-table tbody a").first().getAttribute("href"))!,
    /^\.\.\/article\?id=[0-9a-f]+$/
  );
  assert.equal(await queriedTotal(page, "#county-facts-table", facts.length), facts.length);
  await page.screenshot({path: `${screenshots}county-371522.png`, fullPage: true});

  await page.click("a.town-chip:has-text('妹冢镇')");
  await page.waitForURL(/\/town\/371522114$/);
  await page.waitForSelector("#town-topics svg g[aria-label='bar'] rect");
  assert.match(await page.locator("h1").innerText(), /妹冢镇 mei zhong zhen/);
  const townArticles = await kpiValue(page, "town-articles");
  assert.ok(townArticles >= 5);
  assert.equal(await queriedTotal(page, "#town-articles-table", townArticles), townArticles);
  assert.ok((await page.locator("#town-articles-table tbody tr").count()) >= 5);
  assert.ok((await page.locator("#town-villages svg").count()) === 1);
  // The town's own village cube (data/cubes/villages/371522114.arrow.gz) names the villages its figures are about.
  const villages = new Set(allFacts.filter((f) => f.town === "妹冢镇" && f.village).map((f) => f.village));
  assert.ok(villages.size > 0, "the seeds name a village of 妹冢镇");
  assert.match(await page.locator("#town-villages").innerText(), new RegExp(`\\(${villages.size} villages named\\)`));
  await page.screenshot({path: `${screenshots}town-371522114.png`, fullPage: true});

  await page.goto(`${site.origin}/county/3715Z1`);
  await page.waitForSelector("#county-map svg circle");
  assert.match(await page.locator("h1").innerText(), /开发区/);
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("a town never mentioned says so", async () => {
  const {page, errors} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/town/371525001`);
  await page.waitForSelector("#never-mentioned");
  assert.match(await page.locator("h1").innerText(), /清泉街道/);
  assert.equal(await kpiValue(page, "town-articles"), 0);
  await page.waitForSelector("#town-map svg circle");
  assert.deepEqual(errors, []);
});

/** Cuts `page` off every origin but the site's (no network at all), and records each response for the database file:
 * its status and length, so a test can tell a range read from the whole file. */
async function offlineDatabaseReads(page: Page): Promise<{status: number; length: number}[]> {
  await page.context().route(
    (url) => url.origin !== site.origin,
    (route) => route.abort("internetdisconnected")
  );
  const ranges: {status: number; length: number}[] = [];
  page.on("response", (response) => {
    if (/\.duckdb$/.test(new URL(response.url()).pathname))
      ranges.push({status: response.status(), length: Number(response.headers()["content-length"])});
  });
  return ranges;
}

test("the SQL page queries the database file offline, reading only part of it, and totals funds as the overview", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  const ranges = await offlineDatabaseReads(page);
  await page.goto(`${site.origin}/sql`);
  await page.waitForSelector("svg g[aria-label='bar'] rect", {timeout: 60_000});
  await page.waitForSelector("#funds-total tbody tr");
  await page.waitForSelector("#custom-result tbody tr");
  const {facts} = await engineTables();
  const cells = await page.locator("#funds-total tbody td").allInnerTexts();
  const [relief, all] = cells.filter((d) => d.trim()).map((d) => Number(d.replace(/,/g, "")));
  assert.equal(
    relief,
    sumOf(
      facts.filter((d) => d.is_poverty_relief),
      "money"
    )
  );
  assert.equal(all, sumOf(facts, "money"));
  const overview = await watchedPage(site.browser);
  await overview.page.goto(`${site.origin}/`);
  await overview.page.waitForSelector("#kpi-funds .big");
  assert.equal(await kpiValue(overview.page, "kpi-funds"), relief, "the SQL page's funds are the overview's");
  assert.ok(ranges.length > 1 && ranges.every((d) => d.status === 206), "read in byte ranges");
  assert.match(await page.locator("#custom-result").innerText(), /households/);
  await page.locator("textarea").fill("SELECT count(*)::INT AS n FROM corpus.articles WHERE text LIKE '%贫困户%'");
  await page.click("button:has-text('Run')");
  await page.waitForFunction(() =>
    /^\s*n\s*$/m.test(document.querySelector("#custom-result thead")?.textContent ?? "")
  );
  assert.ok(+(await page.locator("#custom-result tbody td").last().innerText()) > 0);
  await page.screenshot({path: `${screenshots}sql.png`, fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("the articles list pages through every article, 20 at a time, and searches in the query", async () => {
  const {page, errors} = await watchedPage(site.browser);
  const {articles} = await engineTables();
  await page.goto(`${site.origin}/articles`);
  assert.equal(await queriedTotal(page, "#articles-table", articles.length), articles.length);
  assert.ok(articles.length > 20, "the seeds have more than a page of articles");
  assert.equal(await page.locator("#articles-table tbody tr").count(), 20);
  const first = await page.locator("#articles-table tbody tr").first().innerText();
  await page.click("#articles-table button[data-page=next]");
  await page.waitForFunction((text) => document.querySelector("#articles-table tbody tr")?.textContent !== text, first);
  // The rows and the count line are redrawn one after the other: wait for the count too.
  await page.waitForFunction(() =>
    /21–/.test(document.querySelector("#articles-table .query-count")?.textContent ?? "")
  );
  await page.locator("main input[type=search]").fill("孝善");
  const matching = articles.filter((d) => [d.title, d.subtitle, d.place_name, d.text].some((s) => s?.includes("孝善")));
  assert.equal(await queriedTotal(page, "#articles-table", matching.length), matching.length);
  assert.deepEqual(errors, []);
});

test("a queried table reads only part of the database file, offline", async () => {
  const {page, errors} = await watchedPage(site.browser);
  const ranges = await offlineDatabaseReads(page);
  await page.goto(`${site.origin}/funds`);
  await page.waitForSelector("#funds-by-county svg g[aria-label='bar'] rect");
  const facts = await kpiValue(page, "kpi-facts");
  assert.equal(await queriedTotal(page, "#funds-table", facts), facts);
  const file = readdirSync(join(dist, "_file", "data")).find((name) => name.endsWith(".duckdb"))!;
  const size = statSync(join(dist, "_file", "data", file)).size;
  assert.ok(ranges.length > 1 && ranges.every((d) => d.status === 206), "read in byte ranges");
  const read = ranges.reduce((sum, d) => sum + d.length, 0);
  assert.ok(read < size, `read ${read} of ${size} bytes`);
  console.log(`funds table: read ${read} of the database's ${size} bytes`);
  assert.deepEqual(errors, []);
});

async function search(query: string) {
  const {page, errors} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/`);
  await page.locator("#observablehq-search input").fill(query);
  await page.waitForSelector("#observablehq-search-results li");
  const results = await page
    .locator("#observablehq-search-results li a")
    .evaluateAll((links) =>
      links.map((a) => ({href: new URL((a as HTMLAnchorElement).href).pathname, title: a.textContent ?? ""}))
    );
  return {page, errors, results};
}

test("site search finds towns by any part of their name", async () => {
  const mei = await search("妹冢镇");
  assert.equal(mei.results[0]?.href, "/town/371522114");
  const guan = await search("官屯镇");
  assert.ok(
    guan.results.some((r) => r.href === "/town/371502110"),
    "顾官屯镇"
  );
  const never = await search("清泉街道");
  assert.ok(
    never.results.some((r) => r.href === "/town/371525001"),
    "a town never mentioned still has its page"
  );
});
