// The corpus tables extracted once per change of inputs, shared by every process that needs them: the site's config
// and each of its data loaders (Framework runs every loader as a process of its own). Entries are keyed by the
// fingerprint of the documents and of the engine (fingerprint.ts), so editing either makes new tables.
//
// On disk: DIR/KEY/{documents,articles,facts,places}.v8, each a SHA-256 of the rest then the rows in V8's
// serialization, which gives back exactly what was extracted (NaN and undefined included, which JSON would change),
// reads faster than JSON and has no limit on string length. An entry is written in a temporary folder and renamed
// into place, so a reader sees all of it or none of it; an entry that fails its checksum is dropped and made again.
// While one process extracts, others wanting the same key wait on DIR/KEY.lock rather than extract too; a lock whose
// process is gone, or that is older than `lockMaxAge`, is taken over. The lock only saves work: were two processes
// to extract at once, both would write the same tables and the second rename would simply lose.
import {createHash, randomBytes} from "node:crypto";
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {availableParallelism, hostname} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {deserialize, serialize} from "node:v8";
import {listDocuments, type DocumentFile} from "./corpus.js";
import {engineFingerprint, tablesKey} from "./fingerprint.js";
import type {PoolOptions} from "./pool.js";
import type {TableName, Tables} from "./schema.js";

const TABLE_NAMES: TableName[] = ["documents", "articles", "facts", "places"];

/**
 * node_modules/.cache is where tools keep caches by convention: ignored by git with node_modules/, gone with a
 * clean install, and outside Framework's root (src/), so the site never serves it.
 */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL("../node_modules/.cache/liaocheng-relief/", import.meta.url));

/**
 * Worker threads only for a corpus above this many bytes, on more than one core. A worker starts from the bundle
 * (loaders/bundle.js, no TypeScript to compile) but still builds its own gazetteer, about 0.75 s of CPU: below a few
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
  /** The extraction run on a miss. Default: extractTables; tests count calls through it. */
  extract?: (paths: string[], options: PoolOptions) => Promise<Tables>;
  /** Entries kept on disk, the current one included. Default 2: the site's corpus and one other (tests build two). */
  keep?: number;
  /** How old a lock may get before others stop waiting for it, in ms. Default 15 minutes. */
  lockMaxAge?: number;
  /** Where a miss is reported. Default: a line on stderr, which Framework shows beside the loader. */
  log?: (message: string) => void;
}

export function cacheDir(options: {dir?: string} = {}): string {
  return options.dir ?? process.env.LIAOCHENG_CACHE_DIR ?? DEFAULT_CACHE_DIR;
}

/** The four tables of a corpus, as extractTables gives them, made at most once per change of inputs. */
export async function cachedTables(paths: string[], options: CacheOptions = {}): Promise<Tables> {
  return (await load(paths, TABLE_NAMES, options)) as Tables;
}

/** One table of a corpus, as cachedTables would give it; only that table is read from the cache. */
export async function cachedTable<T extends TableName>(paths: string[], table: T, options: CacheOptions = {}): Promise<Tables[T]> {
  return (await load(paths, [table], options))[table]!;
}

/** Workers for a corpus of this many bytes: none for a small one, the pool's default (one per core) for a large one. */
export function workersFor(bytes: number, cores = availableParallelism()): number | undefined {
  return bytes > WORKERS_ABOVE_BYTES && cores > 1 ? undefined : 0;
}

async function load(paths: string[], names: TableName[], options: CacheOptions): Promise<Partial<Tables>> {
  const dir = cacheDir(options);
  const files = listDocuments(paths);
  const key = tablesKey(files, `${options.engine ?? engineFingerprint({prefecture: options.prefecture})} ${FORMAT}`);
  const hit = readEntry(join(dir, key), names);
  if (hit) return hit;
  const release = await acquireLock(dir, key, options.lockMaxAge ?? 15 * 60_000);
  try {
    // Whoever held the lock may have made the entry meanwhile.
    const made = readEntry(join(dir, key), names);
    if (made) return made;
    const tables = await extract(paths, files, options);
    writeEntry(dir, key, tables, options);
    prune(dir, key, options.keep ?? 2);
    return tables;
  } finally {
    release();
  }
}

async function extract(paths: string[], files: DocumentFile[], options: CacheOptions): Promise<Tables> {
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const workers = options.workers ?? workersFor(bytes);
  const start = performance.now();
  // The engine is imported only on a miss: a hit then costs a loader no more than reading the rows.
  const run = options.extract ?? (await import("./tables.js")).extractTables;
  const tables = await run(paths, {workers, prefecture: options.prefecture});
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  log(
    `tables: extracted ${files.length} documents (${(bytes / 1e6).toFixed(1)} MB) in ` +
      `${((performance.now() - start) / 1000).toFixed(1)} s, ${workers === 0 ? "in one thread" : "in worker threads"}`
  );
  return tables;
}

/** The tables of a complete entry, or null when there is none or it cannot be read (then it is dropped). */
function readEntry(path: string, names: TableName[]): Partial<Tables> | null {
  const tables: Partial<Tables> = {};
  try {
    for (const name of names) {
      (tables as Record<TableName, unknown[]>)[name] = unseal(readFileSync(join(path, `${name}.v8`)));
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

function writeEntry(dir: string, key: string, tables: Tables, options: CacheOptions): void {
  const temp = join(dir, `.tmp-${key}-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(temp, {recursive: true});
    for (const name of TABLE_NAMES) writeFileSync(join(temp, `${name}.v8`), seal(tables[name]));
    renameSync(temp, join(dir, key));
  } catch (error) {
    // Another process made the same entry first (the rename cannot replace a folder that has files), or the cache
    // cannot be written (read-only, full): either way these tables are still right, only not kept.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") (options.log ?? console.error)(`tables: not cached: ${(error as Error).message}`);
  } finally {
    rmSync(temp, {recursive: true, force: true});
  }
}

/** Rows as stored: the SHA-256 of their serialization, then the serialization. */
function seal(rows: unknown[]): Buffer {
  const body = serialize(rows);
  return Buffer.concat([createHash("sha256").update(body).digest(), body]);
}

function unseal(file: Buffer): unknown[] {
  const body = file.subarray(32);
  if (!createHash("sha256").update(body).digest().equals(file.subarray(0, 32))) throw new Error("checksum mismatch");
  const rows = deserialize(body);
  if (!Array.isArray(rows)) throw new Error("not rows");
  return rows;
}

const ENTRY = /^[0-9a-f]{32}$/;

/** Keeps the `keep` most recently used entries (the current one always) and drops what crashed processes left. */
function prune(dir: string, current: string, keep: number): void {
  try {
    const entries = readdirSync(dir).flatMap((name) => {
      try {
        return [{name, mtime: statSync(join(dir, name)).mtimeMs}];
      } catch {
        return [];
      }
    });
    const others = entries.filter(({name}) => ENTRY.test(name) && name !== current).sort((a, b) => b.mtime - a.mtime);
    const hourAgo = Date.now() - 3600_000;
    const stale = entries.filter(({name, mtime}) => (name.startsWith(".tmp-") || name.endsWith(".lock")) && mtime < hourAgo);
    for (const {name} of [...others.slice(Math.max(0, keep - 1)), ...stale]) rmSync(join(dir, name), {recursive: true, force: true});
  } catch {}
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
