// The scale bench (`npm run bench:scale -- --pages N`, default 10,000): the site built from a synthetic archive of N
// pages (bench/scale-corpus.ts, ~15 kB each, so 10,000 ≈ 150 MB) and measured against the targets of issue 10:
//   - cold `npm run build` (no extracted tables, no loader outputs; the vendored libraries kept): time, peak memory;
//   - rebuild after adding one page: time, peak memory;
//   - the size of the built site;
//   - per kind of page (test/support/site-pages.ts): bytes transferred from a server that gzips as hosts do, and ms
//     from navigation start to the first chart or result, in headless Chromium with an empty cache.
// It builds in a copy of the project under --work (default /tmp/liaocheng-scale-N: site/ with its own Framework
// cache, tables/, dist/), so the checkout, its dist/ and its caches are left alone and can be used meanwhile. A page
// that fails to load is printed as such and the run goes on, so it can run unattended; the figures and the build
// logs are written beside.
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {parseArgs} from "node:util";
import {launch} from "../scripts/chromium.js";
import {serve} from "../scripts/serve.js";
import {root} from "../scripts/site-build.js";
import {loadEachPage, sampleOf, type PageLoad} from "../test/support/site-pages.js";
import {scaleCorpus, scalePage} from "./scale-corpus.js";
import {measuredBuild, projectCopy, type BuildFigures} from "./scale-build.js";

const targets = {
  coldBuildSeconds: 600,
  peakBytes: 6e9,
  rebuildSeconds: 120,
  page: {bytes: 1e6, ms: 1500},
  article: {bytes: 0.5e6, ms: 1500},
  search: {bytes: 3e6, ms: 2000}
};
const MB = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const GB = (n: number) => `${(n / 1e9).toFixed(2)} GB`;
const s = (n: number) => `${n.toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? "PASS" : "over");
const PAGE_PASSES = 3;
const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[(xs.length - 1) >> 1];

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The built site's size, in all and by part (top folder, with _file/ and _observablehq/ one level deeper). */
function siteSize(dist: string): {bytes: number; files: number; parts: [string, {bytes: number; files: number}][]} {
  const parts = new Map<string, {bytes: number; files: number}>();
  let bytes = 0;
  let files = 0;
  for (const file of walk(dist)) {
    const size = statSync(file).size;
    const segments = relative(dist, file).split("/");
    const part =
      segments.length === 1
        ? "(top-level pages)"
        : segments[0].startsWith("_")
          ? segments.slice(0, 2).join("/")
          : segments[0];
    const p = parts.get(part) ?? {bytes: 0, files: 0};
    parts.set(part, {bytes: p.bytes + size, files: p.files + 1});
    bytes += size;
    files++;
  }
  return {bytes, files, parts: [...parts].sort((a, b) => b[1].bytes - a[1].bytes)};
}

function printBuild(label: string, build: BuildFigures): void {
  console.log(
    `${label}: ${build.ok ? "" : "FAILED, "}${s(build.seconds)} (CPU ${s(build.cpuSeconds)}, load average ` +
      `${build.loadAverage.toFixed(1)} at the start), peak memory ${GB(build.peakTreeBytes)} (process tree), ` +
      `${GB(build.peakProcessBytes)} (largest process)`
  );
  for (const line of build.extracted) console.log(`  engine: ${line}`);
  console.log(`  phases: ${[...build.phases].map(([phase, t]) => `${phase} ${s(t)}`).join(", ")}`);
  console.log(
    `  pages read: ${[...build.pages].map(([kind, {count, seconds}]) => `${kind} ${count} in ${s(seconds)}`).join(", ")}`
  );
  console.log(
    `  slowest files: ${build.files
      .slice(0, 6)
      .map(([file, t]) => `${file} ${s(t)}`)
      .join(", ")}`
  );
  if (!build.ok) console.log(build.output.split("\n").slice(-30).join("\n"));
}

function printPages(results: PageLoad[]): void {
  console.log(
    `pages, median of ${PAGE_PASSES} cold loads each (empty cache), served gzipped; bytes = every response of the page and its workers:`
  );
  console.log(
    `  ${"page".padEnd(11)}${"bytes".padStart(10)}${"first".padStart(10)}${"reqs".padStart(6)}  target       biggest response`
  );
  for (const {kind, path, load, error, bytes, ms} of results) {
    if (!load) {
      console.log(`  ${kind.name.padEnd(11)} no figures: ${error} (${path})`);
      continue;
    }
    const target = kind.name === "article" ? targets.article : kind.name === "search" ? targets.search : targets.page;
    const biggest = [...load.responses].sort((a, b) => b.bytes - a.bytes)[0];
    const ok = bytes <= target.bytes && ms <= target.ms;
    console.log(
      `  ${kind.name.padEnd(11)}${MB(bytes).padStart(10)}${`${ms.toFixed(0)} ms`.padStart(10)}${String(load.responses.length).padStart(6)}  ` +
        `${verdict(ok).padEnd(4)} ≤${MB(target.bytes)}  ${biggest ? `${MB(biggest.bytes)} ${new URL(biggest.url).pathname}` : ""}`
    );
    if (load.failed.length) console.log(`  ${"".padEnd(11)} failed: ${load.failed.slice(0, 3).join(", ")}`);
  }
}

export default async function run(argv: string[] = []): Promise<void> {
  const {values} = parseArgs({
    args: argv,
    options: {
      pages: {type: "string", default: "10000"},
      work: {type: "string"},
      "no-rebuild": {type: "boolean", default: false},
      "no-browser": {type: "boolean", default: false},
      // Only the rebuild, over the cold build an earlier run left in --work, with today's sources: for measuring a
      // change to the loaders without the cold build's hour.
      "rebuild-only": {type: "boolean", default: false}
    }
  });
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`--pages: a positive whole number, not ${values.pages}`);
  const work = values.work ?? `/tmp/liaocheng-scale-${pages}`;
  const dist = join(work, "dist");
  const cache = join(work, "tables");
  mkdirSync(work, {recursive: true});

  let start = performance.now();
  const corpus = scaleCorpus(pages);
  // A page a rebuild added, left behind by a run that was stopped.
  for (const file of readdirSync(corpus).filter((f) => f.startsWith("added-"))) rmSync(join(corpus, file));
  const corpusBytes = [...walk(corpus)].filter((f) => f.endsWith(".txt")).reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `archive: ${pages} pages, ${MB(corpusBytes)} in ${relative(root, corpus)} (${s((performance.now() - start) / 1000)} to make or find)`
  );

  const env = {DATA_DIR: corpus, OBSERVABLE_OUTPUT: dist, LIAOCHENG_CACHE_DIR: cache};
  const json = join(work, "figures.json");
  const rebuildOnly = values["rebuild-only"];
  const figures: Record<string, unknown> =
    rebuildOnly && existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : {pages, corpusBytes};
  let site: string;
  let cold: BuildFigures | null = null;
  if (rebuildOnly) site = projectCopy(join(work, "site"), {keepCache: true});
  else {
    // Cold: no tables, no loader outputs; the vendored libraries in Framework's cache are copied with src/.
    rmSync(cache, {recursive: true, force: true});
    rmSync(dist, {recursive: true, force: true});
    site = projectCopy(join(work, "site"));
    cold = await measuredBuild(site, env, join(work, "build-cold.log"));
    printBuild("cold npm run build", cold);
    figures.cold = {...cold, output: undefined};
  }
  if (cold?.ok) {
    const size = siteSize(dist);
    console.log(`dist: ${MB(size.bytes)} in ${size.files} files; biggest parts:`);
    for (const [part, {bytes, files}] of size.parts.slice(0, 8))
      console.log(`  ${MB(bytes).padStart(9)} ${String(files).padStart(6)} files  ${part}`);
    figures.dist = size;

    if (!values["no-browser"]) {
      const sample = await sampleOf(corpus, cache);
      console.log(
        `sample: county ${sample.county}, town ${sample.town}, article ${sample.article}, query ${sample.query}`
      );
      const server = await serve(dist, {gzip: true});
      const browser = await launch();
      try {
        // Three passes, each page in a new context with an empty cache: one load on a shared machine, or the first
        // page a freshly started browser draws, can take half as long again as the next, so the figure is the median.
        const passes: PageLoad[][] = [];
        for (let pass = 0; pass < PAGE_PASSES; pass++) passes.push(await loadEachPage(browser, server.origin, sample));
        const loads = passes[0].map((load, k) => ({...load, ms: median(passes.map((p) => p[k].ms))}));
        printPages(loads);
        figures.pages = loads.map(({kind, path, error, bytes, ms}) => ({name: kind.name, path, error, bytes, ms}));
      } finally {
        await browser.close();
        await server.close();
      }
    }
  }

  // A rebuild after a failed cold build would fail the same way, for as long.
  if (rebuildOnly || (!values["no-rebuild"] && cold?.ok)) {
    // A page no earlier run added: the tables' cache keeps what it extracted, so the same page again would cost no
    // extraction and the rebuild would look cheaper than a user's.
    const runs = Number(figures.rebuildRuns ?? 0);
    figures.rebuildRuns = runs + 1;
    const added = scalePage(pages + runs);
    const addedPath = join(corpus, `added-${added.name}`);
    writeFileSync(addedPath, added.text);
    // Framework clears only an output folder inside the project; this one is beside it, and a file of the last build
    // left there is "file conflict".
    rmSync(dist, {recursive: true, force: true});
    try {
      const rebuild = await measuredBuild(site, env, join(work, "build-rebuild.log"));
      printBuild("rebuild after adding one page", rebuild);
      figures.rebuild = {...rebuild, output: undefined};
    } finally {
      rmSync(addedPath, {force: true});
    }
  }

  const rebuild = figures.rebuild as BuildFigures | undefined;
  if (cold) {
    console.log(
      `target: cold build ${s(cold.seconds)} ≤ ${targets.coldBuildSeconds} s: ${verdict(cold.ok && cold.seconds <= targets.coldBuildSeconds)}`
    );
    console.log(
      `target: peak memory ${GB(cold.peakTreeBytes)} ≤ ${GB(targets.peakBytes)}: ${verdict(cold.peakTreeBytes <= targets.peakBytes)}`
    );
  }
  if (rebuild)
    console.log(
      `target: rebuild ${s(rebuild.seconds)} ≤ ${targets.rebuildSeconds} s: ${verdict(rebuild.ok && rebuild.seconds <= targets.rebuildSeconds)}`
    );
  writeFileSync(
    json,
    JSON.stringify(figures, (_, v) => (v instanceof Map ? Object.fromEntries(v) : v), 2)
  );
  console.log(`figures: ${json}; build logs beside it`);
}
