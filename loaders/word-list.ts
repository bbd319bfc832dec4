// Short fixed lists of words (rate cues, approximating words, spans …) looked for at or near one position, by UTF-16
// code unit: a table of the words' first code units rules a position out with one read, and the few words that
// start there are compared unit by unit. No substring is made and no regex runs, so a check costs a few reads.
// (Long lists walked from every position of a text are words.ts's tries.)

import {codeAt} from "./chars.js";

export interface WordList {
  words: readonly string[];
  /** For each code unit, 1 + the index in `groups` of the words that start with it, or 0. */
  first: Uint8Array;
  /** Word indexes by first code unit, in list order. */
  groups: number[][];
}

export function wordList(words: readonly string[]): WordList {
  const first = new Uint8Array(0x10000);
  const groups: number[][] = [];
  words.forEach((word, index) => {
    if (!word) throw new Error("wordList: empty word");
    const unit = word.charCodeAt(0);
    if (!first[unit]) {
      if (groups.length === 255) throw new Error("wordList: too many first characters");
      groups.push([]);
      first[unit] = groups.length;
    }
    groups[first[unit] - 1].push(index);
  });
  return {words, first, groups};
}

/** Whether `word` is written at `at` and ends at or before `limit`. */
export function isWordAt(text: string, at: number, word: string, limit: number): boolean {
  if (at < 0 || at + word.length > limit) return false;
  for (let q = 0; q < word.length; q++) if (codeAt(text, at + q) !== word.charCodeAt(q)) return false;
  return true;
}

/** The index of the first word of the list written at `at` and ending at or before `limit`, or -1. */
export function wordAt(list: WordList, text: string, at: number, limit = text.length): number {
  if (at < 0 || at >= limit) return -1;
  const g = list.first[codeAt(text, at)];
  if (g === 0) return -1;
  const group = list.groups[g - 1];
  for (let k = 0; k < group.length; k++) if (isWordAt(text, at, list.words[group[k]], limit)) return group[k];
  return -1;
}

/** Whether a word of the list lies wholly inside text[from, to): `text.slice(from, to).includes(word)` for some. */
export function hasWordIn(list: WordList, text: string, from: number, to: number): boolean {
  for (let p = Math.max(0, from); p < to; p++)
    if (list.first[codeAt(text, p)] && wordAt(list, text, p, to) >= 0) return true;
  return false;
}

/** Where the last occurrence of a word of the list inside text[from, to) starts, and which word (the first of the
 * list among those starting there): what the largest `slice.lastIndexOf(word)` over the list finds. */
export function lastWordIn(list: WordList, text: string, from: number, to: number): {at: number; word: number} | null {
  for (let p = to - 1; p >= Math.max(0, from); p--) {
    if (!list.first[codeAt(text, p)]) continue;
    const word = wordAt(list, text, p, to);
    if (word >= 0) return {at: p, word};
  }
  return null;
}
