// The subject of a quantity: the thing counted, as a short phrase of its sentence (see loaders/data/subjects.ts).
import * as chars from "./chars.js";
import {COUNTED_KINDS} from "./data/counted-kinds.js";
import {COUNTED_NOUNS, LEADING_WORDS, TRAILING_WORDS} from "./data/subjects.js";
import * as wordLists from "./word-list.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {charTable, codeAt, HAN_RANGES, isHan} = chars;
const {isWordAt, wordAt, wordList} = wordLists;

const MAX_LENGTH = 12;
// A subject is a phrase of words: Chinese characters and letters (· joins the parts of a name). Anything else ends
// it: punctuation, a digit (another quantity), a space, and the symbols a sentence can carry that name nothing, such
// as %, = and the > and < left by a page's markup or arithmetic (产业项目>12个, 更多>>投入资金50万元).
// Surrogates count as characters of a word: they pair up into the rarer Chinese characters.
// As a table by code unit (what /[\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ·\ud800-\udfff]/u matches in one), read per character.
const WORD = charTable("·", [...HAN_RANGES, [65, 90], [97, 122], [0xff21, 0xff3a], [0xff41, 0xff5a], [0xd800, 0xdfff]]);
/** Whether the code unit at k ends a phrase: none (before 0 or past the end) or not a word character. */
const isBoundary = (s: string, k: number) => k < 0 || k >= s.length || WORD[s.charCodeAt(k)] !== 1;
// A quantity followed by one of these is not followed by its noun (`7人,`, `50元左右`, `22户的`, `3人参加`).
const NOT_A_NOUN_START = charTable("的了是为在已将都均以左上多余不能就又还共全分每次中里和与及等到参进被用获");
// Characters that end a noun phrase after a quantity.
const PHRASE_END = charTable("的了是为在和与及等都均将已被从到进");
const NOUNS = wordList([...COUNTED_NOUNS].sort((a, b) => b.length - a.length));
/** The counted-kind nouns longest first, grouped by their last code unit: the noun a figure ends with. */
const kindNounsByLast = new Map<number, string[]>();
for (const word of [...COUNTED_KINDS.keys()].sort((a, b) => b.length - a.length)) {
  const last = word.charCodeAt(word.length - 1);
  kindNounsByLast.set(last, [...(kindNounsByLast.get(last) ?? []), word]);
}
/** How far after a figure its noun is looked for. */
const NOUN_REACH = 8;

/**
 * `sentence` with the quantity at [start, end) of it. Returns null when no phrase names what was counted.
 * Counts of things usually name them after the unit (`建设4处扶贫车间`), sums of money before it (`投入资金70余万元`).
 */
export function subjectOf(sentence: string, start: number, end: number, kind?: string): string | null {
  // 20万群众: a count without a measure word ends with the noun it counts.
  for (const word of kindNounsByLast.get(codeAt(sentence, end - 1)) ?? []) {
    if (end - word.length > start && isWordAt(sentence, end - word.length, word, end)) return word;
  }
  const noun = wordAt(NOUNS, sentence, end, Math.min(sentence.length, end + NOUN_REACH));
  if (noun >= 0) return NOUNS.words[noun];
  if (kind === "count" || kind === "persons" || kind === "households") {
    const following = phraseAfter(sentence, end);
    if (following) return following;
  }
  return phraseBefore(sentence, start);
}

function phraseAfter(sentence: string, end: number): string | null {
  if (end >= 0 && NOT_A_NOUN_START[codeAt(sentence, end)] === 1) return null;
  let to = end;
  while (to < sentence.length && to - end < 8 && !isBoundary(sentence, to) && PHRASE_END[codeAt(sentence, to)] !== 1)
    to++;
  return to - end >= 2 && allHan(sentence, end, to) ? sentence.slice(end, to) : null;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Whether sentence[from, to) is all Chinese characters, as HAN_ONLY tests it (run only where a surrogate is). */
function allHan(sentence: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = codeAt(sentence, k);
    if (isHan(c)) continue;
    return c >= 0xd800 && c <= 0xdfff && HAN_ONLY.test(sentence.slice(from, to));
  }
  return true;
}

/** Comparison signs qualify the number after them (产业项目>12个, like 超过): the phrase ends before them. */
const COMPARISONS = charTable("<>＜＞≤≥≦≧≈~～=");
const [OF, DONE] = [..."的了"].map((ch) => ch.charCodeAt(0));

function phraseBefore(sentence: string, start: number): string | null {
  while (start > 0 && COMPARISONS[codeAt(sentence, start - 1)] === 1) start--;
  let from = start;
  while (from > 0 && start - from < MAX_LENGTH && !isBoundary(sentence, from - 1)) from--;
  // The phrase is sentence[from, to), trimmed by moving its ends: no substring until the one returned.
  let to = start;
  for (let changed = true; changed && to > from;) {
    changed = false;
    for (const word of TRAILING_WORDS) {
      if (to - from > word.length && isWordAt(sentence, to - word.length, word, to))
        ((to -= word.length), (changed = true));
    }
    for (const word of LEADING_WORDS) {
      if (to - from > word.length && isWordAt(sentence, from, word, to)) ((from += word.length), (changed = true));
    }
  }
  const last = codeAt(sentence, to - 1);
  if (to > from && (last === OF || last === DONE)) to--;
  if (to - from < 2) return null;
  const phrase = sentence.slice(from, to);
  return TRAILING_WORDS.includes(phrase) ? null : phrase;
}
