import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {spawn, type ChildProcess} from "node:child_process";
import {createServer, type AddressInfo} from "node:net";
import type {Browser} from "playwright-core";
import {launch} from "../../scripts/chromium.js";
import {watchedPage} from "../support/browser.js";
import {offlineEnv, root} from "../support/site.js";

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
    env: offlineEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  });
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (url) clearTimeout(timer), resolve(url[0]);
    };
    preview.stdout!.on("data", listen);
    preview.stderr!.on("data", listen);
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (preview?.pid) process.kill(-preview.pid);
});

test("npm run dev serves the overview and the SQL page with no network", async () => {
  const {page, errors, remoteRequests} = await watchedPage(browser);
  await page.goto(`${origin}/`);
  await page.waitForSelector("#funds-by-county svg g[aria-label='bar'] rect", {timeout: 120_000});
  await page.waitForSelector("#latest-articles tbody tr");
  await page.goto(`${origin}/sql`);
  await page.waitForSelector("#custom-result tbody tr", {timeout: 120_000});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
  assert.doesNotMatch(output, /offline: blocked connection/, "the preview server tried to reach the network");
});
