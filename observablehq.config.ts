import {loadGazetteer} from "./loaders/gazetteer.js";
import {searchText} from "./src/components/cjkSearch.js";
import {FOOTER, LANG, faviconLink, header} from "./src/components/pageChrome.js";

const afterBuild = process.env.LIAOCHENG_PAGE_CHROME === "after-build";

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
  // The page chrome (src/components/pageChrome.js). `npm run build` sets LIAOCHENG_PAGE_CHROME=after-build and writes
  // it into the built pages itself (scripts/page-chrome.ts), sparing Framework a JSDOM window per part per page.
  //
  // Framework 1.13 writes a bare <html>; the pages are Chinese (with English glosses), which screen readers, fonts and
  // line breaking need to know. The script runs before the body is parsed.
  head: afterBuild ? null : `${faviconLink("/")}<script>document.documentElement.lang = "${LANG}";</script>`,
  // A page per county or zone and per town of the prefecture (all of them, mentioned or not). Articles have one page
  // for all, article?id= (src/article.md), which reads the article from data/articles.bin: a built page per article
  // cost 30–40 ms of build each.
  //
  // PLACE_PAGES (codes, comma-separated, or "none") builds only those: rendering the 148 place pages is most of a build
  // of a small corpus, and the tests that build extra sites look at one county and one town, or none.
  async *dynamicPaths() {
    const {counties, towns} = prefecture();
    const only = process.env.PLACE_PAGES == null ? null : new Set(process.env.PLACE_PAGES.split(","));
    for (const county of counties) if (!only || only.has(county.code)) yield `/county/${county.code}`;
    for (const town of towns) if (!only || only.has(town.code)) yield `/town/${town.code}`;
  },
  // The sidebar's search finds pages, counties and towns; its index splits words on spaces only, so place names are
  // indexed again as runs every Chinese substring is a prefix of (src/components/cjkSearch.js). Articles are searched
  // by search?q= (src/search.md) on an index read in shards: as suffixes here they made 134 MB at 10k articles.
  search: {
    async *index() {
      const {counties, towns} = prefecture();
      for (const place of [...counties, ...towns]) {
        const path = `/${place.level === "town" ? "town" : "county"}/${place.code}`;
        yield {path, title: place.name, text: searchText(place.full_name), keywords: searchText(place.name)};
      }
    }
  },
  // Every page's header holds the full-text search box, which opens search?q=.
  header: afterBuild ? null : ({path}: {path: string}) => header(path),
  footer: afterBuild ? null : FOOTER
};
