// The gazetteer's trie packed into typed arrays for scanning: nodes are numbers, each node's children a sorted run
// of (code unit, child) pairs, and the root's children one array indexed by code unit. Walking it touches a few
// contiguous arrays instead of a Map and an object per node, so the scan stays fast when the rest of the pipeline
// has pushed the trie out of the processor's caches.
import type {NameForm, TrieNode} from "./gazetteer.js";

/** A node as the arrays hold it, or -1 for none: its number shifted left by two, bit 0 set when forms end there (so a
 * walk reads `forms` only where there are some), bit 1 when one of them is a bare village name (whose acceptance
 * depends on the towns in context). */
export type NodeRef = number;
export const HAS_FORMS = 1;
export const HAS_BARE = 2;
export const nodeNumber = (node: NodeRef) => node >> 2;

export interface PackedTrie {
  /** Child of the root for each UTF-16 code unit, or -1. */
  root: Int32Array;
  /** Node k's children are the pairs at [start[k], start[k + 1]) of `units` and `nodes`, sorted by unit. */
  start: Int32Array;
  units: Uint16Array;
  nodes: Int32Array;
  /** The forms that end at node k (by number, not NodeRef), or null. */
  forms: (NameForm[] | null)[];
  /** A bit per hash of the first two code units of some form: most positions of a text start no form, and every
   * form has two characters at least, so one bit read (false positives aside) rules a position out. */
  pairs: Int32Array;
}

const PAIR_BITS = 18;

/** The node for `text` under `root` in a trie keyed by UTF-16 code unit, made with `make` where missing. Shared by
 * the gazetteer's trie and the word counter's (words.ts), whose nodes carry different payloads. */
export function pathNode<N extends {next: Map<number, N> | null}>(root: N, text: string, make: () => N): N {
  let node = root;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    node.next ??= new Map();
    let next = node.next.get(unit);
    if (!next) node.next.set(unit, (next = make()));
    node = next;
  }
  return node;
}

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
  // Breadth first: the root is node 0, and a node's children get consecutive numbers when it is reached, so its
  // edges can be written then, with no table from node to number.
  const order: TrieNode[] = [trie];
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
      const bare = child.forms?.some((form) => form.kind === "bare") ? HAS_BARE : 0;
      nodes.push((order.length << 2) | bare | (child.forms ? HAS_FORMS : 0));
      order.push(child);
    }
    if (units.length - from > LINEAR) sortRun(units, nodes, from, units.length);
  }
  starts.push(units.length);
  const packed: PackedTrie = {
    root: new Int32Array(0x10000).fill(-1),
    start: Int32Array.from(starts),
    units: Uint16Array.from(units),
    nodes: Int32Array.from(nodes),
    forms: order.map((node) => node.forms),
    pairs: new Int32Array(1 << (PAIR_BITS - 5))
  };
  const {root, start, pairs} = packed;
  for (let e = start[0]; e < start[1]; e++) {
    root[units[e]] = nodes[e];
    const child = nodeNumber(nodes[e]);
    for (let f = start[child]; f < start[child + 1]; f++) {
      const h = pairHash(units[e], units[f]);
      pairs[h >>> 5] |= 1 << (h & 31);
    }
  }
  return packed;
}

/** Sorts the edges [from, to) by code unit, for bisection. */
function sortRun(units: number[], nodes: number[], from: number, to: number): void {
  const run = units.slice(from, to).map((unit, i) => [unit, nodes[from + i]]);
  run.sort((a, b) => a[0] - b[0]);
  run.forEach(([unit, node], i) => ((units[from + i] = unit), (nodes[from + i] = node)));
}

/** The child of `node` along code unit `unit`, or -1. */
export function childOf(trie: PackedTrie, node: NodeRef, unit: number): NodeRef {
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
