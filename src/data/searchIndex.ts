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
 * 40 million characters keeps a few hundred MB.
 */
const CHARS_PER_PASS = 40e6;

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

/** The postings of the tokens in shards [low, high), by shard. */
function postingsOfShards(
  articles: readonly ArticleRow[],
  order: readonly number[],
  low: number,
  high: number
): [number, Postings][][] {
  const all = new Map<number, Postings>();
  const seen = new Map<number, number>();
  const everyShard = low === 0 && high === SEARCH_SHARDS;
  const inPass = (key: number) => {
    if (everyShard) return true;
    const shard = shardOf(key);
    return shard >= low && shard < high;
  };
  // A token's value in an article: 2 per hit, +1 once it is seen in the title.
  const inTitle = (key: number) => inPass(key) && seen.set(key, ((seen.get(key) ?? 0) + 2) | 1);
  const inText = (key: number) => inPass(key) && seen.set(key, (seen.get(key) ?? 0) + 2);
  for (let ordinal = 0; ordinal < order.length; ordinal++) {
    const article = articles[order[ordinal]];
    seen.clear();
    eachToken(`${article.title ?? ""}\n${article.subtitle ?? ""}`, inTitle);
    eachToken(article.text, inText);
    for (const [key, value] of seen) {
      let postings = all.get(key);
      if (!postings) all.set(key, (postings = new Postings()));
      postings.add(ordinal, value);
    }
  }
  const shards: [number, Postings][][] = Array.from({length: high - low}, () => []);
  for (const entry of all) shards[shardOf(entry[0]) - low].push(entry);
  return shards;
}
