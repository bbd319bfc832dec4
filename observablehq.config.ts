import {cachedTable} from "./loaders/cache.js";
import {loadGazetteer} from "./loaders/gazetteer.js";
import {searchText} from "./src/components/cjkSearch.js";

// The articles, for the routes and the search index: read once per config load, from the tables the data loaders
// share (loaders/cache.ts), so the corpus is extracted once per change of documents or engine, not once per process.
const dataDir = process.env.DATA_DIR ?? "data";
let articles: ReturnType<typeof cachedTable<"articles">> | undefined;
const corpusArticles = () => (articles ??= cachedTable([dataDir], "articles"));

function prefecture() {
  const gazetteer = loadGazetteer();
  const inside = [...gazetteer.places.values()].filter((place) => place.in_prefecture);
  return {
    counties: inside.filter((place) => place.level === "county" || place.level === "zone"),
    towns: inside.filter((place) => place.level === "town")
  };
}

// See https://observablehq.com/framework/config for the options.
export default {
  title: "聊城脱贫攻坚 · Liaocheng poverty relief in the papers",
  root: "src",
  // Tests build a second site from other documents (DATA_DIR) beside the usual one.
  output: process.env.OBSERVABLE_OUTPUT ?? "dist",
  // Everything the site needs is served locally (see scripts/vendor-npm.ts); the default stylesheet would fetch
  // Source Serif from Google Fonts.
  globalStylesheets: [],
  // null (not false) drops the extension entirely, so DuckDB-wasm downloads nothing from extensions.duckdb.org.
  duckdb: {extensions: {json: null, parquet: null}},
  // Framework 1.13 writes a bare <html>; the pages are Chinese (with English glosses), which screen readers, fonts and
  // line breaking need to know. The script runs before the body is parsed.
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml"><script>document.documentElement.lang = "zh-CN";</script>',
  // A page per county or zone, per town of the prefecture (all of them, mentioned or not), and per article.
  async *dynamicPaths() {
    const {counties, towns} = prefecture();
    for (const county of counties) yield `/county/${county.code}`;
    for (const town of towns) yield `/town/${town.code}`;
    for (const article of await corpusArticles()) yield `/article/${article.article_id}`;
  },
  // Framework's index splits words on spaces only; Chinese has none, so articles, towns and counties are indexed
  // again as runs of characters every Chinese substring is a prefix of (see src/components/cjkSearch.js).
  search: {
    async *index() {
      const {counties, towns} = prefecture();
      const articles = await corpusArticles();
      for (const place of [...counties, ...towns]) {
        const path = `/${place.level === "town" ? "town" : "county"}/${place.code}`;
        yield {path, title: place.name, text: searchText(place.full_name), keywords: searchText(place.name)};
      }
      for (const article of articles) {
        const title = article.title || article.subtitle || article.article_id;
        yield {
          path: `/article/${article.article_id}`,
          title,
          text: searchText(`${article.subtitle ?? ""} ${article.place_name ?? ""} ${article.text}`),
          keywords: searchText(title)
        };
      }
    }
  },
  footer: "Source: local newspaper pages in <code>data/</code>, read by the extraction engine in <code>loaders/</code>."
};
