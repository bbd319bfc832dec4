import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {spawn, type ChildProcess} from "node:child_process";
import {copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {createServer, type AddressInfo} from "node:net";
import type {Browser} from "playwright-core";
import {launch} from "../../scripts/chromium.js";
import {scalePage} from "../../bench/scale-corpus.js";
import {watchedPage} from "../support/browser.js";
import {offlineEnv, root} from "../support/site.js";

// The seeds in a folder of the test's own, so a document can be added while the preview runs.
const dataDir = mkdtempSync(join(tmpdir(), "dev-data-"));
for (const file of readdirSync(join(root, "data")).filter((f) => f.endsWith(".txt"))) {
  copyFileSync(join(root, "data", file), join(dataDir, file));
}

let browser: Browser;
let preview: ChildProcess;
let origin: string;
let output = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

before(async () => {
  const port = await freePort();
  preview = spawn("npm", ["run", "dev", "--", "--no-open", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    env: {...offlineEnv(), DATA_DIR: dataDir},
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  });
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (url) (clearTimeout(timer), resolve(url[0]));
    };
    preview.stdout!.on("data", listen);
    preview.stderr!.on("data", listen);
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (preview?.pid) process.kill(-preview.pid);
  rmSync(dataDir, {recursive: true, force: true});
});

/** Resolves when the preview has printed a line matching `pattern` (after what it printed so far). */
function printed(pattern: RegExp, timeout = 30_000): Promise<void> {
  const from = output.length;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(output.slice(from))) (clearInterval(timer), resolve());
    }, 100);
    setTimeout(
      () => (clearInterval(timer), reject(new Error(`preview never printed ${pattern}:\n${output.slice(from)}`))),
      timeout
    );
  });
}

test("npm run dev serves the overview and the SQL page with no network", async () => {
  const {page, errors, remoteRequests} = await watchedPage(browser);
  await page.goto(`${origin}/`);
  await page.waitForSelector("#funds-by-county svg g[aria-label='bar'] rect", {timeout: 120_000});
  await page.waitForSelector("#latest-articles tbody tr");
  // The preview has the page chrome from the configuration (the build writes it in afterwards: scripts/page-chrome.ts).
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  assert.equal(await page.locator("#observablehq-header form.fulltext-search").getAttribute("action"), "./search");
  assert.match(await page.locator("#observablehq-footer").innerText(), /Source: local newspaper pages/);
  await page.goto(`${origin}/sql`);
  await page.waitForSelector("#custom-result tbody tr", {timeout: 120_000});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
  assert.doesNotMatch(output, /offline: blocked connection/, "the preview server tried to reach the network");
});

test("a document added to DATA_DIR while npm run dev runs shows after a reload", async () => {
  const {page, errors} = await watchedPage(browser);
  const documents = () => page.locator("#kpi-documents .big").getAttribute("data-value").then(Number);
  await page.goto(`${origin}/`);
  await page.waitForSelector("#kpi-documents .big[data-value]", {timeout: 120_000});
  assert.equal(await documents(), 5);
  const articles = Number(await page.locator("#kpi-articles .big").getAttribute("data-value"));

  const changed = printed(/documents changed \(6 now\)/);
  writeFileSync(join(dataDir, "added.txt"), scalePage(0).text);
  await changed;
  // While the configuration reads the documents, touching it makes the preview reload open pages itself, which can
  // abort a reload of ours under way: then the page is reloading anyway.
  await page.reload().catch((error) => assert.match(String(error), /ERR_ABORTED|frame was detached/));
  await page.waitForFunction(
    () => document.querySelector("#kpi-documents .big")?.getAttribute("data-value") === "6",
    null,
    {timeout: 180_000, polling: 250}
  );
  assert.ok(
    Number(await page.locator("#kpi-articles .big").getAttribute("data-value")) > articles,
    "the new page's articles are counted"
  );
  assert.deepEqual(errors, []);
});
