import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import type {Browser} from "playwright-core";
import {launch, watchedPage} from "../support/browser.js";
import {serve} from "../support/serve.js";
import {dist, ensureBuilt} from "../support/site.js";

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

before(async () => {
  ensureBuilt();
  server = await serve(dist);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the overview draws its chart, table and SQL result from local files only", async () => {
  const {page, errors, remoteRequests} = await watchedPage(browser);
  await page.goto(`${server.origin}/`);
  await page.waitForSelector("#chars-chart svg g[aria-label='bar'] rect");
  assert.equal(await page.locator("#chars-chart svg g[aria-label='bar'] rect").count(), 5);
  await page.waitForSelector("#documents-table tbody tr");
  assert.equal(await page.locator("#documents-table tbody tr").count(), 5);
  await page.waitForFunction(() => document.querySelector("#sql-result")?.textContent?.includes("documents"));
  assert.match(await page.locator("#sql-result").innerText(), /\b5 documents\b/);
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("the range input filters the chart", async () => {
  const {page} = await watchedPage(browser);
  await page.goto(`${server.origin}/`);
  await page.waitForSelector("#chars-chart svg g[aria-label='bar'] rect");
  const input = page.locator("form input[type=number]").first();
  await input.fill("5000");
  await input.dispatchEvent("input");
  await page.waitForFunction(() => document.querySelectorAll("#chars-chart svg g[aria-label='bar'] rect").length === 2);
  assert.equal(await page.locator("#chars-chart svg g[aria-label='bar'] rect").count(), 2, "documents of 5,000 characters or more");
});
