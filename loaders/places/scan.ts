// The scan: a greedy leftmost-longest walk of the gazetteer's trie over every written form (≈100k forms). At each
// position it follows the trie as far as the text allows and keeps the longest form acceptable there, so the cost is
// linear in the text times the longest form actually matched (a handful of characters). Aho–Corasick would add
// failure links for overlapping matches, which we do not want: place names in running text do not overlap.
import {charTable, isHan} from "../chars.js";
import {ORG_AFTER, PERSON_AFTER, PERSON_BEFORE, WORDS_STARTING_XIANG} from "../data/place-aliases.js";
import {SHORT_FORM_GUARDS} from "../data/short-forms.js";
import type {Gazetteer, NameForm, Place} from "../gazetteer.js";
import {
  childOf,
  firstUnits,
  HAS_VALUE,
  MARKED,
  mayStart,
  packTrie,
  pathNode,
  rootChild,
  trieBuilder,
  valueAt,
  type PackedTrie
} from "../trie.js";
import {BOUNDARY, endsAnyBefore, startsAny, wordsEnding, wordsStarting, type RawMatch} from "./types.js";

/** Every form of the gazetteer that occurs in one text, found by one walk of the trie from each position, so that the
 * scans of that text (resolveArticlePlace scans it twice, with the article's villages added and maybe another
 * context) visit only the positions where a form starts, and walk the trie no more: `count` groups of candidates,
 * group g at position `at[g]`, its forms ending at `ends[from[g], from[g + 1])` (ascending) with their trie nodes in
 * `nodes`. What a scan decided at a group is remembered for the next (`end[g]`: 0 not decided yet, -1 no acceptable
 * form, else the form's end, whose forms are `forms[g]`); a group with a bare village name (MARKED) is reused only in
 * the context it was decided in. Arrays are reused from text to text: allocating them per article costs more. */
export interface ScanMemo {
  text: string;
  /** The towns in context (townsOfBareNames) of the scan that filled the memo, as a key; null before it. */
  towns: string | null;
  count: number;
  at: Int32Array;
  from: Int32Array;
  ends: Int32Array;
  nodes: Int32Array;
  marked: Uint8Array;
  end: Int32Array;
  forms: NameForm[][];
}

export function emptyMemo(): ScanMemo {
  return {
    text: "",
    towns: null,
    count: 0,
    at: new Int32Array(64),
    from: new Int32Array(65),
    ends: new Int32Array(64),
    nodes: new Int32Array(64),
    marked: new Uint8Array(64),
    end: new Int32Array(64),
    forms: []
  };
}

/** `memo` filled with the candidates of `text`: one walk of the gazetteer's trie from each position. */
export function scanMemo(memo: ScanMemo, text: string, gazetteer: Gazetteer): ScanMemo {
  const trie = gazetteer.trie;
  const n = text.length;
  let count = 0;
  let entries = 0;
  let {at, from, ends, nodes, marked} = memo;
  for (let i = 0, second = n > 0 ? text.charCodeAt(0) : 0; i + 1 < n; i++) {
    const first = second;
    second = text.charCodeAt(i + 1);
    // Most positions start no form: one bit read rules them out.
    if (!mayStart(trie, first, second)) continue;
    let bare = 0;
    const group = entries;
    for (let node = rootChild(trie, first), j = i + 1; node >= 0; j++) {
      if (node & HAS_VALUE) {
        if (entries === ends.length) ((ends = grow(ends)), (nodes = grow(nodes)));
        ends[entries] = j;
        nodes[entries++] = node;
        bare |= node;
      }
      if (j >= n) break;
      node = childOf(trie, node, text.charCodeAt(j));
    }
    if (entries === group) continue;
    // `from` holds one more than the others: its last entry closes the last group.
    if (count + 1 >= at.length) {
      ((at = grow(at)), (from = grow(from)), (marked = grow(marked)), (memo.end = grow(memo.end)));
    }
    at[count] = i;
    from[count] = group;
    marked[count++] = bare & MARKED;
  }
  from[count] = entries;
  memo.end.fill(0, 0, count);
  memo.text = text;
  memo.towns = null;
  memo.count = count;
  memo.at = at;
  memo.from = from;
  memo.ends = ends;
  memo.nodes = nodes;
  memo.marked = marked;
  return memo;
}

function grow<A extends Int32Array | Uint8Array>(array: A): A {
  const bigger = new (array.constructor as new (n: number) => A)(2 * array.length);
  bigger.set(array);
  return bigger;
}

// Character tables by code unit, read with charCodeAt: no one-character string is made per candidate.
const SUFFIX_FOLLOWERS_NOT_VILLAGE = charTable("民里落容貌级干");
// WORDS_STARTING_XIANG but for 村 and 镇: after a registered 乡, `大布乡村民` and `大布乡镇` are about the town.
const WORDS_AFTER_TOWN_XIANG = charTable([...WORDS_STARTING_XIANG].filter((c) => c !== "村" && c !== "镇").join(""));
const GENERIC_BLOCKERS = wordsEnding(["经济", "工业", "技术", "产业", "科技", "物流", "新技术", "农业"]);
const ORG_FOLLOWERS = wordsStarting(ORG_AFTER);
const PERSON_FOLLOWERS = wordsStarting(PERSON_AFTER);
const PERSON_LEADERS = wordsEnding(PERSON_BEFORE);
/** What may stand before a short form outside the prefecture, besides a boundary character or a non-Chinese one. */
const SHORT_FORM_JOINERS = charTable("有、与及和同");
const [CUN, XIANG] = [..."村乡"].map((c) => c.charCodeAt(0));

/** Whether a 村 at `end - 1` ends a village name, by the character after it (村民, 村里, 村落 … are words). */
export function endsVillage(text: string, end: number): boolean {
  return !(SUFFIX_FOLLOWERS_NOT_VILLAGE[text.charCodeAt(end)] && !text.startsWith("民委员会", end));
}

/** The extra forms as a small trie (packed without the root table, which would cost more than the article), made once
 * per map of them (an article's title and text are scanned with the same one). */
const extraTries = new WeakMap<Map<string, Place>, PackedTrie<Place>>();
function extraTrie(extra: Map<string, Place>): PackedTrie<Place> {
  let packed = extraTries.get(extra);
  if (!packed) {
    const trie = trieBuilder<Place>();
    for (const [form, place] of extra) pathNode(trie, form).value = place;
    extraTries.set(extra, (packed = packTrie(trie)));
  }
  return packed;
}

// Marks of the first code units of the extra forms being looked for, so that their trie is walked only where one may
// start: linear in the text however many villages an article names. Cleared after each text.
const extraFirst = new Uint8Array(0x10000);

/** Where the extra forms occur in a text, grouped by start as ScanMemo groups the gazetteer's. */
interface ExtraOccurrences {
  count: number;
  at: number[];
  from: number[];
  ends: number[];
  places: Place[];
}

function extraOccurrences(text: string, trie: PackedTrie<Place>): ExtraOccurrences {
  const found: ExtraOccurrences = {count: 0, at: [], from: [], ends: [], places: []};
  const first = firstUnits(trie);
  for (const unit of first) extraFirst[unit] = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!extraFirst[text.charCodeAt(i)]) continue;
    const group = found.ends.length;
    for (let node = rootChild(trie, text.charCodeAt(i)), j = i + 1; node >= 0; j++) {
      if (node & HAS_VALUE) (found.ends.push(j), found.places.push(valueAt(trie, node)));
      if (j >= n) break;
      node = childOf(trie, node, text.charCodeAt(j));
    }
    if (found.ends.length > group) (found.at.push(i), found.from.push(group), found.count++);
  }
  found.from.push(found.ends.length);
  for (const unit of first) extraFirst[unit] = 0;
  return found;
}

/** Up to this many extra forms are looked for by indexOf, one pass each: for the one or two villages an article
 * names, cheaper than building their trie. */
const FEW_EXTRA = 8;

/** extraOccurrences for a few forms: every occurrence of each (they may overlap), ordered by start, then by end. */
function fewOccurrences(text: string, extra: Map<string, Place>): ExtraOccurrences {
  const found: {start: number; end: number; place: Place}[] = [];
  for (const [form, place] of extra) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      found.push({start: at, end: at + form.length, place});
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const occurrences: ExtraOccurrences = {count: 0, at: [], from: [], ends: [], places: []};
  for (let k = 0; k < found.length; k++) {
    const {start, end, place} = found[k];
    if (k === 0 || found[k - 1].start !== start) {
      occurrences.at.push(start);
      occurrences.from.push(k);
      occurrences.count++;
    }
    occurrences.ends.push(end);
    occurrences.places.push(place);
  }
  occurrences.from.push(found.length);
  return occurrences;
}

/** The leftmost-longest acceptable matches of `text`, whose candidates `memo` holds (scanMemo). */
export function scan(
  text: string,
  gazetteer: Gazetteer,
  bareTowns: ReadonlySet<string>,
  extra: Map<string, Place> | null,
  memo: ScanMemo,
  sameTowns: boolean
): RawMatch[] {
  const matches: RawMatch[] = [];
  const n = text.length;
  const trie = gazetteer.trie;
  const {count, at, from, ends, nodes, marked, end, forms: memoForms} = memo;
  const more = !extra
    ? null
    : extra.size <= FEW_EXTRA
      ? fewOccurrences(text, extra)
      : extraOccurrences(text, extraTrie(extra));
  let g = 0;
  let x = 0;
  for (let i = 0; ;) {
    // The next position where a gazetteer or an extra form starts: no match starts before it.
    while (g < count && at[g] < i) g++;
    if (more) while (x < more.count && more.at[x] < i) x++;
    i = Math.min(g < count ? at[g] : n, more && x < more.count ? more.at[x] : n);
    if (i >= n) break;
    let best: RawMatch | null = null;
    if (g < count && at[g] === i) {
      const known = sameTowns || !marked[g] ? end[g] : 0;
      if (known > 0) best = {start: i, end: known, forms: memoForms[g], extra: null, pattern: null, text: ""};
      else if (known === 0) {
        const afterPlace = matches.length > 0 && matches[matches.length - 1].end === i;
        adjacencyConsulted = false;
        for (let k = from[g + 1] - 1; k >= from[g]; k--) {
          const forms = acceptable(text, i, ends[k], valueAt(trie, nodes[k]), gazetteer, bareTowns, afterPlace);
          if (forms.length) {
            best = {start: i, end: ends[k], forms, extra: null, pattern: null, text: ""};
            break;
          }
        }
        // A result that depended on the match before it is not memoised: the second scan may match differently there.
        if (sameTowns && !adjacencyConsulted) {
          end[g] = best ? best.end : -1;
          if (best) memoForms[g] = best.forms;
        }
      }
    }
    if (more && x < more.count && more.at[x] === i) {
      for (let k = more.from[x]; k < more.from[x + 1]; k++) {
        const j = more.ends[k];
        if ((!best || j >= best.end) && !personAround(text, i, j)) {
          best = {start: i, end: j, forms: [], extra: more.places[k], pattern: null, text: ""};
        }
      }
    }
    if (best) {
      matches.push(best);
      i = best.end;
    } else i++;
  }
  return matches;
}

// Set by acceptable when its answer depended on whether a match ends where the form starts.
let adjacencyConsulted = false;

/** Words a short form starts that are not about its place (东阿阿胶), by their first code unit. */
const GUARDS = new Map<number, string[]>();
for (const {word} of SHORT_FORM_GUARDS) {
  const list = GUARDS.get(word.charCodeAt(0));
  if (list) list.push(word);
  else GUARDS.set(word.charCodeAt(0), [word]);
}

function guardedWord(text: string, start: number, end: number): boolean {
  const words = GUARDS.get(text.charCodeAt(start));
  if (!words) return false;
  for (let k = 0; k < words.length; k++)
    if (words[k].length > end - start && text.startsWith(words[k], start)) return true;
  return false;
}

function acceptable(
  text: string,
  start: number,
  end: number,
  forms: NameForm[],
  gazetteer: Gazetteer,
  bareTowns: ReadonlySet<string>,
  afterPlace: boolean
): NameForm[] {
  const last = text.charCodeAt(end - 1);
  if (last === CUN && !endsVillage(text, end)) return [];
  // 王家乡亲: 乡亲 (folks) is a word, not the suffix of 王家乡.
  if (last === XIANG && WORDS_AFTER_TOWN_XIANG[text.charCodeAt(end)]) return [];
  let allFull = true;
  for (let k = 0; k < forms.length; k++) if (forms[k].kind !== "full") allFull = false;
  if (allFull) return forms;
  const guardedWordHere = guardedWord(text, start, end);
  // Plain loops, no closures: this runs at every candidate of every scan. `guarded` is worked out once, when first
  // needed; followsPlace is consulted in the same cases as before (it records that the answer depended on it).
  const kept: NameForm[] = [];
  let guarded: boolean | null = null;
  // Each test written once, so that the optimising compiler inlines each helper once (it inlined the person and
  // byline tests for short and bare forms alike).
  for (let k = 0; k < forms.length; k++) {
    const f = forms[k];
    const kind = f.kind;
    if (kind === "full") {
      kept.push(f);
      continue;
    }
    if (kind === "generic") {
      if (guardedWordHere || !endsAnyBefore(text, start, GENERIC_BLOCKERS)) kept.push(f);
      continue;
    }
    // Short and bare forms.
    if (guardedWordHere) continue;
    const place = gazetteer.places.get(f.code);
    if (kind === "short" ? startsAny(text, end, ORG_FOLLOWERS) : !inBareTowns(place, bareTowns)) continue;
    if ((guarded ??= personAround(text, start, end) || inByline(text, start, end))) continue;
    if (kind === "bare" || place?.in_prefecture || startsAWord(text, start) || followsPlace(afterPlace)) kept.push(f);
  }
  return kept.length === forms.length ? forms : kept;
}

/** Whether a bare village name's town is one the context lets the text name its villages bare in. */
function inBareTowns(place: Place | undefined, bareTowns: ReadonlySet<string>): boolean {
  const parent = place?.parent_code;
  return parent != null && bareTowns.has(parent);
}

/** A short form right after a place (山东临沭, 湖北罗田) starts a word there. */
function followsPlace(afterPlace: boolean): boolean {
  adjacencyConsulted = true;
  return afterPlace;
}

/** Outside the prefecture a short form must start a word: `巩固原有` holds no 固原, `弘扬中华` no 扬中. */
function startsAWord(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return !isHan(before) || BOUNDARY[before] === 1 || SHORT_FORM_JOINERS[before] === 1;
}

export function personAround(text: string, start: number, end: number): boolean {
  return startsAny(text, end, PERSON_FOLLOWERS) || endsAnyBefore(text, start, PERSON_LEADERS);
}

const [OPEN_ASCII, OPEN_WIDE, CLOSE_ASCII, CLOSE_WIDE] = [..."(（)）"].map((c) => c.charCodeAt(0));

/** Inside a parenthesised list of names, `(张慧 李新胜 吴传来)`: a byline, not a place. */
function inByline(text: string, start: number, end: number): boolean {
  // Looked for within 40 characters only: a search of the whole text from every candidate name would be quadratic.
  let open = -1;
  for (let k = Math.min(start, text.length - 1); k >= 0 && start - k <= 40; k--) {
    const c = text.charCodeAt(k);
    if (c === OPEN_ASCII || c === OPEN_WIDE) {
      open = k;
      break;
    }
  }
  if (open < 0) return false;
  let close = -1;
  for (let k = end; k < text.length && k - end <= 40; k++) {
    const c = text.charCodeAt(k);
    if (c === CLOSE_ASCII || c === CLOSE_WIDE) {
      close = k;
      break;
    }
  }
  if (close < 0) return false;
  const inside = text.slice(open + 1, close);
  return /^[\p{Script=Han}\s、,，]+$/u.test(inside) && /[\s、,，]/.test(inside);
}
