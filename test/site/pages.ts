// What the browser tests of the data pages share: the tables as built into dist/, and the checks every page passes.
import assert from "node:assert/strict";
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {cachedTables} from "../../loaders/run/cache.js";
import type {Tables} from "../../loaders/schema.js";
import {dist, root} from "../support/site.js";

export const screenshots = join(root, "test", "screenshots");

/** A table from dist/_file/data/, as the pages fetch it (`facts` reads `facts.<hash>.json`). */
export function builtTable<T = Record<string, any>>(name: string): T[] {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  assert.ok(file, `${name}.json was built`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

let tables: Promise<Tables> | undefined;

/** The engine's tables of the documents the site was built from (data/, or DATA_DIR), computed in Node. */
export function engineTables(): Promise<Tables> {
  return (tables ??= cachedTables([process.env.DATA_DIR ?? join(root, "data")], {log: () => {}}));
}

/** The sum of the facts of a kind the site adds up: those whose `summable` column is true (loaders/summable.ts). */
export function sumOf(facts: readonly Record<string, any>[], kind: string): number {
  return facts.filter((d) => d.kind === kind && d.summable).reduce((sum, d) => sum + d.value, 0);
}

/** Counts the bytes a page receives and the paths it asks for, from the moment this is called. */
export function transfers(page: Page): {bytes: () => number; paths: string[]} {
  let bytes = 0;
  const paths: string[] = [];
  page.on("response", async (response) => {
    paths.push(new URL(response.url()).pathname);
    const length = Number(response.headers()["content-length"]);
    bytes += Number.isFinite(length) ? length : (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  return {bytes: () => bytes, paths};
}

/**
 * The number a queried table (queryTable.js) says it holds in all, once its count has come back: when `expected` is
 * given, once it says that (a filter just changed may still show the table before), or after 30 s whatever it says.
 */
export async function queriedTotal(page: Page, selector: string, expected?: number): Promise<number> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const count = page.locator(`${selector} .query-count[data-total]`);
  await count.waitFor({timeout: 60_000});
  if (expected !== undefined) {
    await page
      .waitForFunction(
        ([selector, n]) => document.querySelector(`${selector} .query-count`)?.getAttribute("data-total") === String(n),
        [selector, expected] as const,
        {timeout: 30_000}
      )
      .catch(() => {});
  }
  return Number(await count.getAttribute("data-total"));
}

/** Files whose size grows with the number of facts or articles: the data pages must not load them. */
export const corpusSized =
  /\/_file\/data\/(facts|articles|places|documents)\.[0-9a-f]+\.json$|\.duckdb$|duckdb.*\.wasm$/;

/** The unformatted number a KPI card holds. */
export async function kpiValue(page: Page, id: string): Promise<number> {
  return Number(await page.locator(`#${id} .big`).getAttribute("data-value"));
}

/** The number of marks (bars) in the chart inside `selector`. */
export async function barCount(page: Page, selector: string): Promise<number> {
  return page.locator(`${selector} svg g[aria-label='bar'] rect`).count();
}

/** The text of the chart's bars' tooltip-bearing titles and axis labels, to see what a chart shows. */
export async function chartText(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} svg`).first().textContent()) ?? "";
}

/** Chooses an option of a filter select by its visible label. */
export async function choose(page: Page, filter: string, label: string | RegExp): Promise<void> {
  const select = page.locator(`select[data-filter=${filter}]`);
  const options = await select.locator("option").allTextContents();
  const index = options.findIndex((text) => (typeof label === "string" ? text === label : label.test(text)));
  assert.ok(index >= 0, `${filter} has an option ${label}: ${options.join(", ")}`);
  await select.selectOption({index});
}

/** Full-page screenshots in the light and the dark theme. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, {recursive: true});
  await page.evaluate(() => document.fonts.ready);
  await page.emulateMedia({colorScheme: "light"});
  await page.screenshot({path: join(screenshots, `${name}.png`), fullPage: true});
  await page.emulateMedia({colorScheme: "dark"});
  await page.waitForTimeout(200);
  await page.screenshot({path: join(screenshots, `${name}-dark.png`), fullPage: true});
  await page.emulateMedia({colorScheme: "light"});
}
