// What the browser tests of the data pages share: the tables as built into dist/, and the checks every page passes.
import assert from "node:assert/strict";
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {dist, root} from "../support/site.js";

export const screenshots = join(root, "test", "screenshots");

/** A table from dist/_file/data/, as the pages fetch it (`facts` reads `facts.<hash>.json`). */
export function builtTable<T = Record<string, any>>(name: string): T[] {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  assert.ok(file, `${name}.json was built`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/** The facts of a kind the site adds up: yuan only for money, no rates (`per`) and no averages (`per_entity`). */
export function sumOf(facts: Record<string, any>[], kind: string): number {
  return facts
    .filter((d) => d.kind === kind && (kind !== "money" || d.currency === "CNY") && d.per == null && d.per_entity == null)
    .reduce((sum, d) => sum + d.value, 0);
}

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
