import {test} from "node:test";
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {
  cacheDir,
  cachedTable,
  cachedTables,
  corpusKey,
  workersFor,
  type CacheOptions,
  type CacheStats
} from "../loaders/run/cache.js";
import type {DocumentFile} from "../loaders/run/corpus.js";
import type {DocumentResult} from "../loaders/extract.js";
import {sourceFingerprint} from "../loaders/run/fingerprint.js";
import type {PoolOptions} from "../loaders/run/pool.js";
import type {Tables} from "../loaders/schema.js";
import {extractTables} from "../loaders/run/tables.js";

const seeds = fileURLToPath(new URL("../data/", import.meta.url));

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A cheap stand-in for the engine that records which documents it extracts: one documents row each, with its text. */
function countingExtract() {
  const calls: {docs: string[]; options: PoolOptions}[] = [];
  async function* extract(files: DocumentFile[], options: PoolOptions): AsyncGenerator<DocumentResult> {
    calls.push({docs: files.map((file) => file.doc), options});
    for (const {doc, path} of files) {
      const bytes = readFileSync(path);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const document = {doc, sha256, text: bytes.toString("utf8")};
      yield {
        document,
        articles: [{doc, title: bytes.toString("utf8")}],
        facts: [],
        places: [],
        mentions: []
      } as unknown as DocumentResult;
    }
  }
  /** The documents extracted, call by call. */
  const extracted = () => calls.map((call) => call.docs);
  return {calls, extract, extracted};
}

/** A corpus of two small pages and a cache folder, with options that count extractions and say nothing. */
function setup(extra: CacheOptions = {}) {
  const data = tempDir("cache-data-");
  writeFileSync(join(data, "a.txt"), "聊城日报 一");
  writeFileSync(join(data, "b.txt"), "聊城日报 二");
  const {calls, extract, extracted} = countingExtract();
  const stats: CacheStats[] = [];
  const options: CacheOptions = {
    dir: tempDir("cache-dir-"),
    engine: "engine-1",
    extract,
    log: () => {},
    report: (s) => stats.push(s),
    ...extra
  };
  return {data, calls, extracted, options, stats};
}

const docs = (tables: Tables) =>
  (tables.documents as unknown as {doc: string; text: string}[]).map((d) => `${d.doc}:${d.text}`);
const documentEntries = (options: CacheOptions) =>
  readdirSync(join(options.dir!, "documents")).filter((f) => !f.startsWith("."));
/** Equal values, keys in the same order: the JSON the site writes from them is byte for byte the same. */
function assertSame(actual: Tables, expected: Tables, message: string) {
  assert.deepStrictEqual(actual, expected, message);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), message);
}

const never = () => assert.fail("extracted again");

test("the cached tables are byte-identical to a cold run, when made, read back, and after a change of one document", async () => {
  const data = tempDir("cache-seeds-");
  cpSync(seeds, data, {recursive: true});
  const dir = tempDir("cache-dir-");
  const stats: CacheStats[] = [];
  const options: CacheOptions = {dir, log: () => {}, report: (s) => stats.push(s)};
  const expected = await extractTables([data], {workers: 0});
  assert.ok(expected.facts.length > 0 && expected.places.length > 0);
  const made = await cachedTables([data], options);
  const read = await cachedTables([data], {...options, extract: never});
  assertSame(made, expected, "made");
  assertSame(read, expected, "read back");
  assert.deepEqual(await cachedTable([data], "facts", {...options, extract: never}), expected.facts);

  // One page changed (a paragraph more, naming another village), one removed, one added: those two are extracted, the
  // places table is counted again over all, and every table is what a cold run gives.
  const [first, second, third] = readdirSync(data)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  appendFileSync(join(data, first), "\n\n东城街道李堤口村为贫困户发放扶贫资金3万元。\n");
  rmSync(join(data, second));
  cpSync(join(seeds, third), join(data, "extra", third), {recursive: true});
  const cold = await extractTables([data], {workers: 0});
  const warm = await cachedTables([data], options);
  assert.deepEqual([stats.at(-1)!.extracted, stats.at(-1)!.reused], [2, 3]);
  assertSame(warm, cold, "after the change");
  assert.notDeepEqual(cold.places, expected.places);
});

test("rows come back exactly as extracted, NaN and undefined included", async () => {
  const {data, options} = setup();
  const row = {doc: "a.txt", sha256: "", year: NaN, reason: undefined, chars: -0, ok: true, date: null};
  const sha256 = (path: any) => createHash("sha256").update(readFileSync(path)).digest("hex");
  async function* extract(files: DocumentFile[]) {
    for (const {doc, path} of files) {
      yield {document: {...row, doc, sha256: sha256(path)}, articles: [], facts: [], places: [], mentions: []} as any;
    }
  }
  await cachedTables([data], {...options, extract});
  const read = await cachedTables([data], {...options, extract: never});
  assert.deepEqual(
    read.documents.map((d) => ({...d, sha256: ""})),
    [row, {...row, doc: "b.txt"}]
  );
  assert.ok(Object.is((read.documents[0] as any).chars, -0) && "reason" in read.documents[0]);
});

test("a second call with unchanged inputs extracts nothing and reads no document", async () => {
  const {data, extracted, options, stats} = setup({settleMs: 0});
  const first = await cachedTables([data], options);
  const second = await cachedTables([data], options);
  assert.deepEqual(extracted(), [["a.txt", "b.txt"]]);
  assert.deepEqual(second, first);
  assert.deepEqual(docs(second), ["a.txt:聊城日报 一", "b.txt:聊城日报 二"]);
  assert.deepEqual(stats[1], {documents: 2, hashed: 0, hit: true, extracted: 0, reused: 0});
});

test("adding, changing, renaming or removing one document extracts that document only", async () => {
  const {data, extracted, options, stats} = setup({settleMs: 0});
  await cachedTables([data], options);

  writeFileSync(join(data, "c.txt"), "新的一页");
  assert.deepEqual(docs(await cachedTables([data], options)), [
    "a.txt:聊城日报 一",
    "b.txt:聊城日报 二",
    "c.txt:新的一页"
  ]);
  assert.deepEqual(extracted().at(-1), ["c.txt"]);
  assert.equal(stats.at(-1)!.hashed, 1, "the unchanged files are not read");

  writeFileSync(join(data, "a.txt"), "聊城日报 第三版");
  assert.deepEqual(docs(await cachedTables([data], options)), [
    "a.txt:聊城日报 第三版",
    "b.txt:聊城日报 二",
    "c.txt:新的一页"
  ]);
  assert.deepEqual(extracted().at(-1), ["a.txt"]);

  renameSync(join(data, "b.txt"), join(data, "d.txt"));
  assert.deepEqual(docs(await cachedTables([data], options)), [
    "a.txt:聊城日报 第三版",
    "c.txt:新的一页",
    "d.txt:聊城日报 二"
  ]);
  assert.deepEqual(extracted().at(-1), ["d.txt"], "a document's rows depend on its name");

  const calls = extracted().length;
  rmSync(join(data, "c.txt"));
  const tables = await cachedTables([data], options);
  assert.deepEqual(docs(tables), ["a.txt:聊城日报 第三版", "d.txt:聊城日报 二"]);
  assert.deepEqual(
    (tables.articles as any[]).map((a) => a.doc),
    ["a.txt", "d.txt"],
    "its rows are dropped"
  );
  assert.equal(extracted().length, calls, "removing one extracts nothing");
  assert.equal(documentEntries(options).length, 3, "those of the current corpus (a, d) and of the one before (c)");

  await cachedTables([data], {...options, extract: never});
  assert.equal(stats.at(-1)!.hit, true, "and once made, the tables are read back");
});

test("a file touched but not changed is hashed again, not extracted: its tables are the same entry", async () => {
  const {data, extracted, options, stats} = setup({settleMs: 0});
  await cachedTables([data], options);
  utimesSync(join(data, "b.txt"), new Date(2020, 0, 1), new Date(2020, 0, 1));
  await cachedTables([data], {...options, extract: never});
  assert.deepEqual(stats.at(-1), {documents: 2, hashed: 1, hit: true, extracted: 0, reused: 0});
  assert.equal(extracted().length, 1);
  assert.equal(corpusKey([data], options), corpusKey([data], options));
});

test("a file changed within moments of its hashing is hashed again until it has settled", async () => {
  const {data, extracted, options, stats} = setup();
  await cachedTables([data], options);
  // Same size, and possibly the same mtime and ctime at the file system's clock tick: only the content tells.
  writeFileSync(join(data, "a.txt"), "聊城日报 三");
  assert.deepEqual(docs(await cachedTables([data], options)), ["a.txt:聊城日报 三", "b.txt:聊城日报 二"]);
  assert.equal(stats.at(-1)!.hashed, 2);
  assert.deepEqual(extracted().at(-1), ["a.txt"]);
});

test("a new engine fingerprint extracts again; editing an engine source changes the fingerprint", async () => {
  const {data, extracted, options} = setup();
  await cachedTables([data], options);
  await cachedTables([data], {...options, engine: "engine-2"});
  assert.deepEqual(extracted(), [
    ["a.txt", "b.txt"],
    ["a.txt", "b.txt"]
  ]);

  const engine = tempDir("cache-engine-");
  writeFileSync(join(engine, "a.ts"), "export const a = 1;");
  const before = sourceFingerprint(engine);
  writeFileSync(join(engine, "a.ts"), "export const a = 2;");
  assert.notEqual(sourceFingerprint(engine), before);
});

test("a damaged corpus entry is made again from the document entries; a damaged document entry is extracted again", async () => {
  const {data, extracted, options} = setup();
  const expected = await cachedTables([data], options);
  const entry = () =>
    join(
      options.dir!,
      readdirSync(options.dir!).find((name) => /^[0-9a-f]{32}$/.test(name))!
    );
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
  for (const damage of damages) {
    damage(entry());
    assert.deepEqual(await cachedTables([data], {...options, extract: never}), expected);
    assert.deepEqual(await cachedTables([data], {...options, extract: never}), expected, "and the new entry reads");
  }
  rmSync(entry(), {recursive: true});
  for (const name of documentEntries(options)) flipByte(join(options.dir!, "documents", name));
  truncateSync(join(options.dir!, "documents", documentEntries(options)[0]), 10);
  assert.deepEqual(await cachedTables([data], options), expected);
  assert.deepEqual(extracted().at(-1), ["a.txt", "b.txt"]);
});

test("only the most recently used corpus entries are kept, and the document entries they use", async () => {
  const {data, options} = setup({keep: 2});
  for (const engine of ["e1", "e2", "e3"]) await cachedTables([data], {...options, engine});
  const entries = readdirSync(options.dir!).filter((name) => /^[0-9a-f]{32}$/.test(name));
  assert.equal(entries.length, 2, entries.join(", "));
  assert.equal(documentEntries(options).length, 4, "e1's two document entries are gone");
  await cachedTables([data], {...options, engine: "e3", extract: never});
  await cachedTables([data], {...options, engine: "e2", extract: never});
});

test("callers that miss at the same time wait for one extraction", async () => {
  const {data, options} = setup();
  let calls = 0;
  async function* slow(files: DocumentFile[], pool: PoolOptions) {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 300));
    yield* countingExtract().extract(files, pool);
  }
  const results = await Promise.all([1, 2, 3].map(() => cachedTables([data], {...options, extract: slow})));
  assert.equal(calls, 1);
  for (const tables of results) assert.deepEqual(docs(tables), ["a.txt:聊城日报 一", "b.txt:聊城日报 二"]);
  assert.deepEqual(
    readdirSync(options.dir!).filter((name) => name.endsWith(".lock")),
    [],
    "the lock is released"
  );
});

test("a lock left by a process that is gone, or too old, does not hold anyone up", async () => {
  const {data, calls, options} = setup();
  const lockFor = async (engine: string) => {
    // The lock's name is the key; learn it by making the entry once, then dropping it and its document entries.
    await cachedTables([data], {...options, engine});
    const key = readdirSync(options.dir!).find((name) => /^[0-9a-f]{32}$/.test(name))!;
    rmSync(join(options.dir!, key), {recursive: true});
    rmSync(join(options.dir!, "documents"), {recursive: true});
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
  assert.deepEqual(
    calls.map((call) => call.options.workers),
    [0, 3]
  );
  assert.equal(workersFor(1e6, 8), 0);
  assert.equal(workersFor(50e6, 8), undefined, "a large corpus on many cores: one worker per core");
  assert.equal(workersFor(50e6, 2), undefined, "two cores: the pool pays for a large corpus");
  assert.equal(workersFor(50e6, 1), 0, "one core: no pool");
});

test("a document that cannot be read is a row of its own, read again next time", async () => {
  const {data, extracted, options} = setup();
  const {extractFiles} = await import("../loaders/run/pool.js");
  writeFileSync(join(data, "c.txt"), "第三页");
  await cachedTables([data], options);
  rmSync(join(data, "c.txt"));
  const {mkdirSync} = await import("node:fs");
  mkdirSync(join(data, "c.txt"));
  const tables = await cachedTables([data], {
    ...options,
    extract: (files, pool) => extractFiles(files, {...pool, workers: 0})
  });
  assert.deepEqual(
    (tables.documents as any[]).map((d) => [d.doc, d.status, d.reason]),
    [
      ["a.txt", undefined, undefined],
      ["b.txt", undefined, undefined],
      ["c.txt", "rejected", "not a file: a folder"]
    ]
  );
  assert.equal(extracted().length, 1);
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
