// The search index builder (src/data/searchIndex.ts): the same bytes however many passes it takes, and every distinct
// token indexed, with far more tokens than its id table starts with (it grows by rehashing).
import {test} from "node:test";
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {Writable} from "node:stream";
import {gunzipSync} from "node:zlib";
import {SEARCH_SHARDS, eachToken} from "../src/components/cjkSearch.js";
import {SEARCH_HEADER_BYTES} from "../src/components/searchIndex.js";
import {articleOrder} from "../src/data/articleStore.js";
import {writeSearchIndex} from "../src/data/searchIndex.js";
import {random} from "../bench/random.js";
import type {ArticleRow} from "../loaders/types.js";

function corpus(): ArticleRow[] {
  const next = random(10);
  const han = () => String.fromCharCode(0x4e00 + Math.floor(next() * 2000));
  const text = (n: number) => Array.from({length: n}, () => (next() < 0.05 ? "，" : han())).join("");
  return Array.from({length: 300}, (_, i) => ({
    article_id: `a${i}`,
    doc: `d${i % 20}.txt`,
    seq: i,
    title: text(8),
    subtitle: i % 3 ? null : "ＡＢc12",
    date: i % 7 ? `20${10 + (i % 10)}-0${1 + (i % 9)}` : null,
    text: text(300)
  })) as unknown as ArticleRow[];
}

async function built(articles: ArticleRow[], charsPerPass?: number) {
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  const sink = new Writable({write: (chunk, _encoding, done) => (hash.update(chunk), chunks.push(chunk), done())});
  const summary = await writeSearchIndex(articles, articleOrder(articles), sink, {charsPerPass});
  return {...summary, sha: hash.digest("hex"), bytes: Buffer.concat(chunks)};
}

/** The SHA-256 of the shards unzipped, one after another: the index's content, whatever zlib's version. */
function contentSha(file: Buffer): string {
  const hash = createHash("sha256");
  const offset = (i: number) => file.readDoubleLE(SEARCH_HEADER_BYTES + 8 * i);
  for (let shard = 0; shard < SEARCH_SHARDS; shard++) {
    const bytes = file.subarray(offset(shard), offset(shard + 1));
    hash.update(bytes.length ? gunzipSync(bytes) : bytes);
  }
  return hash.digest("hex");
}

test("the search index is the same bytes in one pass or many, and holds every distinct token", async () => {
  const articles = corpus();
  const distinct = new Set<number>();
  for (const a of articles) for (const text of [a.title, a.subtitle, a.text]) eachToken(text, (k) => distinct.add(k));
  const one = await built(articles);
  const many = await built(articles, 20_000);
  assert.equal(one.passes, 1);
  assert.ok(many.passes >= 5, `${many.passes} passes`);
  assert.equal(many.sha, one.sha);
  assert.equal(one.tokens, distinct.size);
  assert.ok(distinct.size > 1 << 16, `${distinct.size} tokens: the id table grew twice`);
  // What the builder made before its postings moved into one arena of chained blocks (a common token's postings span
  // several blocks here), and its token table into typed arrays: the same index, not merely a consistent one.
  assert.equal(contentSha(one.bytes), "dc4059b120257563daa7360c2b35d76a5b772962162611f5733844fb6557fc23");
});
