// The article list and the one article view (article?id=) in Chromium: figures highlighted and linked, the article
// read by byte ranges, unknown ids, and article text that looks like HTML rendered as text.
import {test} from "node:test";
import assert from "node:assert/strict";
import {watchedPage} from "../support/browser.js";
import {serve} from "../../scripts/serve.js";
import {dist, root} from "../support/site.js";
import {hostileSite} from "../support/hostile-site.js";
import {servedSite} from "../support/served.js";
import {recordTransfer, totalBytes} from "../support/transfer.js";

const site = servedSite();
const screenshots = `${root}test/screenshots/`;

test("the article list filters by any Chinese substring and links to each article", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/articles`);
  await page.waitForSelector("#articles-table tbody tr");
  const all = await page.locator("#articles-table tbody tr").count();
  await page.locator("main input[type=search]").fill("孝善");
  await page.waitForFunction((n) => document.querySelectorAll("#articles-table tbody tr").length < n, all);
  assert.match(await page.locator("#articles-table tbody").innerText(), /孝善扶贫/);
  await page.screenshot({path: `${screenshots}articles.png`, fullPage: true});
  await page.click("#articles-table a:has-text('聊城开发区持续做好孝善扶贫')");
  await page.waitForURL(/\/article\?id=62646430a43da58f$/);
  await page.waitForSelector("#article-text mark");
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("an article view highlights every extracted figure, linked to its row and back", async () => {
  const {page, errors, remoteRequests} = await watchedPage(site.browser);
  const transfer = recordTransfer(page);
  await page.goto(`${site.origin}/article?id=e083552d197cd2f1`);
  await page.waitForSelector("#article-text mark");
  assert.match(await page.locator("#article-title").innerText(), /贫困户庭院/);
  // The article and its facts come from the store by range reads; no table of the corpus is loaded.
  const received = await transfer.settle();
  const store = received.filter((t) => /\/articles\.[0-9a-f]+\.bin$/.test(t.url));
  assert.ok(store.length >= 1 && store.every((t) => t.status === 206 && t.range), JSON.stringify(store));
  assert.deepEqual(
    received.filter((t) => /\.json$/.test(new URL(t.url).pathname)).map((t) => t.url),
    []
  );
  const bytes = totalBytes(received);
  const kb = (bytes / 1e3).toFixed(0);
  console.log(`article view: ${received.length} requests, ${kb} KB, store ${totalBytes(store)} B`);
  assert.ok(bytes <= 0.5e6, `an article view transferred ${bytes} bytes`);
  const marks = await page.locator("#article-text mark").count();
  const rows = await page.locator("#article-facts tbody tr").count();
  assert.ok(marks > 0 && marks === rows, `${marks} marks for ${rows} facts`);
  const first = page.locator("#article-text mark").first();
  const raw = await first.innerText();
  await first.locator("a").click();
  const id = (await first.getAttribute("id"))!.replace(/^mark-/, "");
  assert.match(page.url(), new RegExp(`#fact-${id}$`));
  assert.equal(await page.locator(`#fact-${id} td`).first().innerText(), raw);
  await page.locator(`#fact-${id} a.back-to-text`).click();
  assert.match(page.url(), new RegExp(`#mark-${id}$`));
  await page.screenshot({path: `${screenshots}article.png`, fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("a figure's link opens the article at that figure's row", async () => {
  const {page, errors} = await watchedPage(site.browser);
  await page.goto(`${site.origin}/article?id=e083552d197cd2f1`);
  const id = await page.locator("#article-text mark").first().getAttribute("data-fact");
  await page.goto(`${site.origin}/article?id=e083552d197cd2f1#fact-${id}`);
  await page.waitForSelector(`#fact-${id}`);
  await page.waitForFunction((row) => {
    const box = document.getElementById(row)!.getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight;
  }, `fact-${id}`);
  assert.deepEqual(errors, []);
});

test("an unknown or missing id says there is no such article and links to the list", async () => {
  const {page, errors} = await watchedPage(site.browser);
  for (const url of ["/article?id=0000000000000000", "/article?id=%3Cb%3Ex%3C%2Fb%3E", "/article"]) {
    await page.goto(`${site.origin}${url}`);
    await page.waitForSelector("#article-missing");
    const text = await page.locator("#article-missing").innerText();
    assert.match(text, /没有这篇报道/);
    assert.match(text, /No such article/);
    assert.equal(await page.locator("#article-missing b, #article-text").count(), 0, "the id is shown as text");
    await page.locator("#article-missing a[href='./articles']").click();
    await page.waitForURL(/\/articles$/);
  }
  assert.deepEqual(errors, []);
});

test("an article containing <script> and <img onerror> is shown as text; a file that cannot be read is listed with its reason", async () => {
  // The site built from data/ plus the hostile fixtures (test/support/hostile-site.ts), shared with hostile.browser.
  let xss: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    xss = await serve(`${hostileSite()}/`);
    const {page, errors} = await watchedPage(site.browser);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));
    await page.goto(`${xss.origin}/articles`);
    await page.waitForSelector("#articles-table tbody tr");
    await page.locator("main input[type=search]").fill("扶贫测试报道");
    await page.click("#articles-table a:has-text('扶贫测试报道')");
    await page.waitForSelector("#article-text mark");
    assert.match(await page.locator("#article-title").innerText(), /<script>alert\(1\)<\/script>/);
    const text = await page.locator("#article-text").innerText();
    assert.match(text, /<img src=x onerror=alert\(1\)>/);
    assert.match(text, /<b>粗体<\/b>/);
    assert.equal(await page.locator("#article-text img, #article-text script, #article-text b, h1 script").count(), 0);
    assert.ok((await page.locator("#article-text mark").count()) >= 2, "36.9万元 and 126户 highlighted");
    await page.screenshot({path: `${screenshots}article-xss.png`, fullPage: true});
    assert.notEqual(await page.title(), "pwned");
    await page.goto(`${xss.origin}/methods`);
    await page.waitForSelector("#rejected-table tbody tr");
    assert.match(await page.locator("#rejected-table").innerText(), /scan\.txt\s+binary: a PNG image/);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    await xss?.close();
  }
});
