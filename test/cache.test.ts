import {test} from "node:test";
import assert from "node:assert/strict";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {cacheDir, cachedTable, cachedTables, workersFor, type CacheOptions} from "../loaders/cache.js";
import {listDocuments} from "../loaders/corpus.js";
import {sourceFingerprint} from "../loaders/fingerprint.js";
import type {PoolOptions} from "../loaders/pool.js";
import type {Tables} from "../loaders/schema.js";
import {extractTables} from "../loaders/tables.js";

const seeds = fileURLToPath(new URL("../data/", import.meta.url));

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A cheap stand-in for the engine that counts how often it runs: one documents row per file, with its text. */
function countingExtract() {
  const calls: PoolOptions[] = [];
  const extract = async (paths: string[], options: PoolOptions): Promise<Tables> => {
    calls.push(options);
    const documents = listDocuments(paths).map(({doc, path}) => ({doc, text: readFileSync(path, "utf8")}));
    return {documents, articles: [], facts: [], places: []} as unknown as Tables;
  };
  return {calls, extract};
}

/** A corpus of two small pages and a cache folder, with options that count extractions and say nothing. */
function setup(extra: CacheOptions = {}) {
  const data = tempDir("cache-data-");
  writeFileSync(join(data, "a.txt"), "聊城日报 一");
  writeFileSync(join(data, "b.txt"), "聊城日报 二");
  const {calls, extract} = countingExtract();
  const options: CacheOptions = {dir: tempDir("cache-dir-"), engine: "engine-1", extract, log: () => {}, ...extra};
  return {data, calls, options};
}

const docs = (tables: Tables) => (tables.documents as unknown as {doc: string; text: string}[]).map((d) => `${d.doc}:${d.text}`);

test("the cached tables equal extractTables' output, when made and when read back", async () => {
  const data = tempDir("cache-seeds-");
  cpSync(seeds, data, {recursive: true});
  const dir = tempDir("cache-dir-");
  const expected = await extractTables([data], {workers: 0});
  assert.ok(expected.facts.length > 0);
  const made = await cachedTables([data], {dir, log: () => {}});
  const read = await cachedTables([data], {dir, log: () => {}, extract: () => assert.fail("extracted again")});
  assert.deepEqual(made, expected);
  assert.deepEqual(read, expected);
  assert.deepEqual(await cachedTable([data], "facts", {dir, extract: () => assert.fail("extracted again")}), expected.facts);
});

test("rows come back exactly as extracted, NaN and undefined included", async () => {
  const {data, options} = setup();
  const rows = [{doc: "a.txt", year: NaN, reason: undefined, chars: -0, ok: true, date: null}];
  const extract = async () => ({documents: rows, articles: [], facts: [], places: []}) as unknown as Tables;
  await cachedTables([data], {...options, extract});
  const read = await cachedTables([data], {...options, extract: () => assert.fail("extracted again")});
  assert.deepEqual(read.documents, rows);
  assert.ok(Object.is((read.documents[0] as any).chars, -0) && "reason" in read.documents[0]);
});

test("a second call with unchanged inputs does not extract again", async () => {
  const {data, calls, options} = setup();
  const first = await cachedTables([data], options);
  const second = await cachedTables([data], options);
  assert.equal(calls.length, 1);
  assert.deepEqual(second, first);
  assert.deepEqual(docs(second), ["a.txt:聊城日报 一", "b.txt:聊城日报 二"]);
});

test("a document's new content or mtime, an added or a removed document, each extract again", async () => {
  const {data, calls, options} = setup();
  await cachedTables([data], options);

  writeFileSync(join(data, "a.txt"), "聊城日报 三");
  assert.deepEqual(docs(await cachedTables([data], options)), ["a.txt:聊城日报 三", "b.txt:聊城日报 二"]);
  assert.equal(calls.length, 2);

  utimesSync(join(data, "b.txt"), new Date(2020, 0, 1), new Date(2020, 0, 1));
  await cachedTables([data], options);
  assert.equal(calls.length, 3);

  writeFileSync(join(data, "c.txt"), "新的一页");
  assert.deepEqual(docs(await cachedTables([data], options)).length, 3);
  assert.equal(calls.length, 4);

  rmSync(join(data, "a.txt"));
  assert.deepEqual(docs(await cachedTables([data], options)), ["b.txt:聊城日报 二", "c.txt:新的一页"]);
  assert.equal(calls.length, 5);

  await cachedTables([data], options);
  assert.equal(calls.length, 5, "and once made, they are read back");
});

test("a new engine fingerprint extracts again; editing an engine source changes the fingerprint", async () => {
  const {data, calls, options} = setup();
  await cachedTables([data], options);
  await cachedTables([data], {...options, engine: "engine-2"});
  assert.equal(calls.length, 2);

  const engine = tempDir("cache-engine-");
  writeFileSync(join(engine, "a.ts"), "export const a = 1;");
  const before = sourceFingerprint(engine);
  writeFileSync(join(engine, "a.ts"), "export const a = 2;");
  assert.notEqual(sourceFingerprint(engine), before);
});

test("a truncated, garbled or incomplete cache entry is dropped and made again", async () => {
  const {data, calls, options} = setup();
  const expected = await cachedTables([data], options);
  const entry = () => join(options.dir!, readdirSync(options.dir!).find((name) => /^[0-9a-f]{32}$/.test(name))!);
  const flipByte = (file: string) => {
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] ^= 1;
    writeFileSync(file, bytes);
  };
  const damages = [
    (path: string) => truncateSync(join(path, "documents.v8"), 40),
    (path: string) => flipByte(join(path, "documents.v8")),
    (path: string) => writeFileSync(join(path, "facts.v8"), '{"not": "rows"}'),
    (path: string) => rmSync(join(path, "articles.v8"))
  ];
  for (const [i, damage] of damages.entries()) {
    damage(entry());
    assert.deepEqual(await cachedTables([data], options), expected);
    assert.equal(calls.length, 2 + i);
    assert.deepEqual(await cachedTables([data], options), expected, "and the new entry reads");
    assert.equal(calls.length, 2 + i);
  }
});

test("only the most recently used entries are kept", async () => {
  const {data, options} = setup({keep: 2});
  for (const engine of ["e1", "e2", "e3"]) await cachedTables([data], {...options, engine});
  const entries = readdirSync(options.dir!);
  assert.equal(entries.length, 2, entries.join(", "));
  await cachedTables([data], {...options, engine: "e3", extract: () => assert.fail("e3 was dropped")});
  await cachedTables([data], {...options, engine: "e2", extract: () => assert.fail("e2 was dropped")});
});

test("callers that miss at the same time wait for one extraction", async () => {
  const {data, options} = setup();
  let calls = 0;
  const slow = async (paths: string[], pool: PoolOptions) => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return countingExtract().extract(paths, pool);
  };
  const results = await Promise.all([1, 2, 3].map(() => cachedTables([data], {...options, extract: slow})));
  assert.equal(calls, 1);
  for (const tables of results) assert.deepEqual(docs(tables), ["a.txt:聊城日报 一", "b.txt:聊城日报 二"]);
  assert.deepEqual(readdirSync(options.dir!).filter((name) => name.endsWith(".lock")), [], "the lock is released");
});

test("a lock left by a process that is gone, or too old, does not hold anyone up", async () => {
  const {data, calls, options} = setup();
  const lockFor = async (engine: string) => {
    // The lock's name is the key; learn it by making the entry once, then dropping the entry.
    await cachedTables([data], {...options, engine});
    const key = readdirSync(options.dir!).find((name) => /^[0-9a-f]{32}$/.test(name))!;
    rmSync(join(options.dir!, key), {recursive: true});
    return join(options.dir!, `${key}.lock`);
  };
  const dead = await lockFor("dead");
  writeFileSync(dead, JSON.stringify({pid: 2 ** 22 + 1, host: (await import("node:os")).hostname()}));
  await cachedTables([data], {...options, engine: "dead"});
  assert.equal(calls.length, 2);
  assert.ok(!existsSync(dead));

  rmSync(options.dir!, {recursive: true});
  const old = await lockFor("old");
  writeFileSync(old, JSON.stringify({pid: process.ppid, host: "elsewhere"}));
  utimesSync(old, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  await cachedTables([data], {...options, engine: "old", lockMaxAge: 30_000});
  assert.equal(calls.length, 4);
});

test("a small corpus is extracted in one thread unless workers are asked for", async () => {
  const {data, calls, options} = setup();
  await cachedTables([data], options);
  await cachedTables([data], {...options, engine: "other", workers: 3});
  assert.deepEqual(calls.map((call) => call.workers), [0, 3]);
  assert.equal(workersFor(1e6, 8), 0);
  assert.equal(workersFor(50e6, 8), undefined, "a large corpus on many cores: one worker per core");
  assert.equal(workersFor(50e6, 2), undefined, "two cores: the pool pays for a large corpus");
  assert.equal(workersFor(50e6, 1), 0, "one core: no pool");
});

test("the cache folder is an option, else $LIAOCHENG_CACHE_DIR, else node_modules/.cache", () => {
  assert.equal(cacheDir({dir: "/x"}), "/x");
  const saved = process.env.LIAOCHENG_CACHE_DIR;
  try {
    process.env.LIAOCHENG_CACHE_DIR = "/y";
    assert.equal(cacheDir(), "/y");
    delete process.env.LIAOCHENG_CACHE_DIR;
    assert.match(cacheDir(), /node_modules\/\.cache\/liaocheng-relief\/$/);
  } finally {
    if (saved === undefined) delete process.env.LIAOCHENG_CACHE_DIR;
    else process.env.LIAOCHENG_CACHE_DIR = saved;
  }
});
