// The site built from two synthetic archives (bench/scale-corpus.ts) of different sizes: every kind of page
// (test/support/site-pages.ts) must show what it is for in both, and what it loads must not grow with the corpus
// (bytes at the larger ÷ bytes at the smaller ≤ 1.5).
//
// Sizes: SCALE_TEST_PAGES, default "10,100". Ten times the corpus makes anything that grows with it show as several
// times its share, so a ratio of 1.5 is strict. With one article view (article?id=) and no per-article pages, the two
// builds and the page loads cost about 2.5 CPU minutes in all; never run it beside another build of this checkout, as
// builds share Framework's loader cache in src/.observablehq.
//
// The ratio is asserted for every page kind (SCALE_ENFORCE, "all" or names comma-separated, narrows it when a page
// is being reworked; the others then run and are reported as `todo`).
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {scaleCorpus} from "../../bench/scale-corpus.js";
import {launch} from "../../scripts/chromium.js";
import {serve} from "../../scripts/serve.js";
import {buildSite} from "../support/site.js";
import {loadEachPage, pageKinds, sampleOf, type PageLoad} from "../support/site-pages.js";

const MAX_RATIO = 1.5;
const allPages = pageKinds.map((k) => k.name);
const narrowed = process.env.SCALE_ENFORCE && process.env.SCALE_ENFORCE !== "all";
const enforce = narrowed ? process.env.SCALE_ENFORCE!.split(",") : allPages;
const sizes = (process.env.SCALE_TEST_PAGES ?? "10,100").split(",").map(Number);

const work = mkdtempSync(join(tmpdir(), "scale-test-"));
let browser: Browser;
const loads = new Map<number, PageLoad[]>();

before(async () => {
  browser = await launch();
  for (const pages of sizes) {
    const data = scaleCorpus(pages, join(work, `data-${pages}`));
    const dist = join(work, `dist-${pages}`);
    // The sample first (it extracts the tables, which the build then finds cached), so that of the place pages only
    // the county and the town loaded here are built: what a page loads does not depend on which others exist.
    const sample = await sampleOf(data);
    buildSite({DATA_DIR: data, OBSERVABLE_OUTPUT: dist, PLACE_PAGES: `${sample.county},${sample.town}`});
    const server = await serve(dist, {gzip: true});
    try {
      loads.set(pages, await loadEachPage(browser, server.origin, sample));
    } finally {
      await server.close();
    }
  }
});

after(async () => {
  await browser?.close();
  rmSync(work, {recursive: true, force: true});
});

const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
/** A response's path with Framework's content hash taken out, to pair the files of two builds. */
const unhashed = (url: string) => new URL(url).pathname.replace(/\.[0-9a-f]{8}(\.[a-z0-9]+)$/, "$1");

/** The files that grew most between the two loads of a page. */
function growth(small: PageLoad, large: PageLoad): string {
  const sizes = (load: PageLoad) => {
    const by = new Map<string, number>();
    for (const r of load.load?.responses ?? []) by.set(unhashed(r.url), (by.get(unhashed(r.url)) ?? 0) + r.bytes);
    return by;
  };
  const [a, b] = [sizes(small), sizes(large)];
  return [...b]
    .map(([path, bytes]) => [path, bytes - (a.get(path) ?? 0)] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([path, bytes]) => `${path} +${MB(bytes)}`)
    .join(", ");
}

for (const kind of pageKinds) {
  test(`${kind.name}: shows what it is for at every size`, () => {
    for (const pages of sizes) {
      const load = loads.get(pages)!.find((l) => l.kind === kind)!;
      assert.ok(load.load, `${kind.name} at ${pages} pages (${load.path}): ${load.error}`);
      assert.deepEqual(load.load.failed, [], `${kind.name} at ${pages} pages: failed requests`);
    }
  });

  const todo = enforce.includes(kind.name) ? undefined : "enabled once pages load aggregates (issue 10, items 2–5)";
  test(
    `${kind.name}: bytes loaded grow at most ${MAX_RATIO}× from ${sizes[0]} to ${sizes.at(-1)} pages`,
    {todo},
    () => {
      const [small, large] = [loads.get(sizes[0])!, loads.get(sizes.at(-1)!)!].map((all) =>
        all.find((l) => l.kind === kind)!
      );
      assert.ok(small.load && large.load, `${kind.name} did not load`);
      const ratio = large.bytes / small.bytes;
      const report =
        `${kind.name}: ${MB(small.bytes)} at ${sizes[0]} pages, ${MB(large.bytes)} at ${sizes.at(-1)} pages, ` +
        `ratio ${ratio.toFixed(2)}; grew most: ${growth(small, large)}`;
      console.log(`# ${report}`);
      assert.ok(ratio <= MAX_RATIO, report);
    }
  );
}
