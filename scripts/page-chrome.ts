// The last step of `npm run build`: writes the page chrome (src/components/pageChrome.js: language, icon, search box,
// source line) into every page Framework built with LIAOCHENG_PAGE_CHROME=after-build, where Framework would have
// put its configured head, header and footer: the same markup, written by string edits at a few known places of
// Framework 1.13's page template (render.js) instead of through three JSDOM windows per part per page. A place
// that is not found fails the build, so a Framework whose template moved is noticed, not shipped without chrome.
import {copyFileSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {FAVICON, FOOTER, LANG, faviconLink, header} from "../src/components/pageChrome.js";
import {root} from "./site-build.js";

const CENTER = '<div id="observablehq-center">';
const FOOTER_OPEN = '<footer id="observablehq-footer">';

function insertAfter(page: string, marker: string, text: string, where: string): string {
  const at = page.indexOf(marker);
  if (at < 0) throw new Error(`${where}: no ${marker} to put the page chrome after`);
  return page.slice(0, at + marker.length) + text + page.slice(at + marker.length);
}

/** The built page `html`, served at `path` (e.g. "/town/371502001"), with the chrome written in. */
export function withChrome(html: string, path: string): string {
  if (!html.startsWith("<!DOCTYPE html>\n<html>")) throw new Error(`${path}: not a page of Framework 1.13's template`);
  let page = html.replace("<html>", `<html lang="${LANG}">`);
  page = insertAfter(page, '<meta charset="utf-8">', `\n${faviconLink(path)}`, path);
  page = insertAfter(page, CENTER, `\n<header id="observablehq-header">\n${header(path)}\n</header>`, path);
  // The pager, when the page has one, already opened the footer; the source line goes after it.
  const footer = page.lastIndexOf(FOOTER_OPEN);
  if (footer >= 0) {
    const close = page.indexOf("\n</footer>", footer);
    if (close < 0) throw new Error(`${path}: an unclosed ${FOOTER_OPEN}`);
    return page.slice(0, close) + `\n<div>${FOOTER}</div>` + page.slice(close);
  }
  const main = page.lastIndexOf("</main>");
  if (main < 0) throw new Error(`${path}: no </main> to put the footer after`);
  const end = main + "</main>".length;
  return page.slice(0, end) + `\n${FOOTER_OPEN}\n<div>${FOOTER}</div>\n</footer>` + page.slice(end);
}

function* pages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    // Framework's own folders (_file, _npm, _observablehq, …) hold no pages.
    if (entry.name.startsWith("_")) continue;
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) yield* pages(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

export function writeChrome(output: string): number {
  let count = 0;
  for (const file of pages(output)) {
    const path = "/" + relative(output, file).replace(/\.html$/, "");
    writeFileSync(file, withChrome(readFileSync(file, "utf8"), path));
    count++;
  }
  copyFileSync(join(root, "src", FAVICON), join(output, FAVICON));
  return count;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const output = resolve(root, process.env.OBSERVABLE_OUTPUT ?? "dist");
  const count = writeChrome(output);
  console.log(`page chrome: ${count} pages in ${relative(root, output) || "."}`);
}
