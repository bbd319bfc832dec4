// Full-text search (search?q=) in Chromium: any substring, mid-word too; matches highlighted; title matches first;
// results open the article; and the index read in a few shards by range requests, so a query's transfer is bounded.
import {test} from "node:test";
import assert from "node:assert/strict";
import {statSync, readdirSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {watchedPage} from "../support/browser.js";
import {dist, root} from "../support/site.js";
import {servedSite} from "../support/served.js";
import {recordTransfer, totalBytes} from "../support/transfer.js";

const site = servedSite();
const screenshots = `${root}test/screenshots/`;

async function searchFor(page: Page, query: string) {
  await page.goto(`${site.origin}/search?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.querySelector("#search-count")?.textContent);
  return page.locator("#search-results > li").evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute("data-article"),
      href: li.querySelector("a")!.getAttribute("href"),
      title: li.querySelector("a")!.textContent ?? "",
      titleTerms: Number(li.getAttribute("data-title-terms")),
      hits: Number(li.getAttribute("data-hits")),
      marks: [...li.querySelectorAll("mark")].map((mark) => mark.textContent)
    }))
  );
}

test("search finds a substring in the middle of words, highlights it, and ranks title matches first", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  // 户庭 is no word: it spans 贫困户|庭院 in a title and 一户|庭院 in a text.
  const results = await searchFor(page, "户庭");
  assert.ok(results.length >= 2, JSON.stringify(results));
  assert.match(results[0].title, /贫困户庭院/);
  assert.equal(results[0].titleTerms, 1);
  assert.ok(results.every((r) => r.marks.length > 0 && r.marks.every((m) => m === "户庭")));
  assert.ok(
    results.some((r) => r.titleTerms === 0),
    "an article with 户庭 in its text only"
  );
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    assert.ok(a.titleTerms > b.titleTerms || (a.titleTerms === b.titleTerms && a.hits >= b.hits), `ranked: ${i}`);
  }
  assert.match(await page.locator("#search-count").innerText(), new RegExp(`^${results.length} 篇`));
  await page.screenshot({path: `${screenshots}search-huting.png`, fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("search finds long terms, single characters, digits and latin letters, and several words together", async () => {
  const {page, errors} = await watchedPage(site.browser);
  const long = await searchFor(page, "扶贫车间");
  assert.ok(long.length >= 1 && long.every((r) => r.marks.every((m) => m === "扶贫车间")), JSON.stringify(long));
  const one = await searchFor(page, "贫");
  assert.ok(one.length >= 10, `${one.length} articles with 贫`);
  assert.match(await page.locator("#search-count").innerText(), /^\d+ 篇报道/);
  assert.ok((await page.locator("#search-more").isVisible()) || one.length <= 20);
  const digits = await searchFor(page, "2020");
  assert.ok(digits.length >= 1 && digits.every((r) => r.marks.includes("2020")), JSON.stringify(digits));
  const both = await searchFor(page, "孝善 基金");
  assert.ok(both.length >= 1 && both.every((r) => r.marks.includes("孝善") && r.marks.includes("基金")));
  const none = await searchFor(page, "量子计算机");
  assert.equal(none.length, 0);
  assert.match(await page.locator("#search-count").innerText(), /没有找到/);
  assert.deepEqual(errors, []);
});

test("a result opens its article, and the header's box leads to the search", async () => {
  const {page, errors} = await watchedPage(site.browser);
  const results = await searchFor(page, "孝善扶贫");
  assert.equal(results[0].title, "聊城开发区持续做好孝善扶贫");
  await page.locator("#search-results > li a").first().click();
  await page.waitForURL(new RegExp(`/article\\?id=${results[0].id}$`));
  await page.waitForSelector("#article-text mark");
  await page.goto(`${site.origin}/town/371522114`);
  await page.locator("form.fulltext-search input[name=q]").fill("妹冢");
  await page.locator("form.fulltext-search input[name=q]").press("Enter");
  await page.waitForURL(/\/search\?q=%E5%A6%B9%E5%86%A2$/);
  await page.waitForSelector("#search-results > li");
  assert.equal(await page.locator("#search-form input[name=q]").inputValue(), "妹冢");
  assert.deepEqual(errors, []);
});

test("a query reads a few shards of the index by range requests, not the index", async () => {
  const {page, errors} = await watchedPage(site.browser);
  const transfer = recordTransfer(page);
  await searchFor(page, "贫困户 增收");
  const received = await transfer.settle();
  const index = received.filter((t) => /\/search\.[0-9a-f]+\.bin$/.test(t.url));
  const store = received.filter((t) => /\/articles\.[0-9a-f]+\.bin$/.test(t.url));
  assert.ok(index.length > 0 && [...index, ...store].every((t) => t.status === 206 && t.range), "range reads only");
  const indexFile = readdirSync(join(dist, "_file", "data")).find((f) => /^search\.[0-9a-f]+\.bin$/.test(f))!;
  const indexSize = statSync(join(dist, "_file", "data", indexFile)).size;
  // Two terms, four bigrams: at most four directory reads and four shards.
  assert.ok(index.length <= 8, `${index.length} reads of the index`);
  const bytes = totalBytes(received);
  const indexBytes = totalBytes(index);
  console.log(
    `search: ${received.length} requests, ${(bytes / 1e3).toFixed(0)} KB in all, index ${indexBytes} B of ` +
      `${indexSize} B, store ${totalBytes(store)} B`
  );
  assert.ok(indexBytes < indexSize / 10, `${indexBytes} bytes of a ${indexSize}-byte index`);
  assert.deepEqual(
    received.filter((t) => /\.json$/.test(new URL(t.url).pathname)).map((t) => t.url),
    []
  );
  assert.ok(bytes <= 3e6, `a search transferred ${bytes} bytes`);
  assert.deepEqual(errors, []);
});
