// What a run of `extract` does before its first document, and what it leaves out: the bundle's threads start from
// V8's code cache, the gazetteer is read without decoding its places, a JSON run never loads DuckDB, and a run loads
// the romanisation library only for names no earlier run wrote.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {readCompact, writeCompact} from "../loaders/gazetteer-cache.js";
import {defaultWorkers} from "../loaders/run/worker-count.js";
import {loadGazetteer} from "../loaders/gazetteer.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const launch = join(root, "loaders", "run", "launch.js");
const codeCache = join(root, "loaders", "run", "code-cache.cjs");
const page = join(root, "data", "000_75a53e5b155eac84.txt");

/** The packages a run of `extract` loaded in its main thread, by name, from node_modules. */
function packagesLoaded(...args: string[]): string[] {
  const out = mkdtempSync(join(tmpdir(), "startup-"));
  const dir = mkdtempSync(join(tmpdir(), "startup-hook-"));
  try {
    const hook = join(dir, "hook.cjs");
    writeFileSync(
      hook,
      `process.on("exit", () => process.stderr.write("loaded: " + JSON.stringify(Object.keys(require.cache)) + "\\n"));`
    );
    const run = spawnSync(process.execPath, ["--require", hook, launch, ...args, "--out", out, "--quiet"], {
      cwd: root,
      encoding: "utf8"
    });
    assert.equal(run.status, 0, run.stderr);
    const files: string[] = JSON.parse(/^loaded: (.*)$/m.exec(run.stderr)![1]);
    const names = files.map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]);
    return [...new Set(names.filter((name): name is string => !!name).map((name) => name.replace("\\", "/")))];
  } finally {
    rmSync(out, {recursive: true, force: true});
    rmSync(dir, {recursive: true, force: true});
  }
}

test("a JSON run loads no DuckDB; a Parquet run does", () => {
  assert.ok(!packagesLoaded(page, "--format", "json").includes("@duckdb/node-api"));
  assert.ok(packagesLoaded(page, "--format", "parquet").includes("@duckdb/node-api"));
});

test("a run romanises place names as earlier runs did: the second run of a page loads no pinyin-pro", () => {
  packagesLoaded(page);
  assert.ok(!packagesLoaded(page).includes("pinyin-pro"));
});

test("the command line and its workers run from the bundle, each from the code cache of an earlier run", () => {
  for (let run = 0; run < 2; run++) assert.equal(packagesLoaded(page, "--workers", "1").includes("tsx"), false);
  for (const name of ["cli", "worker"]) {
    assert.ok(existsSync(join(root, "build", "engine", `${name}.bundle.cjs.v8-cache`)), name);
  }
});

test("a bundle runs from the cache its first run saved, and makes it again when the cache is damaged", () => {
  const dir = mkdtempSync(join(tmpdir(), "code-cache-"));
  try {
    const bundle = join(dir, "x.bundle.cjs");
    writeFileSync(bundle, `exports.sum = (xs) => xs.reduce((a, b) => a + b, 0);\nexports.dir = __dirname;\n`);
    // Each run in a process of its own, as a run of `extract` is.
    const run = () => {
      const script =
        `const {runBundle} = require(${JSON.stringify(codeCache)});\n` +
        `const {exports, cached} = runBundle(${JSON.stringify(bundle)});\n` +
        `const sum = exports.sum([1, 2, 3]);\n` +
        `globalThis[Symbol.for("liaocheng-relief.saveCodeCache")]?.();\n` +
        `console.log(JSON.stringify({cached, sum, dir: exports.dir}));`;
      const child = spawnSync(process.execPath, ["-e", script], {encoding: "utf8"});
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout);
    };
    assert.deepEqual(run(), {cached: false, sum: 6, dir});
    assert.ok(existsSync(`${bundle}.v8-cache`));
    assert.deepEqual(run(), {cached: true, sum: 6, dir});
    writeFileSync(`${bundle}.v8-cache`, "damaged");
    assert.deepEqual(run(), {cached: false, sum: 6, dir});
    assert.deepEqual(run(), {cached: true, sum: 6, dir});
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("saveCodeCache does nothing outside a bundle", async () => {
  const {saveCodeCache} = await import("../loaders/run/save-code-cache.js");
  assert.doesNotThrow(() => saveCodeCache());
  assert.equal(typeof createRequire(import.meta.url)(codeCache).runBundle, "function");
});

test("the compact gazetteer's places are a Map made place by place: each the same object, in the stored order", () => {
  const stored = loadGazetteer();
  const read = readCompact(writeCompact(stored));
  const {places} = read;
  const county = places.get("371502")!;
  assert.equal(county.name, "东昌府区");
  assert.equal(places.get("371502"), county, "made once");
  assert.equal(places.get(county.parent_code!)!.code, "3715");
  assert.ok(places.has("3715Z1") && !places.has("371502999999") && !places.has(""));
  assert.equal(places.get(undefined as unknown as string), undefined);
  assert.equal(places.size, stored.places.size, "size before any walk");
  assert.ok(places instanceof Map);
  // A walk makes the rest, in the order the gazetteer was stored, keeping the places already made.
  const codes = [...places.keys()];
  assert.deepEqual(codes, [...stored.places.keys()]);
  assert.equal(places.get("371502"), county);
  assert.equal([...places.values()][codes.indexOf("371502")], county);
  assert.deepEqual(places.get("371502"), stored.places.get("371502"));
  // The codes a place names that are no place (a county the register calls 城区) are found as none.
  const named = new Set([...places.values()].flatMap((p) => [p.parent_code, p.county_code, p.register_parent_code]));
  for (const code of named) if (code && !stored.places.has(code)) assert.equal(places.get(code), undefined, code);
});
test("by default a run starts a worker per core, and per megabyte of pages at most, and always one", () => {
  const files = (sizes: number[]) => sizes.map((size, i) => ({doc: `${i}.txt`, path: `${i}.txt`, size}));
  assert.equal(defaultWorkers(files([12e3, 20e3, 44e3]), 2), 1, "data/'s few pages");
  assert.equal(defaultWorkers(files([]), 2), 1);
  assert.equal(defaultWorkers(files([3e6, 3e6]), 2), 2);
  assert.equal(defaultWorkers(files([3e6, 3e6]), 16), 6);
  assert.equal(defaultWorkers(files(Array(50).fill(1e6)), 16), 16);
});
