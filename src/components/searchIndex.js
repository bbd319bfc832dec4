// The full-text search index, data/search.bin, read a few shards per query (tokens: cjkSearch.js; written by
// src/data/searchIndex.ts).
//
//   [0, 16)            "LCSRCH01", u32 article count N, u32 SEARCH_SHARDS
//   [16, 16+8(S+1))    float64 offsets: shard s is the bytes [off[s], off[s + 1])
//   shards             gzip of entries sorted by token key, each: varint key, varint df, varint byte length, then
//                      df postings of varint (ordinal − previous ordinal), varint (hits × 2 + 1 if in the title)
//
// Why this index: Framework's MiniSearch with every Chinese suffix was 134 MB at 10k articles and passes V8's string
// limit before 100k; Pagefind peaked at 11.4 GB of memory at 30k articles. Unigrams and bigrams hashed into 4,096
// gzipped shards (measured: 87 MB at 100k articles, median shard 21 KB) cost a query its terms' shards — a handful of
// tens of KB — plus the records of the results shown; terms longer than two characters are the articles holding
// all their bigrams, checked against the text when the records are read. Positions in the postings would make that
// check needless but triple the shards. Measured here on 110,000 generated articles (150 MB of text): 68 MB, 1.04M
// tokens, median shard 12.8 KB, largest 111 KB; a query read 23–245 KB of index and records (150–370 KB in all).
import {articlesByOrdinals} from "./articleStore.js";
import {matchRanges, parseQuery, shardOf} from "./cjkSearch.js";
import {float64s, gunzip, readRanges} from "./rangeRead.js";

export const SEARCH_MAGIC = "LCSRCH01";
export const SEARCH_HEADER_BYTES = 16;

/** Reads an unsigned LEB128 varint at `at`; returns [value, next offset]. Values stay below 2^53. */
function varint(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, at];
    scale *= 128;
  }
}

/** The postings of `keys` found in one inflated shard: Map key → {ordinals, values}. */
export function shardPostings(bytes, keys) {
  const wanted = new Set(keys);
  const found = new Map();
  let at = 0;
  while (at < bytes.length) {
    let key, df, length;
    [key, at] = varint(bytes, at);
    [df, at] = varint(bytes, at);
    [length, at] = varint(bytes, at);
    if (!wanted.has(key)) {
      at += length;
      continue;
    }
    const ordinals = new Float64Array(df);
    const values = new Float64Array(df);
    let ordinal = 0;
    for (let i = 0; i < df; i++) {
      let delta;
      [delta, at] = varint(bytes, at);
      [values[i], at] = varint(bytes, at);
      ordinals[i] = ordinal += delta;
    }
    found.set(key, {ordinals, values});
  }
  return found;
}

/** Per article holding every token of the term: hits (the fewest of any token) and whether all are in the title. */
function termCandidates(term, postings) {
  const lists = term.tokens.map((key) => postings.get(key) ?? {ordinals: [], values: []});
  lists.sort((a, b) => a.ordinals.length - b.ordinals.length);
  let candidates = new Map();
  const [first, ...rest] = lists;
  for (let i = 0; i < first.ordinals.length; i++) candidates.set(first.ordinals[i], first.values[i]);
  for (const list of rest) {
    const next = new Map();
    for (let i = 0; i < list.ordinals.length; i++) {
      const value = candidates.get(list.ordinals[i]);
      if (value === undefined) continue;
      const other = list.values[i];
      next.set(list.ordinals[i], 2 * Math.min(value >> 1, other >> 1) + (value & other & 1));
    }
    candidates = next;
  }
  return candidates;
}

/** Sort key of a result: title terms first, then hits, then the newer article (lower ordinal). */
function byRank(a, b) {
  return b.titleTerms - a.titleTerms || b.hits - a.hits || a.ordinal - b.ordinal;
}

/**
 * A query against the index at `indexUrl` and the store at `storeUrl`. Returns the terms, the number of candidate
 * articles (exact when every term is one or two characters), and `more(n)`, which reads the next n candidates'
 * records, keeps those whose title or text holds every term, and gives them with their match ranges.
 */
export async function search(query, {indexUrl, storeUrl}) {
  const terms = parseQuery(query);
  if (!terms.length) return {terms, total: 0, exact: true, more: async () => [], done: () => true};
  const keys = [...new Set(terms.flatMap((t) => t.tokens))];
  const shards = [...new Set(keys.map(shardOf))].sort((a, b) => a - b);
  const entries = await readRanges(
    indexUrl,
    shards.map((s) => [SEARCH_HEADER_BYTES + 8 * s, SEARCH_HEADER_BYTES + 8 * s + 16])
  );
  const shardBytes = await readRanges(
    indexUrl,
    entries.map((bytes) => float64s(bytes)),
    {gap: 0}
  );
  const postings = new Map();
  for (const bytes of shardBytes) {
    if (!bytes.length) continue;
    for (const [key, list] of shardPostings(await gunzip(bytes), keys)) postings.set(key, list);
  }
  let candidates = null;
  for (const term of terms) {
    const found = termCandidates(term, postings);
    const next = new Map();
    for (const [ordinal, value] of found) {
      const previous = candidates ? candidates.get(ordinal) : {titleTerms: 0, hits: 0};
      if (!previous) continue;
      next.set(ordinal, {ordinal, titleTerms: previous.titleTerms + (value & 1), hits: previous.hits + (value >> 1)});
    }
    candidates = next;
  }
  const ranked = [...candidates.values()].sort(byRank);
  const exact = terms.every((t) => t.exact);
  let at = 0;
  return {
    terms,
    total: ranked.length,
    exact,
    shards: shards.length,
    done: () => at >= ranked.length,
    async more(n = 20) {
      const batch = ranked.slice(at, at + n);
      at += batch.length;
      const records = await articlesByOrdinals(
        storeUrl,
        batch.map((c) => c.ordinal)
      );
      const results = [];
      records.forEach(({article, facts}, i) => {
        const title = article.title || article.subtitle || "";
        const all = `${article.title ?? ""}\n${article.subtitle ?? ""}\n${article.text ?? ""}`;
        if (!terms.every((t) => matchRanges(all, [t]).length > 0)) return;
        const titleRanges = matchRanges(title, terms);
        const textRanges = matchRanges(article.text, terms);
        const titleTerms = terms.filter((t) => matchRanges(title, [t]).length > 0).length;
        const hits = titleRanges.length + textRanges.length;
        results.push({...batch[i], titleTerms, hits, article, facts, titleRanges, textRanges});
      });
      // Within a batch, by the exact figures (a candidate's hits from the index are an upper bound for long terms).
      return results.sort(byRank);
    }
  };
}
