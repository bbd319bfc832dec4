// Counting a fixed list of words in a text in one pass: a trie keyed by UTF-16 code unit (trie.ts), walked from each
// position. Each word is counted as repeated indexOf from the end of its last occurrence would count it (its
// occurrences do not overlap one another), while different words may overlap (孝善 inside 孝善基金 counts for both).
// Cost: the text's length times the longest word walked, whatever the number of words.
import {
  childOf,
  firstUnits,
  HAS_VALUE,
  packTrie,
  pathNode,
  rootChild,
  trieBuilder,
  valueAt,
  type PackedTrie
} from "./trie.js";

export interface WordCounter {
  words: readonly string[];
  /** The indexes of the words that end at each node (one, unless the list repeats a word). */
  trie: PackedTrie<number[]>;
  /** Scratch for eachWord: where each word's last counted occurrence ends. Reused, as a typed array per call would
   * be an off-heap allocation for the garbage collector to sweep, thousands of times per megabyte. */
  free: Int32Array;
  /** A bit per code unit that starts a word: 8 kB, which stays in the processor's nearest cache, where the root table
   * (256 kB) does not, and most positions of a text start no word. */
  firsts: Int32Array;
}

export function wordCounter(words: readonly string[]): WordCounter {
  const root = trieBuilder<number[]>();
  words.forEach((word, index) => {
    if (!word) throw new Error("wordCounter: empty word");
    const node = pathNode(root, word);
    (node.value ??= []).push(index);
  });
  // With the root table: most positions of a text start no word, and a table read rules them out.
  const trie = packTrie(root, {index: true});
  const firsts = new Int32Array(0x10000 >> 5);
  for (const unit of firstUnits(trie)) firsts[unit >> 5] |= 1 << (unit & 31);
  return {words, trie, free: new Int32Array(words.length), firsts};
}

/** How often each word of the counter occurs in `text`, by the word's index in the list. */
export function countWords(counter: WordCounter, text: string): number[] {
  const counts: number[] = new Array(counter.words.length).fill(0);
  eachWord(counter, text, (w) => counts[w]++);
  return counts;
}

/** Calls `visit` with each counted occurrence's word index and start, in order of start. Not reentrant: `visit`
 * must not count with the same counter. */
export function eachWord(counter: WordCounter, text: string, visit: (word: number, start: number) => void): void {
  const {trie, words, free, firsts} = counter;
  // Where each word's last counted occurrence ends: the next must start there or later.
  free.fill(0);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const first = text.charCodeAt(i);
    if (!(firsts[first >> 5] & (1 << (first & 31)))) continue;
    for (let node = rootChild(trie, first), j = i + 1; node >= 0; j++) {
      if (node & HAS_VALUE) {
        for (const w of valueAt(trie, node)) {
          if (i < free[w]) continue;
          free[w] = i + words[w].length;
          visit(w, i);
        }
      }
      if (j >= n) break;
      node = childOf(trie, node, text.charCodeAt(j));
    }
  }
}
