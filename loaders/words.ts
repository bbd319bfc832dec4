// Counting a fixed list of words in a text in one pass: a small trie keyed by UTF-16 code unit, walked from each
// position. Each word is counted as repeated indexOf from the end of its last occurrence would count it (its
// occurrences do not overlap one another), while different words may overlap (孝善 inside 孝善基金 counts for both).
// Cost: the text's length times the longest word walked, whatever the number of words.
import {pathNode} from "./trie.js";

interface Node {
  next: Map<number, Node> | null;
  /** Indexes of the words that end here (one, unless the list repeats a word). */
  words: number[] | null;
}

export interface WordCounter {
  words: readonly string[];
  root: Node;
  /** Whether some word starts with this code unit: most positions of a text need no lookup at all. */
  starts: Uint8Array;
  /** Scratch for eachWord: where each word's last counted occurrence ends. Reused, as a typed array per call would
   * be an off-heap allocation for the garbage collector to sweep, thousands of times per megabyte. */
  free: Int32Array;
}

export function wordCounter(words: readonly string[]): WordCounter {
  const root: Node = {next: null, words: null};
  const starts = new Uint8Array(0x10000);
  words.forEach((word, index) => {
    if (!word) throw new Error("wordCounter: empty word");
    starts[word.charCodeAt(0)] = 1;
    const node = pathNode<Node>(root, word, () => ({next: null, words: null}));
    (node.words ??= []).push(index);
  });
  return {words, root, starts, free: new Int32Array(words.length)};
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
  const {root, starts, words, free} = counter;
  // Where each word's last counted occurrence ends: the next must start there or later.
  free.fill(0);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!starts[text.charCodeAt(i)]) continue;
    let node: Node | undefined = root;
    for (let j = i; j < n && node.next; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      if (node.words) {
        for (const w of node.words) {
          if (i < free[w]) continue;
          free[w] = i + words[w].length;
          visit(w, i);
        }
      }
    }
  }
}
