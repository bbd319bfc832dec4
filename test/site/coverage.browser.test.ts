// The coverage, county, town and SQL pages, and site search, as a reader sees them in Chromium.
import {test} from "node:test";
import assert from "node:assert/strict";
import {watchedPage} from "../support/browser.js";
import {root} from "../support/site.js";
import {servedSite} from "../support/served.js";
import {builtTable, kpiValue, sumOf} from "./pages.js";

const site = servedSite();
const screenshots = `${root}test/screenshots/`;

test("coverage shows all 137 towns by county, the never-mentioned ones as such, on an approximate map", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/coverage`);
  await page.waitForSelector("#coverage-map svg circle");
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
  const shaded = await key.locator(".town-chip.covered").evaluateAll((chips) =>
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
  await page.goto(`${site.origin}/county/371522`);
  await page.waitForSelector("#county-map svg circle");
  assert.match(await page.locator("h1").innerText(), /莘县/);
  assert.ok((await kpiValue(page, "county-articles")) > 5);
  assert.ok((await page.locator("#county-topics svg g[aria-label='bar'] rect").count()) > 0);
  assert.equal(await page.locator("#county-households svg").count(), 1, "a chart, or a chart saying there is nothing");
  const facts = builtTable("facts").filter((d) => d.county === "莘县" && d.is_poverty_relief);
  assert.equal(await kpiValue(page, "county-households"), sumOf(facts, "households"));
  await page.screenshot({path: `${screenshots}county-371522.png`, fullPage: true});

  await page.click("a.town-chip:has-text('妹冢镇')");
  await page.waitForURL(/\/town\/371522114$/);
  await page.waitForSelector("#town-topics svg g[aria-label='bar'] rect");
  assert.match(await page.locator("h1").innerText(), /妹冢镇 mei zhong zhen/);
  assert.ok((await kpiValue(page, "town-articles")) >= 5);
  assert.ok((await page.locator("ol.article-list li").count()) >= 5);
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

test("the SQL page runs its example queries and a reader's own on the tables", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/sql`);
  await page.waitForSelector("svg g[aria-label='bar'] rect", {timeout: 30_000});
  await page.waitForSelector("#custom-result tbody tr");
  assert.match(await page.locator("#custom-result").innerText(), /households/);
  await page.locator("textarea").fill("SELECT count(*)::INT AS n FROM articles WHERE text LIKE '%贫困户%'");
  await page.click("button:has-text('Run')");
  await page.waitForFunction(() => /^\s*n\s+\d+/m.test(document.querySelector("#custom-result")?.textContent ?? "") || /\d/.test(document.querySelector("#custom-result tbody td:last-child")?.textContent ?? ""));
  assert.ok(+(await page.locator("#custom-result tbody td").last().innerText()) > 0);
  await page.screenshot({path: `${screenshots}sql.png`, fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

async function search(query: string) {
  const {page, errors} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/`);
  await page.locator("#observablehq-search input").fill(query);
  await page.waitForSelector("#observablehq-search-results li");
  const results = await page.locator("#observablehq-search-results li a").evaluateAll((links) =>
    links.map((a) => ({href: new URL((a as HTMLAnchorElement).href).pathname, title: a.textContent ?? ""}))
  );
  return {page, errors, results};
}

test("site search finds towns by any part of their name", async () => {
  const mei = await search("妹冢镇");
  assert.equal(mei.results[0]?.href, "/town/371522114");
  const guan = await search("官屯镇");
  assert.ok(guan.results.some((r) => r.href === "/town/371502110"), "顾官屯镇");
  const never = await search("清泉街道");
  assert.ok(never.results.some((r) => r.href === "/town/371525001"), "a town never mentioned still has its page");
});
