// Writes the full-text search index (format in src/components/searchIndex.js) to a stream in bounded memory: the
// shards are built in passes over the articles, each pass keeping the postings of a slice of the shards only, as
// varint bytes (no arrays of numbers, no strings: token keys are numbers). Each pass's shards are gzipped into a
// temporary file; then the header, the shard directory and that file are written out.
import {closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {gzipSync} from "node:zlib";
import {SEARCH_SHARDS, eachToken, shardOf} from "../components/cjkSearch.js";
import {SEARCH_HEADER_BYTES, SEARCH_MAGIC} from "../components/searchIndex.js";
import {write} from "./articleStore.js";
import type {ArticleRow} from "../../loaders/types.js";

/** Postings of one token: varints appended to a growing buffer. */
class Postings {
  bytes = new Uint8Array(8);
  length = 0;
  last = 0;
  df = 0;
  add(ordinal: number, value: number): void {
    this.varint(ordinal - this.last);
    this.varint(value);
    this.last = ordinal;
    this.df++;
  }
  varint(value: number): void {
    if (this.length + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 128) | 0x80;
      value = Math.floor(value / 128);
    }
    this.bytes[this.length++] = value;
  }
}

function varintBytes(value: number, out: number[]): void {
  while (value >= 0x80) {
    out.push((value % 128) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

/** One shard's entries, sorted by key, uncompressed. */
function encodeShard(entries: [number, Postings][]): Buffer {
  entries.sort((a, b) => a[0] - b[0]);
  const parts: Uint8Array[] = [];
  for (const [key, postings] of entries) {
    const head: number[] = [];
    varintBytes(key, head);
    varintBytes(postings.df, head);
    varintBytes(postings.length, head);
    parts.push(Uint8Array.from(head), postings.bytes.subarray(0, postings.length));
  }
  return Buffer.concat(parts);
}

export interface IndexSummary {
  articles: number;
  bytes: number;
  passes: number;
  tokens: number;
  largestShard: number;
  medianShard: number;
}

/**
 * Characters of text per pass: at ~2.5 bytes per posting and a posting per distinct token and article, a pass over
 * 100 million characters keeps a few hundred MB (measured: 16 million, 1,000 synthetic pages, peaked at 210 MB with
 * the articles table). Each pass reads every text again, so 10,000 pages (55 million characters) make one.
 */
const CHARS_PER_PASS = 100e6;

/** The index of `articles` (ordinal i is `articles[order[i]]`), written to `out`. */
export async function writeSearchIndex(
  articles: readonly ArticleRow[],
  order: readonly number[],
  out: NodeJS.WritableStream,
  {charsPerPass = CHARS_PER_PASS}: {charsPerPass?: number} = {}
): Promise<IndexSummary> {
  const n = order.length;
  let chars = 0;
  for (const article of articles) chars += (article.text?.length ?? 0) + (article.title?.length ?? 0);
  const passes = Math.max(1, Math.ceil(chars / charsPerPass));
  const dir = mkdtempSync(join(tmpdir(), "search-index-"));
  const shardsPath = join(dir, "shards");
  const offsets = [SEARCH_HEADER_BYTES + 8 * (SEARCH_SHARDS + 1)];
  const sizes: number[] = [];
  let tokens = 0;
  try {
    const fd = openSync(shardsPath, "w");
    try {
      for (let pass = 0; pass < passes; pass++) {
        const low = Math.floor((pass * SEARCH_SHARDS) / passes);
        const high = Math.floor(((pass + 1) * SEARCH_SHARDS) / passes);
        const shards = postingsOfShards(articles, order, low, high);
        for (let shard = low; shard < high; shard++) {
          const entries = shards[shard - low];
          tokens += entries.length;
          const bytes = entries.length ? gzipSync(encodeShard(entries)) : Buffer.alloc(0);
          writeSync(fd, bytes);
          offsets.push(offsets[offsets.length - 1] + bytes.length);
          sizes.push(bytes.length);
        }
      }
    } finally {
      closeSync(fd);
    }
    const header = Buffer.alloc(SEARCH_HEADER_BYTES);
    header.write(SEARCH_MAGIC, 0, "latin1");
    header.writeUInt32LE(n, 8);
    header.writeUInt32LE(SEARCH_SHARDS, 12);
    const directory = Buffer.alloc(8 * offsets.length);
    offsets.forEach((offset, i) => directory.writeDoubleLE(offset, 8 * i));
    await write(out, Buffer.concat([header, directory]));
    await pipeline(createReadStream(shardsPath), out, {end: false});
    sizes.sort((a, b) => a - b);
    return {
      articles: n,
      bytes: offsets[offsets.length - 1],
      passes,
      tokens,
      largestShard: sizes[sizes.length - 1] ?? 0,
      medianShard: sizes[Math.floor(sizes.length / 2)] ?? 0
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Dense ids for token keys (uint32: a bigram is `a * 65536 + b`), in an open-addressing table of typed arrays: a
 * lookup per character of the corpus, where a Map of such keys (heap numbers above 2^31) cost most of the build.
 */
class TokenIds {
  slots = new Int32Array(1 << 16).fill(-1);
  keys = new Uint32Array(1 << 15);
  count = 0;
  /** Ids of unigrams (keys below 65536), looked up directly: half the lookups. */
  unigrams = new Int32Array(1 << 16).fill(-1);
  /** The id of `key`, given the next one when it is new. */
  id(key: number): number {
    if (key < 65536) {
      const id = this.unigrams[key];
      return id >= 0 ? id : (this.unigrams[key] = this.add(key));
    }
    let mask = this.slots.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (slot &= mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id < 0) break;
      if (this.keys[id] === key) return id;
    }
    const id = this.add(key);
    // At most half full, so probes stay short; grown by inserting every key again.
    if (2 * this.count > this.slots.length) {
      this.slots = new Int32Array(2 * this.slots.length).fill(-1);
      mask = this.slots.length - 1;
      for (let k = 0; k < this.count; k++) {
        if (this.keys[k] < 65536) continue;
        let at = Math.imul(this.keys[k], 0x9e3779b1) & mask;
        while (this.slots[at] >= 0) at = (at + 1) & mask;
        this.slots[at] = k;
      }
    } else this.slots[slot] = id;
    return id;
  }
  private add(key: number): number {
    const id = this.count++;
    if (id === this.keys.length) {
      const keys = new Uint32Array(2 * this.keys.length);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[id] = key;
    return id;
  }
}

/** A growable Int32Array, reset by hand. */
function grown(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const bigger = new Int32Array(Math.max(length, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/**
 * One pass's per-token state in typed arrays owned by one object, visited through one monomorphic method: the hot
 * loop of the build (a call per token of the corpus, 110 million at 10,000 pages), where closures over reassigned
 * arrays and two emit callbacks cost four times as much (measured).
 */
class PassTokens {
  ids = new TokenIds();
  /** Per id: 1 when its shard is in this pass, 2 when not (0: not seen yet). */
  inPass = new Int32Array(1 << 15);
  /** Per id, the token's value in the article at hand: 2 per hit, +1 once it is seen in the title (0: not yet). */
  values = new Int32Array(1 << 15);
  touched = new Int32Array(1 << 12);
  nTouched = 0;
  /** 1 while the title is visited, else 0. */
  title = 0;
  constructor(
    readonly low: number,
    readonly high: number
  ) {}
  visit(key: number): void {
    const id = this.ids.id(key);
    if (id >= this.inPass.length) {
      this.inPass = grown(this.inPass, id + 1);
      this.values = grown(this.values, id + 1);
    }
    let pass = this.inPass[id];
    if (pass === 0) {
      const shard = shardOf(key);
      this.inPass[id] = pass = shard >= this.low && shard < this.high ? 1 : 2;
    }
    if (pass !== 1) return;
    const value = this.values[id];
    if (value === 0) {
      if (this.nTouched === this.touched.length) this.touched = grown(this.touched, this.nTouched + 1);
      this.touched[this.nTouched++] = id;
    }
    this.values[id] = (value + 2) | this.title;
  }
}

/** The postings of the tokens in shards [low, high), by shard. */
function postingsOfShards(
  articles: readonly ArticleRow[],
  order: readonly number[],
  low: number,
  high: number
): [number, Postings][][] {
  const tokens = new PassTokens(low, high);
  const postings: (Postings | null)[] = [];
  const visit = (key: number) => tokens.visit(key);
  for (let ordinal = 0; ordinal < order.length; ordinal++) {
    const article = articles[order[ordinal]];
    tokens.nTouched = 0;
    tokens.title = 1;
    eachToken(`${article.title ?? ""}\n${article.subtitle ?? ""}`, visit);
    tokens.title = 0;
    eachToken(article.text, visit);
    const {touched, values} = tokens;
    for (let i = 0; i < tokens.nTouched; i++) {
      const id = touched[i];
      (postings[id] ??= new Postings()).add(ordinal, values[id]);
      values[id] = 0;
    }
  }
  const {ids} = tokens;
  const shards: [number, Postings][][] = Array.from({length: high - low}, () => []);
  for (let id = 0; id < postings.length; id++) {
    const list = postings[id];
    if (list) shards[shardOf(ids.keys[id]) - low].push([ids.keys[id], list]);
  }
  return shards;
}
