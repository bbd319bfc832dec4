// Pages in Chromium (launched by scripts/chromium.ts) that record what they ask of the network and print to the console.
import type {Browser, Page} from "playwright-core";

export interface Watched {
  page: Page;
  errors: string[];
  remoteRequests: string[];
}

/** A new page whose console errors, uncaught exceptions and requests to any host but this one are collected. */
export async function watchedPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({acceptDownloads: true, locale: "zh-CN"});
  const page = await context.newPage();
  const errors: string[] = [];
  const remoteRequests: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("response", (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    const {protocol, hostname} = new URL(request.url());
    if (/^https?:$/.test(protocol) && hostname !== "127.0.0.1" && hostname !== "localhost") {
      remoteRequests.push(request.url());
    }
  });
  return {page, errors, remoteRequests};
}
