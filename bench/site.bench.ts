// The built site in headless Chromium: time to the first chart and bytes received, on the overview (the issue's
// target: < 1 s and < 1 MB on the seeds, with no DuckDB), on /funds and /coverage, and on /sql, where DuckDB-wasm
// does load, for comparison. Cold loads each get a new browser context (empty cache); warm loads reuse one context
// after a first load. Timings are printed against the target but never fail the run: the machine is shared.
import {existsSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {launch} from "../scripts/chromium.js";
import {serve} from "../scripts/serve.js";
import {dist, ensureBuilt} from "../test/support/site.js";
import {measureLoad, type Load} from "./site-load.js";

const coldRuns = 5;
const warmRuns = 3;
const target = {chartMs: 1000, bytes: 1e6};

// The first chart each page draws: a Plot SVG with its marks in it (an empty SVG frame does not count).
const pages = [
  {path: "/", chart: "#funds-by-county svg g[aria-label='bar'] rect"},
  {path: "/funds", chart: "#funds-by-county svg g[aria-label='bar'] rect"},
  {path: "/coverage", chart: "#coverage-map svg g[aria-label='dot'] circle"},
  {path: "/sql", chart: "svg g[aria-label='bar'] rect"}
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (xs: number[]) => `${median(xs).toFixed(0)} [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
const kB = (n: number) => `${(n / 1e3).toFixed(0)} kB`;
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const bytesOf = (load: Load) => load.responses.reduce((sum, r) => sum + r.bytes, 0);
const isDuckDB = (url: string) => /duckdb/i.test(url);

/** The file in dist/ a URL is answered with (as scripts/serve.ts maps it), for a gzip estimate. */
function distFile(url: string): string | undefined {
  const path = decodeURIComponent(new URL(url).pathname);
  const candidates = path.endsWith("/")
    ? [join(dist, path, "index.html")]
    : [join(dist, path), join(dist, `${path}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}
const gzipSizes = new Map<string, number>();
function gzipSize(url: string): number {
  const file = distFile(url);
  if (!file) return 0;
  if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(file)).length);
  return gzipSizes.get(file)!;
}

const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");

export default async function run(): Promise<void> {
  // An existing dist/ is measured as it is: run `npm run build` first after changing the site.
  ensureBuilt();
  console.log(`dist/ built ${statSync(join(dist, "index.html")).mtime.toISOString()}`);
  const server = await serve(dist);
  const browser = await launch();
  try {
    const results = new Map<string, {cold: Load[]; warm: Load[]}>();
    for (const {path, chart} of pages) {
      try {
        results.set(path, await measurePage(browser, server.origin + path, chart));
      } catch (error) {
        // A page that never draws its chart is a finding to print, not a reason to lose the other pages' figures.
        console.log(`${path}: no figures, ${String(error).split("\n")[0]}`);
      }
    }
    report(results);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measurePage(browser: Browser, url: string, chart: string): Promise<{cold: Load[]; warm: Load[]}> {
  const cold: Load[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const context = await browser.newContext({locale: "zh-CN"});
    cold.push(await measureLoad(context, url, chart));
    await context.close();
  }
  const context = await browser.newContext({locale: "zh-CN"});
  await measureLoad(context, url, chart);
  const warm: Load[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await measureLoad(context, url, chart));
  await context.close();
  return {cold, warm};
}

function report(results: Map<string, {cold: Load[]; warm: Load[]}>): void {
  console.log(
    `site in headless Chromium, ${coldRuns} cold loads (new context, empty cache) and ${warmRuns} warm (same context) ` +
      `per page; ms from navigation start by the page's clock, median [min–max]`
  );
  console.log(
    "bytes: Playwright request.sizes() (CDP encodedDataLength: body + headers) of every request of the page and its " +
      "workers until 500 ms without one; uncompressed, as scripts/serve.ts sends no Content-Encoding. " +
      "gzip: what those files would weigh gzipped. 1 MB = 10^6 bytes"
  );
  const widths = [10, 5, 17, 17, 17, 17, 5, 9, 9, 6];
  console.log(
    row(
      ["page", "load", "first chart", "FCP", "DOMContentLoaded", "load event", "reqs", "bytes", "gzip", "duckdb"],
      widths
    )
  );
  for (const [path, {cold, warm}] of results) {
    for (const [kind, loads] of [
      ["cold", cold],
      ["warm", warm]
    ] as const) {
      const bytes = loads.map(bytesOf);
      const gzip = loads.map((l) =>
        l.responses.filter((r) => r.bytes > 0).reduce((sum, r) => sum + gzipSize(r.url), 0)
      );
      const duckdb = loads.some((l) => l.responses.some((r) => isDuckDB(r.url)));
      console.log(
        row(
          [
            path,
            kind,
            ms(loads.map((l) => l.chart)),
            ms(loads.map((l) => l.firstContentfulPaint)),
            ms(loads.map((l) => l.domContentLoaded)),
            ms(loads.map((l) => l.load)),
            String(median(loads.map((l) => l.responses.length))),
            MB(median(bytes)),
            MB(median(gzip)),
            duckdb ? "yes" : "no"
          ],
          widths
        )
      );
    }
  }

  const home = results.get("/");
  if (!home) return;
  const overview = home.cold;
  const chart = median(overview.map((l) => l.chart));
  const bytes = median(overview.map(bytesOf));
  const duckdbFiles = overview.flatMap((l) => l.responses.filter((r) => isDuckDB(r.url)).map((r) => r.url));
  const verdict = (ok: boolean) => (ok ? "PASS" : "over");
  console.log(
    `target, overview cold: first chart ${chart.toFixed(0)} ms < ${target.chartMs} ms: ${verdict(chart < target.chartMs)}`
  );
  console.log(`target, overview cold: ${MB(bytes)} received < ${MB(target.bytes)}: ${verdict(bytes < target.bytes)}`);
  console.log(
    `target, overview: no DuckDB file requested: ${duckdbFiles.length ? `FAIL (${duckdbFiles[0]} …)` : "PASS"}`
  );
  // Ratios within this run are steadier than the absolute times on a shared machine.
  const warmBytes = median(home.warm.map(bytesOf));
  console.log(
    `ratio, overview warm ÷ cold: bytes ${(warmBytes / bytes).toFixed(2)} (serve.ts sends no Cache-Control or ` +
      `validators, so a warm load fetches everything again), first chart ${(median(home.warm.map((l) => l.chart)) / chart).toFixed(2)}`
  );
  const sql = results.get("/sql");
  if (sql)
    console.log(`ratio, first chart cold: /sql ÷ / = ${(median(sql.cold.map((l) => l.chart)) / chart).toFixed(1)}×`);

  for (const [path, {cold}] of results) {
    console.log(`${path}, 5 biggest responses of a cold load:`);
    for (const r of [...cold[0].responses].sort((a, b) => b.bytes - a.bytes).slice(0, 5)) {
      console.log(
        `  ${kB(r.bytes).padStart(8)}  (gzip ${kB(gzipSize(r.url)).padStart(7)})  ${new URL(r.url).pathname}`
      );
    }
  }

  // What makes up the overview's weight: every response of one cold load, grouped, biggest first.
  const first = overview[0];
  const groups = new Map<string, {count: number; bytes: number}>();
  for (const r of first.responses) {
    const group = groupOf(new URL(r.url).pathname);
    const g = groups.get(group) ?? {count: 0, bytes: 0};
    groups.set(group, {count: g.count + 1, bytes: g.bytes + r.bytes});
  }
  console.log("overview, a cold load by kind of file:");
  for (const [group, {count, bytes}] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${kB(bytes).padStart(7)}  ${String(count).padStart(3)} files  ${group}`);
  }
  const failed = [...results.values()].flatMap(({cold, warm}) => [...cold, ...warm].flatMap((l) => l.failed));
  if (failed.length) console.log(`failed requests: ${[...new Set(failed)].join(", ")}`);
}

/** A label for a file of dist/: the npm package it comes from, or the part of the site. */
function groupOf(path: string): string {
  if (path.includes("noto-sans-sc") && path.endsWith(".woff2")) return "Noto Sans SC font pieces (woff2)";
  const npm = /^\/_(?:npm|node)\/((?:@[^/]+\/)?[^/@]+)@/.exec(path);
  if (npm) return `npm ${npm[1]}`;
  if (path.startsWith("/_file/")) return "data files (_file/)";
  if (path.startsWith("/_import/")) return "site components (_import/)";
  if (path.startsWith("/_observablehq/")) return "Framework client, runtime, stdlib, theme (_observablehq/)";
  return "page HTML and other";
}
