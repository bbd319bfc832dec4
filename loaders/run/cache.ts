// The corpus tables extracted once per version of each document, shared by every process that needs them: the site's
// config and each of its data loaders (Framework runs every loader as a process of its own).
//
// Two levels, both keyed by content and by the engine's fingerprint (fingerprint.ts), so editing either makes new
// rows: DIR/documents/KEY.v8 holds one document's result (its rows, the places it points to and its mention counts),
// keyed by its name and the SHA-256 of its bytes; DIR/KEY/{documents,articles,facts,places}.v8 holds a corpus's
// tables assembled from those, keyed by every document's name and hash, with manifest.v8 naming the document entries
// it was made from. Adding or changing a document extracts that document only; the places table, which counts over
// the corpus, is assembled again from all results. DIR/index/ maps each file's stamp (inode, size, times) to its
// content hash, so an unchanged file is not even read to learn that it is unchanged.
//
// Each file is a SHA-256 of the rest then V8's serialization, which gives back exactly what was extracted (NaN and
// undefined included, which JSON would change), reads faster than JSON and has no limit on string length. Everything
// is written under a temporary name and renamed into place, so a reader sees all of it or none of it; an entry that
// fails its checksum is made again. While one process extracts, others wanting the same corpus wait on DIR/KEY.lock
// rather than extract too; a lock whose process is gone, or that is older than `lockMaxAge`, is taken over. The lock
// only saves work: were two processes to extract at once, both would write the same entries and one rename would win.
// The cache stays bounded: the `keep` most recently used corpus entries are kept, and the document entries they name.
import {createHash, randomBytes} from "node:crypto";
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {availableParallelism, hostname} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {deserialize, serialize} from "node:v8";
import {listDocuments, readDocumentFile, type DocumentFile} from "./corpus.js";
import type {DocumentResult} from "../extract.js";
import {engineFingerprint} from "./fingerprint.js";
import type {PoolOptions} from "./pool.js";
import type {TableName, Tables} from "../schema.js";
import type {DocumentRow} from "../types.js";

const TABLE_NAMES: TableName[] = ["documents", "articles", "facts", "places"];

/**
 * node_modules/.cache is where tools keep caches by convention: ignored by git with node_modules/, gone with a
 * clean install, and outside Framework's root (src/), so the site never serves it.
 */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/liaocheng-relief/", import.meta.url));

/**
 * Worker threads only for a corpus above this many bytes, on more than one core. A worker starts from the bundle
 * (loaders/run/bundle.js, no TypeScript to compile) but still builds its own gazetteer, about 0.75 s of CPU: below a few
 * megabytes (about 2 s of extraction on one core) that start costs more than the second core gives.
 */
export const WORKERS_ABOVE_BYTES = 4e6;

/** How entries are written: V8 reads data serialized by older versions, but a new Node simply makes them again. */
const FORMAT = `v8-${process.versions.v8}`;

export interface CacheOptions extends PoolOptions {
  /** Folder for the cache. Default: $LIAOCHENG_CACHE_DIR, else node_modules/.cache/liaocheng-relief. */
  dir?: string;
  /** The engine's fingerprint. Default: engineFingerprint({prefecture}); tests pass their own. */
  engine?: string;
  /** The extraction of the documents the cache lacks, in their order. Default: the pool's; tests count through it. */
  extract?: (files: DocumentFile[], options: PoolOptions) => AsyncIterable<DocumentResult>;
  /** Corpus entries kept on disk, the current one included. Default 2: the site's corpus and one other (tests build two). */
  keep?: number;
  /** How old a lock may get before others stop waiting for it, in ms. Default 15 minutes. */
  lockMaxAge?: number;
  /** Where a miss is reported. Default: a line on stderr, which Framework shows beside the loader. */
  log?: (message: string) => void;
  /** Told what each call did: tests count hashing and extraction through it. */
  report?: (stats: CacheStats) => void;
  /**
   * How long after a file last changed its recorded content hash is trusted, in ms. A file changed twice within the
   * file system's clock tick keeps its size and times, so a hash taken in that tick may be of the older version
   * (git's "racily clean" entries); such a file is hashed again until it has been still this long. Default 2000.
   */
  settleMs?: number;
}

export interface CacheStats {
  documents: number;
  /** Documents read to learn their content hash (new or changed since the index saw them). */
  hashed: number;
  /** Whether the corpus's tables were there whole. */
  hit: boolean;
  /** Documents extracted now, and those taken from their per-document entries. */
  extracted: number;
  reused: number;
}

export function cacheDir(options: {dir?: string} = {}): string {
  return options.dir ?? process.env.LIAOCHENG_CACHE_DIR ?? DEFAULT_CACHE_DIR;
}

/** The four tables of a corpus, as extractTables gives them, each document extracted at most once per version. */
export async function cachedTables(paths: string[], options: CacheOptions = {}): Promise<Tables> {
  return (await load(paths, TABLE_NAMES, options)) as Tables;
}

/** One table of a corpus, as cachedTables would give it; only that table is read from the cache. */
export async function cachedTable<T extends TableName>(
  paths: string[],
  table: T,
  options: CacheOptions = {}
): Promise<Tables[T]> {
  return (await load(paths, [table], options))[table]!;
}

/**
 * The key of a corpus's tables: the engine, and each document's name and content hash. Cheap for a corpus seen
 * before: only files whose size or times moved since are read. scripts/refresh-data-cache.ts keys Framework's
 * cache with it.
 */
export function corpusKey(paths: string[], options: CacheOptions = {}): string {
  const dir = cacheDir(options);
  const files = listDocuments(paths);
  return keyOf(engineOf(options), files, contentHashes(dir, paths, files, options).hashes);
}

/** Workers for a corpus of this many bytes: none for a small one, the pool's default (one per core) for a large one. */
export function workersFor(bytes: number, cores = availableParallelism()): number | undefined {
  return bytes > WORKERS_ABOVE_BYTES && cores > 1 ? undefined : 0;
}

function engineOf(options: CacheOptions): string {
  return `${options.engine ?? engineFingerprint({prefecture: options.prefecture})} ${FORMAT}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A document as a cache key sees it: its content hash, or why it could not be read (a change of which is news too). */
type Version = string;

function keyOf(engine: string, files: DocumentFile[], versions: Version[]): string {
  const hash = createHash("sha256").update(engine).update("\n");
  files.forEach(({doc}, i) => hash.update(doc).update("\0").update(versions[i]).update("\n"));
  return hash.digest("hex").slice(0, 32);
}

/** A document's entry: its rows depend on its name too (article ids are made from it), so a rename extracts again. */
function documentKey(engine: string, doc: string, sha: string): string {
  return sha256(`${engine}\0${doc}\0${sha}`).slice(0, 32);
}

const versionOf = (document: DocumentRow): Version => document.sha256 || `unread:${document.reason}`;

async function load(paths: string[], names: TableName[], options: CacheOptions): Promise<Partial<Tables>> {
  const dir = cacheDir(options);
  const engine = engineOf(options);
  const files = listDocuments(paths);
  const {hashes, hashed} = contentHashes(dir, paths, files, options);
  const key = keyOf(engine, files, hashes);
  const stats: CacheStats = {documents: files.length, hashed, hit: true, extracted: 0, reused: 0};
  const report = () => options.report?.(stats);
  const hit = readEntry(join(dir, key), names);
  if (hit) return (report(), hit);
  const release = await acquireLock(dir, key, options.lockMaxAge ?? 15 * 60_000);
  try {
    // Whoever held the lock may have made the entry meanwhile.
    const made = readEntry(join(dir, key), names);
    if (made) return (report(), made);
    stats.hit = false;
    const {tables, versions, manifest} = await assemble(dir, engine, files, hashes, options, stats);
    // A file that changed between its hashing and its extraction: the tables are of what was extracted.
    const actual = keyOf(engine, files, versions);
    writeEntry(dir, actual, tables, manifest, options);
    prune(dir, actual, options.keep ?? 2, `${key}.lock`);
    report();
    return tables;
  } finally {
    release();
  }
}

/**
 * The corpus's tables from per-document entries, extracting the documents that have none, then the corpus-wide
 * parts (the places table's counts) from all of them, in listing order as extractTables does.
 */
async function assemble(
  dir: string,
  engine: string,
  files: DocumentFile[],
  hashes: Version[],
  options: CacheOptions,
  stats: CacheStats
) {
  const docsDir = join(dir, "documents");
  const results: DocumentResult[] = new Array(files.length);
  const missing: number[] = [];
  files.forEach((file, i) => {
    const hash = hashes[i];
    const result = hash.startsWith("unread:")
      ? null
      : readDocumentEntry(join(docsDir, `${documentKey(engine, file.doc, hash)}.v8`));
    if (result) results[i] = result;
    else missing.push(i);
  });
  if (missing.length) {
    const bytes = missing.reduce((sum, i) => sum + files[i].size, 0);
    const workers = options.workers ?? workersFor(bytes);
    const start = performance.now();
    // The engine is imported only on a miss: a hit then costs a loader no more than reading the rows.
    const run = options.extract ?? (await import("./pool.js")).extractFiles;
    let n = 0;
    for await (const result of run(
      missing.map((i) => files[i]),
      {workers, prefecture: options.prefecture}
    )) {
      results[missing[n++]] = result;
      const {sha256, doc} = result.document;
      if (sha256) writeFileAtomically(docsDir, `${documentKey(engine, doc, sha256)}.v8`, seal(result), options);
    }
    if (n !== missing.length) throw new Error(`tables: extraction gave ${n} of ${missing.length} documents`);
    const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
    log(
      `tables: extracted ${missing.length} of ${files.length} documents (${(bytes / 1e6).toFixed(1)} MB) in ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s, ${workers === 0 ? "in one thread" : "in worker threads"}` +
        `, ${files.length - missing.length} from the cache`
    );
  }
  stats.extracted = missing.length;
  stats.reused = files.length - missing.length;
  const {assembleTables} = await import("./tables.js");
  const manifest = results.flatMap(({document}) =>
    document.sha256 ? [`${documentKey(engine, document.doc, document.sha256)}.v8`] : []
  );
  return {
    tables: assembleTables(results, {prefecture: options.prefecture}),
    versions: results.map(({document}) => versionOf(document)),
    manifest
  };
}

function readDocumentEntry(path: string): DocumentResult | null {
  try {
    return unseal(readFileSync(path)) as DocumentResult;
  } catch {
    return null;
  }
}

/** The index of content hashes: doc → the file's stamp when hashed, the hash, and when it was taken. */
type IndexEntry = [stamp: string, hash: string, hashedAt: number];

/**
 * Each document's content hash (SHA-256 of its bytes, as documents.sha256), from the index where the file's stamp
 * (device, inode, size, times) is the one recorded and the file had settled when hashed, else by reading it. One
 * index per set of PATH arguments, holding just their documents, so it stays the size of the corpus.
 */
function contentHashes(dir: string, paths: string[], files: DocumentFile[], options: CacheOptions) {
  const settle = options.settleMs ?? 2000;
  const indexName = `${sha256(JSON.stringify(paths.map((path) => resolve(path)))).slice(0, 16)}.v8`;
  const indexDir = join(dir, "index");
  let index = new Map<string, IndexEntry>();
  try {
    index = new Map(unseal(readFileSync(join(indexDir, indexName))) as [string, IndexEntry][]);
  } catch {}
  const next = new Map<string, IndexEntry>();
  let hashed = 0;
  const hashes = files.map(({doc, path, stamp, changedMs}) => {
    const known = index.get(doc);
    if (known && stamp && known[0] === stamp && changedMs! < known[2] - settle) {
      next.set(doc, known);
      return known[1];
    }
    const hashedAt = Date.now();
    const read = readDocumentFile(path);
    hashed++;
    if ("reason" in read) return `unread:${read.reason}`;
    const hash = createHash("sha256").update(read.bytes).digest("hex");
    if (stamp) next.set(doc, [stamp, hash, hashedAt]);
    return hash;
  });
  if (hashed || next.size !== index.size) {
    writeFileAtomically(indexDir, indexName, seal([...next]), options);
    pruneOldest(indexDir, 8);
  }
  return {hashes, hashed};
}

/** The tables of a complete entry, or null when there is none or it cannot be read (then it is dropped). */
function readEntry(path: string, names: TableName[]): Partial<Tables> | null {
  const tables: Partial<Tables> = {};
  try {
    for (const name of names) {
      const rows = unseal(readFileSync(join(path, `${name}.v8`)));
      if (!Array.isArray(rows)) throw new Error("not rows");
      (tables as Record<TableName, unknown[]>)[name] = rows;
    }
  } catch {
    // Entries appear whole (by rename), so one that exists but does not read is broken: drop it to be made again.
    if (entryExists(path)) rmSync(path, {recursive: true, force: true});
    return null;
  }
  // Used now: pruning keeps the most recently used entries.
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {}
  return tables;
}

function writeEntry(dir: string, key: string, tables: Tables, manifest: string[], options: CacheOptions): void {
  const temp = join(dir, `.tmp-${key}-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(temp, {recursive: true});
    for (const name of TABLE_NAMES) writeFileSync(join(temp, `${name}.v8`), seal(tables[name]));
    writeFileSync(join(temp, MANIFEST), seal(manifest));
    renameSync(temp, join(dir, key));
  } catch (error) {
    // Another process made the same entry first (the rename cannot replace a folder that has files), or the cache
    // cannot be written (read-only, full): either way these tables are still right, only not kept.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST")
      (options.log ?? console.error)(`tables: not cached: ${(error as Error).message}`);
  } finally {
    rmSync(temp, {recursive: true, force: true});
  }
}

/** Writes DIR/NAME whole or not at all: a temporary file renamed over it. A cache that cannot be written is said once. */
function writeFileAtomically(dir: string, name: string, body: Buffer, options: CacheOptions): void {
  const temp = join(dir, `.tmp-${name}-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(dir, {recursive: true});
    writeFileSync(temp, body);
    renameSync(temp, join(dir, name));
  } catch (error) {
    rmSync(temp, {force: true});
    if (!unwritable.has(dir)) (options.log ?? console.error)(`tables: not cached: ${(error as Error).message}`);
    unwritable.add(dir);
  }
}

const unwritable = new Set<string>();

/** Rows as stored: the SHA-256 of their serialization, then the serialization. */
function seal(rows: unknown): Buffer {
  const body = serialize(rows);
  return Buffer.concat([createHash("sha256").update(body).digest(), body]);
}

function unseal(file: Buffer): unknown {
  const body = file.subarray(32);
  if (!createHash("sha256").update(body).digest().equals(file.subarray(0, 32))) throw new Error("checksum mismatch");
  return deserialize(body);
}

const ENTRY = /^[0-9a-f]{32}$/;
const MANIFEST = "manifest.v8";
const HOUR = 3600_000;

/**
 * Keeps the `keep` most recently used corpus entries (the current one always), the per-document entries they use,
 * and drops what crashed processes left. While another process holds a lock, per-document entries from the last
 * hour are spared: they may be that process's work, not yet named by any corpus entry.
 */
function prune(dir: string, current: string, keep: number, ownLock: string): void {
  try {
    const entries = listWithTimes(dir);
    const others = entries.filter(({name}) => ENTRY.test(name) && name !== current).sort((a, b) => b.mtime - a.mtime);
    const hourAgo = Date.now() - HOUR;
    const stale = entries.filter(
      ({name, mtime}) => (name.startsWith(".tmp-") || name.endsWith(".lock")) && mtime < hourAgo
    );
    const dropped = others.slice(Math.max(0, keep - 1));
    for (const {name} of [...dropped, ...stale]) rmSync(join(dir, name), {recursive: true, force: true});
    const kept = [current, ...others.slice(0, Math.max(0, keep - 1)).map(({name}) => name)];
    const used = new Set<string>();
    for (const name of kept) {
      try {
        for (const file of unseal(readFileSync(join(dir, name, MANIFEST))) as string[]) used.add(file);
      } catch {}
    }
    const busy = entries.some(({name, mtime}) => name.endsWith(".lock") && name !== ownLock && mtime >= hourAgo);
    const docsDir = join(dir, "documents");
    for (const {name, mtime} of listWithTimes(docsDir)) {
      if (used.has(name) || (busy && mtime >= hourAgo)) continue;
      if (name.startsWith(".tmp-") && mtime >= hourAgo) continue;
      rmSync(join(docsDir, name), {force: true});
    }
  } catch {}
}

/** Keeps the `keep` most recently written files of a folder. */
function pruneOldest(dir: string, keep: number): void {
  const files = listWithTimes(dir).sort((a, b) => b.mtime - a.mtime);
  for (const {name} of files.slice(keep)) rmSync(join(dir, name), {force: true});
}

function listWithTimes(dir: string): {name: string; mtime: number}[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      return [{name, mtime: statSync(join(dir, name)).mtimeMs}];
    } catch {
      return [];
    }
  });
}

interface LockOwner {
  pid: number;
  host: string;
}

/** Waits until this process holds DIR/KEY.lock or the entry exists; returns the release. Never throws. */
async function acquireLock(dir: string, key: string, maxAge: number): Promise<() => void> {
  const path = join(dir, `${key}.lock`);
  const owner: LockOwner = {pid: process.pid, host: hostname()};
  const release = () => {
    try {
      const held = JSON.parse(readFileSync(path, "utf8")) as LockOwner;
      if (held.pid === owner.pid && held.host === owner.host) rmSync(path, {force: true});
    } catch {}
  };
  for (;;) {
    try {
      mkdirSync(dir, {recursive: true});
      writeFileSync(path, JSON.stringify(owner), {flag: "wx"});
      return release;
    } catch (error) {
      // Anything but "someone holds it" (a read-only cache, say): go on without a lock.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return () => {};
    }
    if (entryExists(join(dir, key))) return () => {};
    if (lockIsStale(path, maxAge)) {
      rmSync(path, {force: true});
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function entryExists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function lockIsStale(path: string, maxAge: number): boolean {
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
  } catch {
    return false; // released meanwhile: the next attempt takes it
  }
  if (Date.now() - mtime > maxAge) return true;
  try {
    const {pid, host} = JSON.parse(readFileSync(path, "utf8")) as LockOwner;
    return host === hostname() && !processAlive(pid);
  } catch {
    // Created but not yet written, or garbage: stale only once it has had time to be written.
    return Date.now() - mtime > 5_000;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
