// The kinds of page the scale bench and the scale test load, in one list: where each is, and what on it shows that it
// has drawn (its first chart, its text, its first result). When a page moves, change it here.
import type {Browser, Page} from "playwright-core";
import {measureLoad, type Load} from "../../bench/site-load.js";
import {cachedTables} from "../../loaders/run/cache.js";
import {loadGazetteer} from "../../loaders/gazetteer.js";

/** What a corpus offers the pages that take a parameter. */
export interface Sample {
  /** A county or zone code with a page: the one with the most poverty-relief figures. */
  county: string;
  /** A town code with a page: the one with the most poverty-relief figures. */
  town: string;
  /** An article with figures, to show highlighted. */
  article: string;
  /** Words to search for that the corpus has. */
  query: string;
}

export interface PageKind {
  name: string;
  path: (sample: Sample) => string;
  /** A selector that matches once the page shows what it is for. */
  ready: string;
  /** What the reader does after the page has loaded (type a search); its time is in the figures. */
  act?: (page: Page, sample: Sample) => Promise<void>;
}

const bars = (id: string) => `#${id} svg g[aria-label='bar'] rect`;

export const pageKinds: PageKind[] = [
  {name: "overview", path: () => "/", ready: bars("funds-by-county")},
  {name: "funds", path: () => "/funds", ready: bars("funds-by-county")},
  {name: "households", path: () => "/households", ready: bars("counts-by-county")},
  {name: "coverage", path: () => "/coverage", ready: "#coverage-map svg g[aria-label='dot'] circle"},
  {name: "county", path: (s) => `/county/${s.county}`, ready: bars("county-funds")},
  {name: "town", path: (s) => `/town/${s.town}`, ready: bars("town-topics")},
  {name: "article", path: (s) => `/article?id=${s.article}`, ready: "#article-text mark"},
  {name: "search", path: (s) => `/search?q=${encodeURIComponent(s.query)}`, ready: "#search-results > li"},
  // These two query the DuckDB database: its blocks, not the whole file, are what they read.
  {name: "articles", path: () => "/articles", ready: "#articles-table tbody tr"},
  {name: "methods", path: () => "/methods", ready: "#documents-table tbody tr"}
];

/** The sample of a corpus: read from the extracted tables, made once per corpus (loaders/run/cache.ts, in `cacheDir`). */
export async function sampleOf(dataDir: string, cacheDir?: string): Promise<Sample> {
  const {articles, facts} = await cachedTables([dataDir], {dir: cacheDir});
  const {places} = loadGazetteer();
  // The place with a page (a county or zone, a town of the prefecture) at or above a fact's place.
  const above = (code: string | null, levels: string[]) => {
    for (let place = code ? places.get(code) : undefined; place; place = places.get(place.parent_code ?? "")) {
      if (levels.includes(place.level)) return place.in_prefecture ? place.code : null;
    }
    return null;
  };
  const relief = facts.filter((f) => f.is_poverty_relief !== false);
  const most = (levels: string[]) => {
    const counts = new Map<string, number>();
    for (const f of relief) {
      const code = above(f.place_code, levels);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const perArticle = new Map<string, number>();
  for (const f of relief) perArticle.set(f.article_id, (perArticle.get(f.article_id) ?? 0) + 1);
  const article = articles.find((a) => (perArticle.get(a.article_id) ?? 0) >= 3) ?? articles[0];
  // Words more than a page of results hold in every corpus, so the search page reads its full first batches at any
  // size (with fewer matches than a page, a small corpus would read less and the comparison would show growth).
  const matches = (q: string) => articles.filter((a) => a.text.includes(q)).length;
  const query =
    ["贫困户", "脱贫攻坚", "扶贫车间"].find((q) => matches(q) >= 60) ?? ["贫困户", "脱贫攻坚"].find(matches);
  const [county, town] = [most(["county", "zone"]), most(["town"])];
  if (!county || !town || !article || !query)
    throw new Error(`no county, town, article or query to load in ${dataDir}`);
  return {county, town, article: article.article_id, query};
}

export interface PageLoad {
  kind: PageKind;
  path: string;
  /** The load, or why there is none (the page never showed what it is for). */
  load?: Load;
  error?: string;
  /** Bytes of every response of the page and its workers. */
  bytes: number;
  /** ms to the first chart or result: from navigation, or from the reader's action when there is one. */
  ms: number;
}

/** Each kind of page, loaded once in a new browser context (an empty cache) from the site at `origin`. */
export async function loadEachPage(
  browser: Browser,
  origin: string,
  sample: Sample,
  timeout = 180_000
): Promise<PageLoad[]> {
  const results: PageLoad[] = [];
  for (const kind of pageKinds) {
    const path = kind.path(sample);
    const context = await browser.newContext({locale: "zh-CN"});
    try {
      const act = kind.act && ((page: Page) => kind.act!(page, sample));
      const load = await measureLoad(context, origin + path, kind.ready, {act, timeout});
      const bytes = load.responses.reduce((sum, r) => sum + r.bytes, 0);
      results.push({
        kind,
        path,
        load,
        bytes,
        ms: Number.isNaN(load.actStart) ? load.chart : load.chart - load.actStart
      });
    } catch (error) {
      results.push({kind, path, error: String(error).split("\n")[0], bytes: NaN, ms: NaN});
    } finally {
      await context.close();
    }
  }
  return results;
}
