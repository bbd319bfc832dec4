// The one definition of what the full-text search indexes and how a query is read, shared by the index builder
// (src/data/search.bin.ts, in Node) and the search page (in the browser), so both cut text into the same tokens.
//
// Chinese has no spaces, so words cannot be indexed. Every character of a run of letters, digits or Han characters
// is indexed (a unigram) and every pair of neighbours in a run (a bigram): `贫困户增收` gives 贫 困 户 增 收 and 贫困 困户
// 户增 增收. Any substring is then found — mid-word too: `户增` is one bigram, `扶贫车间` the articles holding all of
// 扶贫 贫车 车间, checked against the text. Tokens are folded (full-width ASCII to ASCII, latin to lower case) one
// UTF-16 unit for one, so offsets in the folded text are offsets in the article.

/**
 * Shards of the search index: a token's postings are in shard `shardOf(key)`. Fixed, so a reader finds a shard's
 * directory entry without reading a header first.
 */
export const SEARCH_SHARDS = 4096;

let wordTable;

/** 1 for the UTF-16 units that are part of a word (letters, digits, Han, surrogates of astral letters). */
function words() {
  if (wordTable) return wordTable;
  wordTable = new Uint8Array(65536);
  const word = /[\p{L}\p{N}]/u;
  for (let code = 0; code < 65536; code++) {
    if ((code >= 0xd800 && code <= 0xdfff) || word.test(String.fromCharCode(code))) wordTable[code] = 1;
  }
  return wordTable;
}

/** A UTF-16 unit folded: full-width ASCII (Ａ０) to ASCII, A–Z to a–z. Always one unit for one. */
function foldUnit(code) {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code >= 65 && code <= 90) code += 32;
  return code;
}

/** The text folded unit by unit (same length, same offsets). */
export function fold(text) {
  const source = String(text ?? "");
  let out = "";
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const folded = foldUnit(code);
    if (folded !== code) {
      out += source.slice(from, i) + String.fromCharCode(folded);
      from = i + 1;
    }
  }
  return from === 0 ? source : out + source.slice(from);
}

/**
 * A token as a number: a unigram is its UTF-16 unit (< 65536), a bigram `a * 65536 + b` (≥ 48 * 65536, as `a` is a
 * word unit), so building the index allocates no strings.
 */
export function tokenKey(a, b) {
  return b === undefined ? a : a * 65536 + b;
}

/** Calls `emit(key)` for every unigram and bigram of the folded text's word runs, in order, repeats included. */
export function eachToken(text, emit) {
  const table = words();
  const source = String(text ?? "");
  let previous = -1;
  for (let i = 0; i < source.length; i++) {
    const code = foldUnit(source.charCodeAt(i));
    if (!table[code]) {
      previous = -1;
      continue;
    }
    emit(code);
    if (previous >= 0) emit(previous * 65536 + code);
    previous = code;
  }
}

/** The shard a token's postings live in: a multiplicative hash of its key (keys of one script differ little). */
export function shardOf(key) {
  const hash = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1);
  return ((hash ^ (hash >>> 15)) >>> 0) % SEARCH_SHARDS;
}

/**
 * A query as terms: split on white space, each term folded. For each term the token keys to look up (its unigram
 * when a word unit stands alone, else its bigrams) and whether postings alone decide it (`exact`: one word run of at
 * most two units) or candidates must be checked against the text.
 */
export function parseQuery(query) {
  const table = words();
  const terms = [];
  for (const raw of String(query ?? "").split(/\s+/)) {
    const term = fold(raw);
    if (!term || terms.some((t) => t.term === term)) continue;
    const isWord = (i) => i >= 0 && i < term.length && table[term.charCodeAt(i)] === 1;
    const tokens = new Set();
    let runs = 0;
    for (let i = 0; i < term.length; i++) {
      if (!isWord(i)) continue;
      if (!isWord(i - 1)) runs++;
      if (isWord(i - 1)) tokens.add(tokenKey(term.charCodeAt(i - 1), term.charCodeAt(i)));
      else if (!isWord(i + 1)) tokens.add(tokenKey(term.charCodeAt(i)));
    }
    if (!tokens.size) continue;
    terms.push({term, tokens: [...tokens], exact: runs === 1 && term.length <= 2});
  }
  return terms;
}

/** Where the terms occur in the text: sorted, non-overlapping [start, end] ranges (a longer term wins a tie). */
export function matchRanges(text, terms) {
  const folded = fold(text);
  const ranges = [];
  for (const {term} of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      ranges.push([at, at + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept = [];
  for (const range of ranges) if (!kept.length || range[0] >= kept[kept.length - 1][1]) kept.push(range);
  return kept;
}

const han = /[\p{Script=Han}]+/gu;

/**
 * Words for Framework's sidebar search (MiniSearch), which now holds places and pages only: MiniSearch splits on
 * spaces and matches query words as prefixes, so each Chinese run is indexed as its suffixes of up to `length`
 * characters (`顾官屯镇` → `顾官屯镇 官屯镇 屯镇 镇`) and `官屯镇` is a prefix of one. Fine for 150 place names; for
 * articles it made a 134 MB index at 10k articles, hence the sharded index above.
 */
export function searchText(text, {length = 12} = {}) {
  const source = String(text ?? "");
  const suffixes = new Set();
  for (const [run] of source.matchAll(han)) {
    const characters = Array.from(run);
    for (let i = 0; i < characters.length; i++) suffixes.add(characters.slice(i, i + length).join(""));
  }
  const rest = source
    .replace(han, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return [...suffixes, rest].join(" ").trim();
}
