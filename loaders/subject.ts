// The subject of a quantity: the thing counted, as a short phrase of its sentence (see loaders/data/subjects.ts).
import {COUNTED_NOUNS, LEADING_WORDS, TRAILING_WORDS} from "./data/subjects.js";

const MAX_LENGTH = 12;
// A clause ends at punctuation, a digit (another quantity) or a space.
const BOUNDARY = /[\s,，、:：;；。！？!?()（）《》“”"'‘’\d０-９]/;
const nounsLongestFirst = [...COUNTED_NOUNS].sort((a, b) => b.length - a.length);

/** `sentence` with the quantity at [start, end) of it. Returns null when no phrase names what was counted. */
export function subjectOf(sentence: string, start: number, end: number): string | null {
  const after = sentence.slice(end, end + 8);
  const noun = nounsLongestFirst.find((word) => after.startsWith(word));
  if (noun) return noun;
  return phraseBefore(sentence, start);
}

function phraseBefore(sentence: string, start: number): string | null {
  let from = start;
  while (from > 0 && start - from < MAX_LENGTH && !BOUNDARY.test(sentence[from - 1])) from--;
  let phrase = sentence.slice(from, start);
  for (let changed = true; changed && phrase; ) {
    changed = false;
    for (const word of TRAILING_WORDS) {
      if (phrase.endsWith(word) && phrase.length > word.length) (phrase = phrase.slice(0, -word.length)), (changed = true);
    }
    for (const word of LEADING_WORDS) {
      if (phrase.startsWith(word) && phrase.length > word.length) (phrase = phrase.slice(word.length)), (changed = true);
    }
  }
  phrase = phrase.replace(/[的了]$/, "");
  return phrase.length >= 2 && !TRAILING_WORDS.includes(phrase) ? phrase : null;
}
