// Tries keyed by UTF-16 code unit, for every lookup of a fixed list of strings in running text (the gazetteer's names,
// an article's villages, the word counter's words). Built as nested Maps, then packed into typed arrays for walking:
// nodes are numbers, each node's children a sorted run of (code unit, child) pairs. Walking touches a few contiguous
// arrays instead of a Map and an object per node, so a scan stays fast when the rest of the pipeline has pushed the
// trie out of the processor's caches. Generic: a node's value is the caller's, and so is the one flag a node carries.

/** A trie under construction. */
export interface TrieBuilder<T> {
  next: Map<number, TrieBuilder<T>> | null;
  value: T | null;
}

/** A node as the arrays hold it, or -1 for none: its number shifted left by two, bit 0 (HAS_VALUE) set when a value
 * ends there (so a walk reads `values` only where there is one), bit 1 (MARKED) when the caller's `mark` said so. */
export type NodeRef = number;
export const HAS_VALUE = 1;
export const MARKED = 2;
/** The root, to walk from with childOf. */
export const ROOT: NodeRef = 0;
export const nodeNumber = (node: NodeRef) => node >> 2;

export interface PackedTrie<T> {
  /** Child of the root for each UTF-16 code unit, or -1; null when packed without the index. */
  root: Int32Array | null;
  /** Node k's children are the pairs at [start[k], start[k + 1]) of `units` and `nodes`, sorted by unit. */
  start: Int32Array;
  units: Uint16Array;
  nodes: Int32Array;
  /** The value at node k (by number, not NodeRef), or null: none, or (with `decode`) not decoded yet. */
  values: (T | null)[];
  /** Makes the value of node k from a store of the trie on first use (restoreTrie), or null. */
  decode: ((k: number) => T) | null;
  /** Two tables of a bit per hash of the first two code units of some key, by two hashes, one after the other (with
   * the index only): most positions of a text start no key, and one bit read rules out nine in ten of them, the
   * second (read only after the first) most of the rest. With one table, a third of the walks that passed were false
   * positives. Keys of one code unit are not hashed. */
  pairs: Int32Array | null;
}

export interface PackOptions<T> {
  /** Which values set MARKED on their node. */
  mark?: (value: T) => boolean;
  /** Build the root table (256 kB) and the pair filter (64 kB): for a trie walked from every position of long texts. */
  index?: boolean;
}

const PAIR_BITS = 18;
/** Where the second table of `pairs` starts. */
const SECOND_PAIRS = 1 << (PAIR_BITS - 5);
/** Above this many children a node's run is searched by bisection, below it read in order. */
const LINEAR = 8;

export function trieBuilder<T>(): TrieBuilder<T> {
  return {next: null, value: null};
}

/** The node for `key` under `root`, made where missing. */
export function pathNode<T>(root: TrieBuilder<T>, key: string): TrieBuilder<T> {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    node.next ??= new Map();
    let next = node.next.get(unit);
    if (!next) node.next.set(unit, (next = trieBuilder<T>()));
    node = next;
  }
  return node;
}

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) >>> (32 - PAIR_BITS);
}

function pairHash2(first: number, second: number): number {
  return (Math.imul(first, 0xc2b2ae35) ^ Math.imul(second, 0x27d4eb2f)) >>> (32 - PAIR_BITS);
}

export function packTrie<T>(trie: TrieBuilder<T>, options: PackOptions<T> = {}): PackedTrie<T> {
  const {mark} = options;
  // Breadth first: the root is node 0, and a node's children get consecutive numbers when it is reached, so its
  // edges can be written then, with no table from node to number.
  const order: TrieBuilder<T>[] = [trie];
  const starts: number[] = [];
  const units: number[] = [];
  const nodes: number[] = [];
  for (let k = 0; k < order.length; k++) {
    starts.push(units.length);
    const next = order[k].next;
    if (!next) continue;
    const from = units.length;
    for (const [unit, child] of next) {
      units.push(unit);
      const flags = child.value === null ? 0 : HAS_VALUE | (mark?.(child.value) ? MARKED : 0);
      nodes.push((order.length << 2) | flags);
      order.push(child);
    }
    if (units.length - from > LINEAR) sortRun(units, nodes, from, units.length);
  }
  starts.push(units.length);
  const packed: PackedTrie<T> = {
    root: null,
    start: Int32Array.from(starts),
    units: Uint16Array.from(units),
    nodes: Int32Array.from(nodes),
    values: order.map((node) => node.value),
    decode: null,
    pairs: null
  };
  if (options.index) index(packed);
  return packed;
}

function index<T>(trie: PackedTrie<T>): void {
  const {start, units, nodes} = trie;
  const root = (trie.root = new Int32Array(0x10000).fill(-1));
  const pairs = (trie.pairs = new Int32Array(2 * SECOND_PAIRS));
  for (let e = start[0]; e < start[1]; e++) {
    root[units[e]] = nodes[e];
    const child = nodeNumber(nodes[e]);
    for (let f = start[child]; f < start[child + 1]; f++) {
      const h = pairHash(units[e], units[f]);
      pairs[h >>> 5] |= 1 << (h & 31);
      const h2 = pairHash2(units[e], units[f]);
      pairs[SECOND_PAIRS + (h2 >>> 5)] |= 1 << (h2 & 31);
    }
  }
}

/** Sorts the edges [from, to) by code unit, for bisection. */
function sortRun(units: number[], nodes: number[], from: number, to: number): void {
  const run = units.slice(from, to).map((unit, i) => [unit, nodes[from + i]]);
  run.sort((a, b) => a[0] - b[0]);
  run.forEach(([unit, node], i) => ((units[from + i] = unit), (nodes[from + i] = node)));
}

/** Whether a key of two code units or more may start with these two (never false when one does). */
export function mayStart<T>(trie: PackedTrie<T>, first: number, second: number): boolean {
  if (!trie.pairs) return true;
  const h = pairHash(first, second);
  if ((trie.pairs[h >>> 5] & (1 << (h & 31))) === 0) return false;
  const h2 = pairHash2(first, second);
  return (trie.pairs[SECOND_PAIRS + (h2 >>> 5)] & (1 << (h2 & 31))) !== 0;
}

/** The child of the root along code unit `unit`, or -1. */
export function rootChild<T>(trie: PackedTrie<T>, unit: number): NodeRef {
  return trie.root ? trie.root[unit] : childOf(trie, ROOT, unit);
}

/** The child of `node` along code unit `unit`, or -1. */
export function childOf<T>(trie: PackedTrie<T>, node: NodeRef, unit: number): NodeRef {
  let lo = trie.start[nodeNumber(node)];
  let hi = trie.start[nodeNumber(node) + 1];
  const units = trie.units;
  if (hi - lo <= LINEAR) {
    for (; lo < hi; lo++) if (units[lo] === unit) return trie.nodes[lo];
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const u = units[mid];
    if (u === unit) return trie.nodes[mid];
    if (u < unit) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The value at `node` (one with HAS_VALUE set). */
export function valueAt<T>(trie: PackedTrie<T>, node: NodeRef): T {
  return nodeValue(trie, nodeNumber(node))!;
}

/** The value at node number k, or null for none (with `decode`, what it makes of a node without one). */
export function nodeValue<T>(trie: PackedTrie<T>, k: number): T | null {
  const value = trie.values[k];
  if (value !== null || !trie.decode) return value;
  return (trie.values[k] = trie.decode(k));
}

/** The code units the root has children for: the first code units of the keys. */
export function firstUnits<T>(trie: PackedTrie<T>): Uint16Array {
  return trie.units.subarray(trie.start[0], trie.start[1]);
}

/** The arrays of a packed trie, as a store of it (gazetteer-cache.ts) keeps them. */
export interface TrieArrays {
  start: Int32Array;
  units: Uint16Array;
  nodes: Int32Array;
}

/** A packed trie again from its arrays, with the index built as packTrie builds it; `decode` makes a node's value
 * when a walk first reads it, so a store need not rebuild the values of nodes no text reaches. */
export function restoreTrie<T>(
  arrays: TrieArrays,
  decode: (k: number) => T,
  options: {index?: boolean} = {}
): PackedTrie<T> {
  // Built as packTrie builds its object, field by field in the same order, so both have one shape for the walkers.
  const trie: PackedTrie<T> = {
    root: null,
    start: arrays.start,
    units: arrays.units,
    nodes: arrays.nodes,
    values: new Array<T | null>(arrays.start.length - 1).fill(null),
    decode,
    pairs: null
  };
  if (options.index) index(trie);
  return trie;
}
