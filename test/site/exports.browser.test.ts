import {after, test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {strFromU8, unzipSync} from "fflate";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Browser, Page} from "playwright-core";
import {watchedPage, type Watched} from "../support/browser.js";
import {root} from "../support/site.js";
import {servedSite} from "../support/served.js";
import {engineTables} from "./pages.js";

let watched: Watched;
const dialogs: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), "downloads-"));
const screenshots = join(root, "test", "screenshots");

const site = servedSite(async () => {
  watched = await watchedPage(site.browser);
  watched.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await watched.page.goto(`${site.origin}/methods`);
  await watched.page.waitForSelector("#sizes-chart svg g[aria-label='bar'] rect");
  await watched.page.waitForSelector("#documents-table tbody tr");
});

after(async () => {
  rmSync(scratch, {recursive: true, force: true});
});

/** Clicks a download button and returns the file it gives. */
async function download(page: Page, selector: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(scratch, file.suggestedFilename());
  await file.saveAs(path);
  return {name: file.suggestedFilename(), bytes: readFileSync(path)};
}

/** Parses XML with the browser's own parser; returns its error, if any. */
async function xmlError(page: Page, text: string, type = "application/xml"): Promise<string | null> {
  return page.evaluate(
    ([text, type]) =>
      new DOMParser().parseFromString(text, type as DOMParserSupportedType).querySelector("parsererror")?.textContent ??
      null,
    [text, type]
  );
}

test("the methods page draws its chart from the component, in Chinese, from local files only", async () => {
  const {page, errors, remoteRequests} = watched;
  assert.equal(await page.locator("#sizes-chart svg g[aria-label='bar'] rect").count(), 5);
  assert.match((await page.locator("#sizes-chart svg").first().textContent()) ?? "", /字数 characters/);
  // The kind-by-topic grid has a cell per (kind, topic) pair, and its numbers add up to every fact.
  const {facts, places} = await engineTables();
  const pairs = new Set(facts.map((d) => `${d.kind}/${d.topic}`));
  assert.equal(await page.locator("#kind-topic svg g[aria-label='cell'] rect").count(), pairs.size);
  const numbers = await page.locator("#kind-topic svg g[aria-label='text'] text").allTextContents();
  assert.equal(
    numbers.reduce((sum, n) => sum + Number(n.replace(/,/g, "")), 0),
    facts.length
  );
  assert.match(await page.locator("#rejected-table").innerText(), /None/);
  const outside = places.filter((d) => d.level === "village" && !d.registered);
  assert.ok(outside.length > 0, "the seeds name villages the register lacks");
  assert.equal(await page.locator("#villages-outside tbody tr").count(), outside.length);
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(screenshots, {recursive: true});
  await page.screenshot({path: join(screenshots, "methods.png"), fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(remoteRequests, []);
});

test("the place names that did not resolve are those of the articles table, or None", async () => {
  const {page} = watched;
  const {articles} = await engineTables();
  assert.ok(
    articles.every((a) => "unresolved_places" in a),
    "the articles table has the column"
  );
  const names = articles.flatMap((a) => (a.unresolved_places ? a.unresolved_places.split("、") : []));
  const shown = await page.locator("#unresolved-places").innerText();
  if (!names.length) assert.equal(shown.trim(), "None.");
  // Inputs.table draws its first rows at once and the rest as one scrolls: the first ten are enough to check.
  for (const name of names.slice(0, 10)) assert.ok(shown.includes(name), `${name} in ${shown}`);
  assert.deepEqual(watched.errors, []);
});

test("the chart downloads as a standalone SVG with its Chinese glyphs embedded", async () => {
  const {page} = watched;
  const {name, bytes} = await download(page, "#sizes-chart button[data-download=svg]");
  assert.equal(name, "document-sizes.svg");
  const svg = bytes.toString("utf8");
  assert.match(svg, /^<\?xml[^>]*>\n<svg /);
  assert.match(svg, /字数 characters/);
  assert.equal(await xmlError(page, svg, "image/svg+xml"), null);
  const fonts = svg.match(/src:url\("data:font\/woff2;base64,/g) ?? [];
  assert.ok(fonts.length >= 2, "the font pieces for the Latin and the Chinese text are embedded");
  assert.doesNotMatch(svg, /var\(--/);
});

test("the chart downloads as a PNG at twice its CSS size", async () => {
  const {page} = watched;
  const size = await page.evaluate(() => {
    const {width, height} = document.querySelector("#sizes-chart svg")!.getBoundingClientRect();
    return {width, height};
  });
  const {name, bytes} = await download(page, "#sizes-chart button[data-download=png]");
  assert.equal(name, "document-sizes.png");
  assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
  assert.equal(bytes.readUInt32BE(16), Math.round(size.width * 2));
  assert.equal(bytes.readUInt32BE(20), Math.round(size.height * 2));
  writeFileSync(join(screenshots, "methods-chart.png"), bytes);
});

test("the table downloads as CSV with a BOM, XLSX, Parquet and JSON that open", async () => {
  const {page} = watched;
  const csv = await download(page, "#documents-table button[data-download=csv]");
  assert.equal(csv.name, "documents.csv");
  assert.ok(csv.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  const lines = csv.bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  assert.equal(lines[0], "doc,status,reason,encoding,chars,masthead,issue_date,year,sha256");
  assert.equal(lines.length, 6);

  const xlsx = await download(page, "#documents-table button[data-download=xlsx]");
  assert.equal(xlsx.name, "documents.xlsx");
  const parts = unzipSync(new Uint8Array(xlsx.bytes));
  for (const [part, bytes] of Object.entries(parts)) assert.equal(await xmlError(page, strFromU8(bytes)), null, part);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  assert.match(sheet, /000_75a53e5b155eac84\.txt/);
  assert.equal(sheet.match(/<row /g)?.length, 6);

  const pq = await download(page, "#documents-table button[data-download=parquet]");
  assert.equal(pq.name, "documents.parquet");
  assert.equal(pq.bytes.subarray(0, 4).toString(), "PAR1");
  assert.equal(pq.bytes.subarray(-4).toString(), "PAR1");
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const path = join(scratch, pq.name);
  const read = await connection.runAndReadAll(`SELECT count(*)::INT AS n, sum(chars)::INT AS chars FROM '${path}'`);
  const expected = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[4]), 0);
  assert.deepEqual(read.getRowObjectsJS(), [{n: 5, chars: expected}]);

  const json = await download(page, "#documents-table button[data-download=json]");
  assert.equal(JSON.parse(json.bytes.toString("utf8")).length, 5);
  assert.deepEqual(watched.errors, []);
  assert.deepEqual(watched.remoteRequests, []);
});

test("article text containing <script> and <img onerror> shows as text and runs nothing", async () => {
  const {page} = watched;
  const text = await page.locator("#hostile-text").innerText();
  assert.match(text, /<script>alert\(1\)<\/script>/);
  assert.match(text, /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator("#hostile-text mark").innerText(), "126户");
  assert.match(
    await page.locator("#hostile-table tbody").innerText(),
    /<script>alert\(1\)<\/script>李堤口村<img src=x onerror=alert\(1\)>/
  );
  assert.equal(
    await page.locator("#hostile-text script, #hostile-text img, #hostile-table script, #hostile-table img").count(),
    0
  );
  const csv = await download(page, "#hostile-table button[data-download=csv]");
  assert.match(csv.bytes.toString("utf8"), /,"'=HYPERLINK\(""http:\/\/example\.invalid""\)"\r\n$/);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(watched.errors, []);
});
