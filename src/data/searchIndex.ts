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
import {PIECE_GZIP, write} from "./articleStore.js";
import type {ArticleRow} from "../../loaders/types.js";

/** Fields of a token in `PostingsArena.state`, one cache line per token. */
const LAST = 0; // the ordinal of its last posting
const DF = 1; // its postings
const LENGTH = 2; // bytes of them
const POS = 3; // where its next byte goes in the arena
const END = 4; // the end of its current block's data (its next-block pointer follows)
const HEAD = 5; // its first block
const BLOCK = 6; // the size of its current block
const STRIDE = 8;
const FIRST_BLOCK = 16;
const LARGEST_BLOCK = 4096;

/**
 * The postings of every token of a pass, as varints (delta of ordinal, then value) in chains of blocks of one
 * arena, with each token's counters in one typed array. A posting is added per token and article (56 million at
 * 10,000 pages), to a token met at random: an object and a buffer per token made three or four cache misses of each
 * and most of the build's time; here it is the token's line of `state` and the arena's block.
 */
class PostingsArena {
  state = new Int32Array(STRIDE << 15);
  arena = new Uint8Array(1 << 20);
  used = 0;
  add(id: number, ordinal: number, value: number): void {
    const at = id * STRIDE;
    if (at >= this.state.length) {
      const state = new Int32Array(Math.max(at + STRIDE, 2 * this.state.length));
      state.set(this.state);
      this.state = state;
    }
    const state = this.state;
    if (state[at + BLOCK] === 0) {
      const start = this.block(FIRST_BLOCK);
      state[at + HEAD] = state[at + POS] = start;
      state[at + END] = start + FIRST_BLOCK - 4;
      state[at + BLOCK] = FIRST_BLOCK;
    }
    let pos = this.varint(at, state[at + POS], ordinal - state[at + LAST]);
    pos = this.varint(at, pos, value);
    state[at + POS] = pos;
    state[at + LAST] = ordinal;
    state[at + DF]++;
  }
  /** Writes `value` (below 2^31) from `pos` on, into new blocks as needed; gives the position after it. */
  private varint(at: number, pos: number, value: number): number {
    for (;;) {
      if (pos === this.state[at + END]) pos = this.next(at, pos);
      this.state[at + LENGTH]++;
      if (value < 0x80) {
        this.arena[pos] = value;
        return pos + 1;
      }
      this.arena[pos++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
  }
  /** Chains a new block to the token's current one, ending at `pos`; gives the new block's start. */
  private next(at: number, pos: number): number {
    const size = Math.min(2 * this.state[at + BLOCK], LARGEST_BLOCK);
    const start = this.block(size);
    new DataView(this.arena.buffer).setInt32(pos, start, true);
    this.state[at + END] = start + size - 4;
    this.state[at + BLOCK] = size;
    return start;
  }
  private block(size: number): number {
    if (this.used + size > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.used + size, 2 * this.arena.length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    const start = this.used;
    this.used += size;
    return start;
  }
  df(id: number): number {
    return this.state[id * STRIDE + DF];
  }
  length(id: number): number {
    return this.state[id * STRIDE + LENGTH];
  }
  /** Copies the token's postings bytes to `out` at `offset`. */
  copy(id: number, out: Uint8Array, offset: number): void {
    const at = id * STRIDE;
    const view = new DataView(this.arena.buffer);
    let left = this.state[at + LENGTH];
    let start = this.state[at + HEAD];
    for (let size = FIRST_BLOCK; left > 0; size = Math.min(2 * size, LARGEST_BLOCK)) {
      const n = Math.min(left, size - 4);
      out.set(this.arena.subarray(start, start + n), offset);
      offset += n;
      left -= n;
      if (left > 0) start = view.getInt32(start + size - 4, true);
    }
  }
}

function varintBytes(value: number, out: number[]): void {
  while (value >= 0x80) {
    out.push((value % 128) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

/** One shard's entries ([key, id]), sorted by key, uncompressed. */
function encodeShard(entries: [number, number][], postings: PostingsArena): Buffer {
  entries.sort((a, b) => a[0] - b[0]);
  const heads: number[] = [];
  let size = 0;
  for (const [key, id] of entries) {
    const from = heads.length;
    varintBytes(key, heads);
    varintBytes(postings.df(id), heads);
    varintBytes(postings.length(id), heads);
    size += heads.length - from + postings.length(id);
  }
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  let h = 0;
  for (const [, id] of entries) {
    // The three varints of the head again, as written above: each ends at its first byte below 0x80.
    for (let ends = 0; ends < 3; h++) {
      out[offset++] = heads[h];
      if (heads[h] < 0x80) ends++;
    }
    postings.copy(id, out, offset);
    offset += postings.length(id);
  }
  return out;
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
        const {shards, postings} = postingsOfShards(articles, order, low, high);
        for (let shard = low; shard < high; shard++) {
          const entries = shards[shard - low];
          tokens += entries.length;
          const bytes = entries.length ? gzipSync(encodeShard(entries, postings), PIECE_GZIP) : Buffer.alloc(0);
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
  /** Pairs (id, key as int32) of the open-addressing table: a probe reads both from one cache line. */
  slots = new Int32Array(2 << 16).fill(-1);
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
    const key32 = key | 0;
    let mask = (this.slots.length >> 1) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (slot &= mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[2 * slot];
      if (id < 0) break;
      if (this.slots[2 * slot + 1] === key32) return id;
    }
    const id = this.add(key);
    // At most half full, so probes stay short; grown by inserting every key again.
    if (4 * this.count > this.slots.length) {
      this.slots = new Int32Array(2 * this.slots.length).fill(-1);
      mask = (this.slots.length >> 1) - 1;
      for (let k = 0; k < this.count; k++) {
        if (this.keys[k] < 65536) continue;
        let at = Math.imul(this.keys[k], 0x9e3779b1) & mask;
        while (this.slots[2 * at] >= 0) at = (at + 1) & mask;
        this.slots[2 * at] = k;
        this.slots[2 * at + 1] = this.keys[k] | 0;
      }
    } else {
      this.slots[2 * slot] = id;
      this.slots[2 * slot + 1] = key32;
    }
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
  /**
   * Per id, two fields side by side (one cache line): whether its shard is in this pass (1), not (2) or not known
   * yet (0); and its value in the article at hand: 2 per hit, +1 once it is seen in the title (0: not yet).
   */
  info = new Int32Array(2 << 15);
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
    if (2 * id >= this.info.length) this.info = grown(this.info, 2 * id + 2);
    const info = this.info;
    let pass = info[2 * id];
    if (pass === 0) {
      const shard = shardOf(key);
      info[2 * id] = pass = shard >= this.low && shard < this.high ? 1 : 2;
    }
    if (pass !== 1) return;
    const value = info[2 * id + 1];
    if (value === 0) {
      if (this.nTouched === this.touched.length) this.touched = grown(this.touched, this.nTouched + 1);
      this.touched[this.nTouched++] = id;
    }
    info[2 * id + 1] = (value + 2) | this.title;
  }
  inPass(id: number): boolean {
    return this.info[2 * id] === 1;
  }
}

/** The postings of the tokens in shards [low, high), by shard. */
function postingsOfShards(
  articles: readonly ArticleRow[],
  order: readonly number[],
  low: number,
  high: number
): {shards: [number, number][][]; postings: PostingsArena} {
  const tokens = new PassTokens(low, high);
  const postings = new PostingsArena();
  const visit = (key: number) => tokens.visit(key);
  for (let ordinal = 0; ordinal < order.length; ordinal++) {
    const article = articles[order[ordinal]];
    tokens.nTouched = 0;
    tokens.title = 1;
    eachToken(`${article.title ?? ""}\n${article.subtitle ?? ""}`, visit);
    tokens.title = 0;
    eachToken(article.text, visit);
    const {touched, info} = tokens;
    for (let i = 0; i < tokens.nTouched; i++) {
      const id = touched[i];
      postings.add(id, ordinal, info[2 * id + 1]);
      info[2 * id + 1] = 0;
    }
  }
  const {ids} = tokens;
  const shards: [number, number][][] = Array.from({length: high - low}, () => []);
  for (let id = 0; id < ids.count; id++) {
    if (tokens.inPass(id)) shards[shardOf(ids.keys[id]) - low].push([ids.keys[id], id]);
  }
  return {shards, postings};
}
