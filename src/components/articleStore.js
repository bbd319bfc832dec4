// The article store, data/articles.bin: every article with its facts in one static file, read by byte ranges so a
// page fetches one article, not the corpus. Written by src/data/articleStore.ts; this module is the format.
//
//   [0, 16)              "LCARTS01", u32 article count N, u32 BUCKETS
//   [16, ORDINALS)       BUCKETS + 1 float64 offsets: bucket b is the bytes [off[b], off[b + 1])
//   [ORDINALS, +8(N+1))  N + 1 float64 offsets: record i (the i-th article, newest first) is [rec[i], rec[i + 1])
//   records              gzip(JSON {article, facts}), one per article
//   buckets              JSON [[article_id, ordinal, start, end], ...] of the ids that hash to the bucket
//
// Both directories sit at fixed places, so an article by id costs three small reads (its bucket's two offsets, the
// bucket, the record: ~1 KB + the record) and one by ordinal (a search result) two. Why one file and ranges rather
// than a file per shard: Framework names files statically (FileAttachment takes a literal), so thousands of shard
// files would each need a dynamic path extracted one by one from an archive (Framework's zip extractor re-reads the
// whole archive per member); one file is written in one pass and copied once. Measured on 110,000 generated articles
// (150 MB of text, 213k facts): a 155 MB store written in ~33 s of CPU and 416 MB peak memory, largest record 5 KB;
// an article view read 5.9 KB of it in 3 requests (172 KB for the whole page, scripts and fonts included).
import {float64s, gunzipJson, readRange, readRanges} from "./rangeRead.js";

export const STORE_MAGIC = "LCARTS01";
export const BUCKETS = 4096;
export const HEADER_BYTES = 16;
export const ORDINALS = HEADER_BYTES + 8 * (BUCKETS + 1);

/** FNV-1a over the id's UTF-16 units: the bucket an article id is listed in. Any id hashes, unknown ones too. */
export function bucketOf(id) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

/** The record's bytes range for ordinal i. */
async function recordRange(url, ordinal) {
  return float64s(await readRange(url, ORDINALS + 8 * ordinal, ORDINALS + 8 * ordinal + 16));
}

/** `{article, facts}` for an id, or null when the store has no such article. */
export async function articleById(url, id) {
  if (!id) return null;
  const b = bucketOf(String(id));
  const [start, end] = float64s(await readRange(url, HEADER_BYTES + 8 * b, HEADER_BYTES + 8 * b + 16));
  const bucket = end > start ? JSON.parse(new TextDecoder().decode(await readRange(url, start, end))) : [];
  const entry = bucket.find((e) => e[0] === id);
  return entry ? gunzipJson(await readRange(url, entry[2], entry[3])) : null;
}

/** `{article, facts}` for ordinal i (0 is the newest article). */
export async function articleByOrdinal(url, ordinal) {
  const [start, end] = await recordRange(url, ordinal);
  return gunzipJson(await readRange(url, start, end));
}

/** `{article, facts}` for several ordinals, in the order given: two rounds of reads, neighbours merged. */
export async function articlesByOrdinals(url, ordinals) {
  const entries = await readRanges(
    url,
    ordinals.map((i) => [ORDINALS + 8 * i, ORDINALS + 8 * i + 16])
  );
  const ranges = entries.map((bytes) => float64s(bytes));
  const records = await readRanges(url, ranges, {gap: 1024});
  return Promise.all(records.map(gunzipJson));
}
