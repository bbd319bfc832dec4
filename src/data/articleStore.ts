// Writes the article store (format in src/components/articleStore.js) to a stream without holding it in memory:
// records are gzipped one at a time into a temporary file while their offsets are noted, then the header, the two
// directories, the records and the id buckets are written out in order.
import {closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {gzipSync} from "node:zlib";
import {BUCKETS, HEADER_BYTES, ORDINALS, STORE_MAGIC, bucketOf} from "../components/articleStore.js";
import type {ArticleRow, FactRow} from "../../loaders/types.js";

/**
 * zlib's options for the pieces a page reads by range (articles.bin's records, search.bin's shards). At 10,000 pages
 * level 2 makes them 3–4% larger than the default (6) for a fifth less of the two loaders' CPU, a rebuild's largest
 * share; a query or an article reads tens of kB.
 */
export const PIECE_GZIP = {level: 2};

/**
 * The articles' indexes newest first (dates as precise as known, so `2020-08-31` before `2020-08` before `2020`;
 * undated last), then by document and place in it. Record i of the store and ordinal i of the search index are the
 * i-th of this order, so the search ranks equal hits by date by comparing ordinals.
 */
export function articleOrder(articles: readonly ArticleRow[]): number[] {
  const order = articles.map((_, i) => i);
  const date = (i: number) => articles[i].date ?? "";
  return order.sort((a, b) => {
    const da = date(a);
    const db = date(b);
    if (da !== db) return da < db ? 1 : -1;
    const x = articles[a];
    const y = articles[b];
    return x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.seq - y.seq;
  });
}

export function factsByArticle(facts: readonly FactRow[]): Map<string, FactRow[]> {
  const byArticle = new Map<string, FactRow[]>();
  for (const fact of facts) {
    const list = byArticle.get(fact.article_id);
    if (list) list.push(fact);
    else byArticle.set(fact.article_id, [fact]);
  }
  return byArticle;
}

function float64s(values: readonly number[]): Buffer {
  const buffer = Buffer.alloc(8 * values.length);
  values.forEach((value, i) => buffer.writeDoubleLE(value, 8 * i));
  return buffer;
}

export interface StoreSummary {
  articles: number;
  bytes: number;
  largestRecord: number;
}

/** The store of `articles` (in `order`) and their facts, written to `out`. */
export async function writeArticleStore(
  articles: readonly ArticleRow[],
  facts: readonly FactRow[],
  order: readonly number[],
  out: NodeJS.WritableStream
): Promise<StoreSummary> {
  const n = order.length;
  const recordsStart = ORDINALS + 8 * (n + 1);
  const byArticle = factsByArticle(facts);
  const dir = mkdtempSync(join(tmpdir(), "article-store-"));
  const recordsPath = join(dir, "records");
  try {
    const fd = openSync(recordsPath, "w");
    const offsets: number[] = [recordsStart];
    const buckets: [string, number, number, number][][] = Array.from({length: BUCKETS}, () => []);
    let largestRecord = 0;
    try {
      for (let ordinal = 0; ordinal < n; ordinal++) {
        const article = articles[order[ordinal]];
        const record = gzipSync(JSON.stringify({article, facts: byArticle.get(article.article_id) ?? []}), PIECE_GZIP);
        writeSync(fd, record);
        const start = offsets[ordinal];
        offsets.push(start + record.length);
        buckets[bucketOf(article.article_id)].push([article.article_id, ordinal, start, start + record.length]);
        largestRecord = Math.max(largestRecord, record.length);
      }
    } finally {
      closeSync(fd);
    }
    const bucketBytes = buckets.map((bucket) => Buffer.from(bucket.length ? JSON.stringify(bucket) : ""));
    const bucketOffsets = [offsets[n]];
    for (const bytes of bucketBytes) bucketOffsets.push(bucketOffsets[bucketOffsets.length - 1] + bytes.length);
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(STORE_MAGIC, 0, "latin1");
    header.writeUInt32LE(n, 8);
    header.writeUInt32LE(BUCKETS, 12);
    await write(out, Buffer.concat([header, float64s(bucketOffsets), float64s(offsets)]));
    await pipeline(createReadStream(recordsPath), out, {end: false});
    await write(out, Buffer.concat(bucketBytes));
    return {articles: n, bytes: bucketOffsets[BUCKETS], largestRecord};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Writes and waits for the stream to drain when it asks to. */
export function write(out: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}
