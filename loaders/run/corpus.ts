// Which files are documents (the contract's PATH arguments, expanded) and how a document's bytes are read. Nothing a
// file system can hold stops the listing or the reading: a name that is not UTF-8, a file that vanishes or changes,
// a folder or a device named like a page, a symlink loop — each becomes a document the reader rejects with a reason,
// and every other document goes on.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
  type BigIntStats,
  type Stats
} from "node:fs";
import {basename, extname, resolve, sep} from "node:path";

export const DOCUMENT_EXTENSIONS = [".txt", ".md", ".html", ".htm"];

/** A path as the file system gives it: a Buffer where a name is not valid UTF-8, which no string can hold. */
export type FilePath = string | Buffer;

export interface DocumentFile {
  /** The contract's `doc`: path relative to the folder given, or the file name; unique within a listing. */
  doc: string;
  path: FilePath;
  /** Size in bytes, for progress and throughput (0 when the file could not be looked at). */
  size: number;
  /** What changes when the file does (device, inode, size, mtime and ctime), for the cache's index. */
  stamp?: string;
  /** The later of mtime and ctime, in ms: a stamp taken moments after a change may not see the next change. */
  changedMs?: number;
}

interface Listed {
  /** Names from the argument down, decoded for `doc`. */
  parts: string[];
  path: FilePath;
  /** What the listing needs of the file's stat, undefined where it could not be looked at. */
  stat: Stamped | undefined;
  /** Reached through a symlink. */
  link: boolean;
}

/**
 * Expands files and folders (searched recursively) into document files, sorted by `doc`. A file reached twice (the
 * same device and inode, through overlapping arguments or a symlink) is listed once; when two arguments would give
 * the same `doc`, those arguments' documents keep as many of the argument's own folder names in front as it takes.
 */
export function listDocuments(paths: string[]): DocumentFile[] {
  const byArgument = paths.map((path) => listArgument(path));
  // The file itself is kept over a symlink to it, else the first reached (folders are walked in byte order).
  const real = new Set<string>();
  for (const {files} of byArgument) for (const {stat, link} of files) if (!link && stat?.id) real.add(stat.id);
  const seen = new Set<string>();
  for (const argument of byArgument) {
    argument.files = argument.files.filter(({stat, link}) => {
      const id = stat?.id;
      if (!id) return true;
      if ((link && real.has(id)) || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
  const docs = uniqueNames(byArgument);
  const files: DocumentFile[] = [];
  byArgument.forEach(({files: listed}, a) => {
    listed.forEach(({path, stat}, i) => files.push(documentFile(docs[a][i], path, stat)));
  });
  return files.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
}

/**
 * A file's stat reduced to what its listing keeps. A Stats object (its numbers and Dates) is half a kilobyte, held
 * for every file until the listing ends: at 33,000 files the listing's heap reached 100 MB, and V8 kept that heap for
 * the rest of the run. Strings by join(): a template literal of numbers is a tree of a dozen small strings.
 */
interface Stamped {
  /** Device and inode of a regular file, for listing it once; null when it cannot be told (then it is kept). */
  id: string | null;
  size: number;
  stamp: string;
  changedMs: number;
}

function stamped(stat: Stats): Stamped {
  const regular = stat.isFile();
  return {
    id: regular ? [stat.dev, stat.ino].join(":") : null,
    size: regular ? stat.size : 0,
    stamp: [stat.dev, stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs].join(":"),
    changedMs: Math.max(stat.mtimeMs, stat.ctimeMs)
  };
}

function documentFile(doc: string, path: FilePath, stat: Stamped | undefined): DocumentFile {
  if (!stat) return {doc, path, size: 0};
  const {size, stamp, changedMs} = stat;
  return {doc, path, size, stamp, changedMs};
}

interface Argument {
  /** The folder names above the argument's documents, nearest last: the argument itself for a folder, else its folder. */
  ancestors: string[];
  files: Listed[];
}

function listArgument(path: string): Argument {
  const stat = statOf(path);
  const absolute = resolve(path).split(sep).filter(Boolean);
  if (stat?.isDirectory()) {
    const files: Listed[] = [];
    walk(path, [], files);
    return {ancestors: absolute, files};
  }
  return {
    ancestors: absolute.slice(0, -1),
    files: [{parts: [basename(path)], path, stat: stat && stamped(stat), link: isSymlink(path)}]
  };
}

/** Where two arguments give the same `doc`, prefixes those arguments' docs with their folder names until none do. */
function uniqueNames(args: Argument[]): string[][] {
  const depth = args.map(() => 0);
  const name = (a: number, parts: string[]) =>
    [...args[a].ancestors.slice(args[a].ancestors.length - depth[a]), ...parts].join("/");
  for (;;) {
    const owner = new Map<string, number>();
    const clashing = new Set<number>();
    args.forEach(({files}, a) => {
      for (const {parts} of files) {
        const doc = name(a, parts);
        const other = owner.get(doc);
        if (other !== undefined && other !== a) clashing.add(a).add(other);
        else owner.set(doc, a);
      }
    });
    const deeper = [...clashing].filter((a) => depth[a] < args[a].ancestors.length);
    if (!deeper.length) break;
    for (const a of deeper) depth[a]++;
  }
  // What is still the same (the same names under the file system's root, or an escaped name equal to a real one)
  // gets a number before its extension, in argument order.
  const taken = new Map<string, number>();
  return args.map(({files}, a) =>
    files.map(({parts}) => {
      const doc = name(a, parts);
      const n = (taken.get(doc) ?? 0) + 1;
      taken.set(doc, n);
      if (n === 1) return doc;
      const ext = extname(doc);
      return `${doc.slice(0, doc.length - ext.length)}~${n}${ext}`;
    })
  );
}

/**
 * Folders are read as bytes, so a name that is not UTF-8 still opens. Hidden entries (a leading dot) are skipped.
 * Anything named like a document is listed whatever it is (a folder, a device, a symlink to anything), for the reader
 * to accept or reject with its reason; a real folder is searched as well. Symlinked folders are not searched, so a
 * link cannot lead the walk in circles.
 */
function walk(dir: FilePath, parts: string[], files: Listed[]): void {
  let entries;
  try {
    entries = readdirSync(dir, {encoding: "buffer", withFileTypes: true});
  } catch {
    // A folder that cannot be listed is a row of its own (a document that cannot be read), so it is not lost unseen.
    const name = parts.length ? parts : [decodeName(Buffer.from(basename(dir.toString())))];
    files.push({parts: name, path: dir, stat: undefined, link: false});
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    if (entry.name[0] === 0x2e) continue; // "."
    // Names are nearly always UTF-8: then the path stays a string, the cheapest form for every call that takes it.
    const text = entry.name.toString("utf8");
    const utf8 = !text.includes("\ufffd") || isUtf8(entry.name);
    const name = utf8 ? text : decodeName(entry.name);
    const path =
      typeof dir === "string" && utf8 ? `${dir}${sep}${text}` : Buffer.concat([Buffer.from(dir), SEP, entry.name]);
    const here = [...parts, name];
    const isDocument = DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase());
    if (isDocument) files.push({parts: here, path, stat: stampOf(path), link: entry.isSymbolicLink()});
    if (entry.isDirectory()) walk(path, here, files);
  }
}

const SEP = Buffer.from(sep);

function stampOf(path: FilePath): Stamped | undefined {
  const stat = statOf(path);
  return stat && stamped(stat);
}

function statOf(path: FilePath): Stats | undefined {
  try {
    return statSync(path, {throwIfNoEntry: false});
  } catch {
    return undefined;
  }
}

const strict = new TextDecoder("utf-8", {fatal: true});

function isUtf8(name: Buffer): boolean {
  try {
    strict.decode(name);
    return true;
  } catch {
    return false;
  }
}

/** A file name as text: UTF-8 as it is, each byte that is not part of valid UTF-8 written `\xFF`. */
export function decodeName(name: Buffer): string {
  try {
    return strict.decode(name);
  } catch {}
  let text = "";
  for (let i = 0; i < name.length;) {
    const n = sequenceLength(name[i]);
    let decoded: string | null = null;
    if (n && i + n <= name.length) {
      try {
        decoded = strict.decode(name.subarray(i, i + n));
      } catch {}
    }
    if (decoded === null) {
      text += `\\x${name[i].toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
    } else {
      text += decoded;
      i += n;
    }
  }
  return text;
}

function sequenceLength(lead: number): number {
  return lead < 0x80
    ? 1
    : lead >= 0xc2 && lead < 0xe0
      ? 2
      : lead >= 0xe0 && lead < 0xf0
        ? 3
        : lead >= 0xf0 && lead < 0xf5
          ? 4
          : 0;
}

export type ReadResult = {bytes: Uint8Array} | {reason: string};

export interface ReadOptions {
  /** Attempts before a file that keeps changing while read is rejected. Default 3. */
  attempts?: number;
  /** Called after each open, before the read: tests change the file there. */
  afterOpen?: (attempt: number) => void;
}

/**
 * A document's bytes, or why there are none. The file is opened once (following symlinks), checked to be a regular
 * file before anything is read (a FIFO opened without O_NONBLOCK would wait for a writer forever, /dev/zero never
 * ends), read to its end, and looked at again: if its size or times moved meanwhile it is read again, so the bytes
 * are one version of the file, never half of two.
 */
export function readDocumentFile(path: FilePath, options: ReadOptions = {}): ReadResult {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      return {reason: openFailure(path, error as NodeJS.ErrnoException)};
    }
    try {
      const before = fstatSync(fd, {bigint: true});
      if (!before.isFile()) return {reason: notAFile(path, before)};
      options.afterOpen?.(attempt);
      const bytes = readAll(fd, Number(before.size));
      const after = fstatSync(fd, {bigint: true});
      if (before.size === after.size && before.mtimeNs === after.mtimeNs && before.ctimeNs === after.ctimeNs)
        return {bytes};
    } catch (error) {
      return {reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`};
    } finally {
      closeSync(fd);
    }
  }
  return {reason: `cannot read: changed while being read (${attempts} attempts)`};
}

function readAll(fd: number, size: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(size, 0) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

function isSymlink(path: FilePath): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function openFailure(path: FilePath, error: NodeJS.ErrnoException): string {
  const code = error.code ?? error.message;
  if (code === "ELOOP") return "cannot read: symlink loop (ELOOP)";
  if (code === "ENOENT")
    return isSymlink(path) ? "cannot read: dangling symlink (ENOENT)" : "cannot read: vanished (ENOENT)";
  if (code === "EACCES") return "cannot read: permission denied (EACCES)";
  return `cannot read: ${code}`;
}

function notAFile(path: FilePath, stat: BigIntStats): string {
  const what = stat.isDirectory()
    ? "a folder"
    : stat.isCharacterDevice()
      ? "a character device"
      : stat.isBlockDevice()
        ? "a block device"
        : stat.isFIFO()
          ? "a FIFO"
          : stat.isSocket()
            ? "a socket"
            : "not a regular file";
  if (!isSymlink(path)) return `not a file: ${what}`;
  return stat.isDirectory()
    ? "not a file: a symlink to a folder (symlinked folders are not searched)"
    : `not a file: a symlink to ${what}`;
}
