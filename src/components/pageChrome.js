// What every page carries around its content: the language, the icon, the full-text search box above it and the
// source line below it. One definition for both ways a page is made: Framework's preview (`npm run dev`) puts these
// in through the configuration's head, header and footer; `npm run build` leaves those empty and writes them into
// the built pages afterwards (scripts/page-chrome.ts), because Framework 1.13 parses a configured head, header and
// footer in a JSDOM window of its own for every page, three or four times over (reading the page, its search index
// entry, rendering it): at 158 pages that was 23 of Framework's 60 s.

export const LANG = "zh-CN";

export const FAVICON = "favicon.svg";

/** From the page at `path` (e.g. "/town/371502001") to the root, relative: the site works under any base path. */
export function rootOf(path) {
  return "../".repeat(Math.max(0, path.split("/").length - 2)) || "./";
}

/** The icon's link from the page at `path`. */
export function faviconLink(path) {
  return `<link rel="icon" href="${rootOf(path)}${FAVICON}" type="image/svg+xml">`;
}

/** The header of the page at `path`: the full-text search box, which opens search?q=. */
export function header(path) {
  return `<form class="fulltext-search" action="${rootOf(path)}search" role="search" style="display: flex; gap: 0.5rem;">
  <input type="search" name="q" placeholder="全文搜索 search all articles" aria-label="全文搜索 search all articles">
  <button type="submit">搜索</button>
</form>`;
}

export const FOOTER =
  "Source: local newspaper pages in <code>data/</code>, read by the extraction engine in <code>loaders/</code>.";
