// The subject of a quantity: the thing counted, as a short phrase of its sentence (see loaders/data/subjects.ts).
import {COUNTED_KINDS} from "./data/counted-kinds.js";
import {COUNTED_NOUNS, LEADING_WORDS, TRAILING_WORDS} from "./data/subjects.js";

const MAX_LENGTH = 12;
// A subject is a phrase of words: Chinese characters and letters (· joins the parts of a name). Anything else ends
// it: punctuation, a digit (another quantity), a space, and the symbols a sentence can carry that name nothing, such
// as %, = and the > and < left by a page's markup or arithmetic (产业项目>12个, 更多>>投入资金50万元).
// Surrogates count as characters of a word: they pair up into the rarer Chinese characters.
const WORD = /[\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ·\ud800-\udfff]/u;
const isBoundary = (ch: string | undefined) => ch === undefined || !WORD.test(ch);
// A quantity followed by one of these is not followed by its noun (`7人,`, `50元左右`, `22户的`, `3人参加`).
const NOT_A_NOUN_START = new Set("的了是为在已将都均以左上多余不能就又还共全分每次中里和与及等到参进被用获".split(""));
// Characters that end a noun phrase after a quantity.
const PHRASE_END = new Set("的了是为在和与及等都均将已被从到进".split(""));
const nounsLongestFirst = [...COUNTED_NOUNS].sort((a, b) => b.length - a.length);
const kindNounsLongestFirst = [...COUNTED_KINDS.keys()].sort((a, b) => b.length - a.length);

/**
 * `sentence` with the quantity at [start, end) of it. Returns null when no phrase names what was counted.
 * Counts of things usually name them after the unit (`建设4处扶贫车间`), sums of money before it (`投入资金70余万元`).
 */
export function subjectOf(sentence: string, start: number, end: number, kind?: string): string | null {
  // 20万群众: a count without a measure word ends with the noun it counts.
  const own = kindNounsLongestFirst.find(
    (word) => end - word.length > start && sentence.startsWith(word, end - word.length)
  );
  if (own) return own;
  const after = sentence.slice(end, end + 8);
  const noun = nounsLongestFirst.find((word) => after.startsWith(word));
  if (noun) return noun;
  if (kind === "count" || kind === "persons" || kind === "households") {
    const following = phraseAfter(sentence, end);
    if (following) return following;
  }
  return phraseBefore(sentence, start);
}

function phraseAfter(sentence: string, end: number): string | null {
  if (NOT_A_NOUN_START.has(sentence[end])) return null;
  let to = end;
  while (to < sentence.length && to - end < 8 && !isBoundary(sentence[to]) && !PHRASE_END.has(sentence[to])) to++;
  const phrase = sentence.slice(end, to);
  return phrase.length >= 2 && /^\p{Script=Han}+$/u.test(phrase) ? phrase : null;
}

/** Comparison signs qualify the number after them (产业项目>12个, like 超过): the phrase ends before them. */
const COMPARISONS = new Set("<>＜＞≤≥≦≧≈~～=".split(""));

function phraseBefore(sentence: string, start: number): string | null {
  while (start > 0 && COMPARISONS.has(sentence[start - 1])) start--;
  let from = start;
  while (from > 0 && start - from < MAX_LENGTH && !isBoundary(sentence[from - 1])) from--;
  let phrase = sentence.slice(from, start);
  for (let changed = true; changed && phrase;) {
    changed = false;
    for (const word of TRAILING_WORDS) {
      if (phrase.endsWith(word) && phrase.length > word.length)
        ((phrase = phrase.slice(0, -word.length)), (changed = true));
    }
    for (const word of LEADING_WORDS) {
      if (phrase.startsWith(word) && phrase.length > word.length)
        ((phrase = phrase.slice(word.length)), (changed = true));
    }
  }
  phrase = phrase.replace(/[的了]$/, "");
  return phrase.length >= 2 && !TRAILING_WORDS.includes(phrase) ? phrase : null;
}
