// The charts of a built site as files, made by the page's own download buttons (SVG with its font pieces embedded,
// PNG at 2×) in headless Chromium, so a file from here is byte for byte what a reader's click saves.
import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {launch} from "./chromium.js";
import {serve} from "./serve.js";

export type ChartFormat = "svg" | "png";

export interface ChartExport {
  /** The paths of the files written. */
  written: string[];
  /** What could not be saved, as `page: reason`. */
  failures: string[];
}

/** The window charts are drawn in; charts follow the page's width, so a PNG is at most twice this wide. */
const viewport = {width: 1280, height: 900};

// A chart's buttons exist as soon as its cell runs; this long after the page's last change, the page is drawn. A page
// that never stops changing (an animation) is taken as it is after the longest wait.
const settledMs = 500;
const longestWaitMs = 15_000;
const downloadTimeoutMs = 30_000;

// Resolves once the page's fonts are loaded and its DOM has not changed for a moment. A string, not a function:
// tsx's transform would wrap a function's inner names in a helper that does not exist in the page.
const settledScript = `document.fonts.ready.then(() => new Promise((resolve) => {
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ${settledMs}); });
  const done = () => { observer.disconnect(); resolve(); };
  let timer = setTimeout(done, ${settledMs});
  setTimeout(done, ${longestWaitMs});
  observer.observe(document.body, {childList: true, subtree: true, attributes: true});
}))`;

/**
 * The top-level pages of a built site that offer chart downloads (`coverage`, `funds` …): Framework writes a page's
 * cells into its HTML, so a page that calls `chartCard(` (or `downloadButtons(` itself) says so there.
 */
export function chartPages(site: string): string[] {
  return readdirSync(site)
    .filter(
      (name) => name.endsWith(".html") && /\b(chartCard|downloadButtons)\(/.test(readFileSync(join(site, name), "utf8"))
    )
    .map((name) => name.slice(0, -".html".length))
    .sort();
}

/** Whether a page (`funds`, `county/371502`) is in the built site. */
export function hasPage(site: string, page: string): boolean {
  return existsSync(join(site, `${page}.html`));
}

/** Saves every chart of each page into `dir/<page>/<filename>.svg|png`. */
export async function exportCharts(
  site: string,
  pages: string[],
  {dir, formats}: {dir: string; formats: ChartFormat[]}
): Promise<ChartExport> {
  const result: ChartExport = {written: [], failures: []};
  const server = await serve(site);
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const context = await browser.newContext({acceptDownloads: true, locale: "zh-CN", viewport});
    await offline(context, server.origin);
    for (const name of pages) {
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}/${name}`, {waitUntil: "networkidle"});
        await page.evaluate(settledScript);
        await saveCharts(page, join(dir, name), formats, name, result);
      } catch (error) {
        result.failures.push(`${name}: ${(error as Error).message.split("\n")[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  return result;
}

/** Any request to a host but the local server fails: exporting never touches the network. */
async function offline(context: BrowserContext, origin: string): Promise<void> {
  await context.route(
    (url) => url.origin !== origin && /^(https?|wss?):$/.test(url.protocol),
    (route) => route.abort("internetdisconnected")
  );
}

async function saveCharts(page: Page, dir: string, formats: ChartFormat[], name: string, result: ChartExport) {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  const buttons = page.locator(".downloads button[data-download=svg], .downloads button[data-download=png]");
  const taken = new Set<string>();
  const all = await buttons.all();
  if (!all.length) return void result.failures.push(`${name}: no charts to download`);
  mkdirSync(dir, {recursive: true});
  for (const button of all) {
    const format = (await button.getAttribute("data-download")) as ChartFormat;
    if (!formats.includes(format)) continue;
    errors.length = 0;
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download", {timeout: downloadTimeoutMs}),
        button.click()
      ]);
      const file = unique(download.suggestedFilename(), taken);
      await download.saveAs(join(dir, file));
      result.written.push(join(dir, file));
    } catch (error) {
      const reason = errors[0] ?? (error as Error).message.split("\n")[0];
      result.failures.push(`${name}: a ${format.toUpperCase()} download failed: ${reason}`);
    }
  }
}

/** `chart.svg`, then `chart-2.svg` if a page names two charts alike, so none overwrites another. */
function unique(file: string, taken: Set<string>): string {
  const dot = file.lastIndexOf(".");
  let name = file;
  for (let n = 2; taken.has(name); n++) name = `${file.slice(0, dot)}-${n}${file.slice(dot)}`;
  taken.add(name);
  return name;
}
