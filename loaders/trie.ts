// The gazetteer's trie packed into typed arrays for scanning: nodes are numbers, each node's children a sorted run
// of (code unit, child) pairs, and the root's children one array indexed by code unit. Walking it touches a few
// contiguous arrays instead of a Map and an object per node, so the scan stays fast when the rest of the pipeline
// has pushed the trie out of the processor's caches.
import type {NameForm, TrieNode} from "./gazetteer.js";

export interface PackedTrie {
  /** Child of the root for each UTF-16 code unit, or -1. */
  root: Int32Array;
  /** Node k's children are the pairs at [start[k], start[k + 1]) of `units` and `nodes`, sorted by unit. */
  start: Int32Array;
  units: Uint16Array;
  nodes: Int32Array;
  /** The forms that end at node k, or null. */
  forms: (NameForm[] | null)[];
  /** A bit per hash of the first two code units of some form: most positions of a text start no form, and every
   * form has two characters at least, so one bit read (false positives aside) rules a position out. */
  pairs: Int32Array;
}

const PAIR_BITS = 20;

function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) >>> (32 - PAIR_BITS);
}

/** Whether some form may start with these two code units (never false when one does). */
export function mayStart(trie: PackedTrie, first: number, second: number): boolean {
  const h = pairHash(first, second);
  return (trie.pairs[h >>> 5] & (1 << (h & 31))) !== 0;
}

/** Above this many children a node's run is searched by bisection, below it read in order. */
const LINEAR = 8;

export function packTrie(trie: TrieNode): PackedTrie {
  // Number the nodes breadth first; the root is node 0.
  const order: TrieNode[] = [trie];
  const ids = new Map<TrieNode, number>([[trie, 0]]);
  let edges = 0;
  for (let k = 0; k < order.length; k++) {
    for (const child of order[k].next?.values() ?? []) {
      ids.set(child, order.length);
      order.push(child);
      edges++;
    }
  }
  const start = new Int32Array(order.length + 1);
  const units = new Uint16Array(edges);
  const nodes = new Int32Array(edges);
  const forms: (NameForm[] | null)[] = new Array(order.length);
  let at = 0;
  for (let k = 0; k < order.length; k++) {
    start[k] = at;
    forms[k] = order[k].forms;
    const children = [...(order[k].next ?? [])].sort((a, b) => a[0] - b[0]);
    for (const [unit, child] of children) {
      units[at] = unit;
      nodes[at++] = ids.get(child)!;
    }
  }
  start[order.length] = at;
  const root = new Int32Array(0x10000).fill(-1);
  const pairs = new Int32Array(1 << (PAIR_BITS - 5));
  for (let e = start[0]; e < start[1]; e++) {
    root[units[e]] = nodes[e];
    for (let f = start[nodes[e]]; f < start[nodes[e] + 1]; f++) {
      const h = pairHash(units[e], units[f]);
      pairs[h >>> 5] |= 1 << (h & 31);
    }
  }
  return {root, start, units, nodes, forms, pairs};
}

/** The child of `node` along code unit `unit`, or -1. */
export function childOf(trie: PackedTrie, node: number, unit: number): number {
  let lo = trie.start[node];
  let hi = trie.start[node + 1];
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
