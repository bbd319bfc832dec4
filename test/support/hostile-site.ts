// One site built from data/ plus every hostile fixture (the XSS article, a PNG named .txt, the pages of
// hostile-pages.ts), shared by test/site/articles.browser.test.ts and test/site/hostile.browser.test.ts: a full build
// costs minutes on two cores, so it is built once per state of the sources and reused by the next test file.
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pages} from "./hostile-pages.js";
import {buildSite, root} from "./site.js";

const xssFixture = join(root, "test/fixtures/xss/xss-article.txt");
/** A PNG saved with a .txt name, as happens when a scan lands in data/ by mistake. */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A stamp of what the site is built from (names, sizes and times of the sources), so a change rebuilds it. */
function stamp(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "node_modules" || name === ".observablehq") continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else hash.update(`${path}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
    }
  };
  for (const dir of ["src", "loaders", "scripts", "data", "test/support", "test/fixtures"]) walk(join(root, dir));
  hash.update(JSON.stringify(pages));
  return hash.digest("hex").slice(0, 16);
}

/** The built hostile site's folder (with index.html), building it if these sources have not been built yet. */
export function hostileSite(): string {
  const base = join(tmpdir(), `liaocheng-hostile-site-${stamp()}`);
  const output = join(base, "dist");
  if (existsSync(join(output, "index.html"))) return output;
  rmSync(base, {recursive: true, force: true});
  const data = join(base, "data");
  mkdirSync(base, {recursive: true});
  cpSync(join(root, "data"), data, {recursive: true});
  cpSync(xssFixture, join(data, "xss-article.txt"));
  writeFileSync(join(data, "scan.txt"), png);
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(data, name), text);
  // Framework's loader cache is dropped before and after, so that no other site sees these tables.
  const cache = join(root, "src", ".observablehq", "cache", "data");
  rmSync(cache, {recursive: true, force: true});
  try {
    // No county or town page: the hostile tests open the overview, the article list and view, methods and search.
    buildSite({DATA_DIR: data, OBSERVABLE_OUTPUT: join(base, "building"), PLACE_PAGES: "none"});
  } finally {
    rmSync(cache, {recursive: true, force: true});
  }
  // Renamed only once whole, so a build that fails or is stopped is never taken for a built site.
  renameSync(join(base, "building"), output);
  return output;
}
