// Place mentions in a string, an article's main place, and the most specific place a span's sentence, paragraph or
// article supports. Operates on plain strings and the gazetteer (gazetteer.ts).
//
// The scan is a greedy leftmost-longest walk of one character trie over every written form (≈100k forms): at each
// position it follows the trie as far as the text allows and keeps the longest form acceptable there, so the cost is
// linear in the text times the longest form actually matched (a handful of characters). Aho–Corasick would add
// failure links for overlapping matches, which we do not want: place names in running text do not overlap.
import {
  ANAPHORA,
  NOT_PLACE_WORDS,
  NOT_VILLAGE_NAMES,
  ORG_AFTER,
  PERSON_AFTER,
  PERSON_BEFORE,
  VILLAGE_FIRST_EXTRA,
  WORDS_STARTING_XIANG
} from "./data/place-aliases.js";
import {SHORT_FORM_GUARDS} from "./data/short-forms.js";
import {SURNAME_CHARS, SURNAMES_AS_FUNCTION_WORDS} from "./data/surnames.js";
import {
  chainOf,
  FORM_RANK,
  isWithin,
  levelDepth,
  trieNode,
  unregisteredVillage,
  villageCore,
  type FormKind,
  type Gazetteer,
  type NameForm,
  type Place,
  type TrieNode
} from "./gazetteer.js";
import {childOf, HAS_BARE, HAS_FORMS, mayStart, nodeNumber, packTrie, type PackedTrie} from "./trie.js";
import type {PlaceLevel} from "./types.js";

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  place: Place;
  /** How the text wrote it: a form of the gazetteer, or `pattern` for a village the register lacks (李堤口村). */
  form: FormKind | "pattern";
}

/** A place with the names along its chain, as the `articles` and `facts` tables carry it. */
export interface PlaceRef {
  place_code: string;
  place_name: string;
  level: PlaceLevel;
  county: string | null;
  town: string | null;
  village: string | null;
  /** Names from the county level down (`["阳谷县","张秋镇","李堤口村"]`); from the province outside the prefecture. */
  chain: string[];
  place: Place;
}

export interface FindOptions {
  /** Places the surrounding text is about (the article's title place and its ancestors): resolves homonyms, and
   * lets the bare names of that town's villages (徐庄, 曹庄) count as mentions. */
  context?: Place[];
  /** Further written forms, e.g. villages the article has already named (李堤口村 → also 李堤口). */
  extra?: Map<string, Place>;
}

interface RawMatch {
  start: number;
  end: number;
  forms: NameForm[];
  extra: Place | null;
  /** Name of a village the register lacks, found by its 村/社区 suffix. */
  pattern: string | null;
  text: string;
}

const HAN = /\p{Script=Han}/u;
const BOUNDARY_CHARS = new Set("了在到进是和与及从对为由将把被向给往赴至于的来去".split(""));
const SUFFIX_FOLLOWERS_NOT_VILLAGE = new Set("民里落容貌级干".split(""));
const VILLAGE_FIRST = new Set(
  [...SURNAME_CHARS, ...VILLAGE_FIRST_EXTRA].filter((c) => !SURNAMES_AS_FUNCTION_WORDS.includes(c))
);
// WORDS_STARTING_XIANG but for 村 and 镇: after a registered 乡, `大布乡村民` and `大布乡镇` are about the town.
const WORDS_AFTER_TOWN_XIANG = new Set([...WORDS_STARTING_XIANG].filter((c) => c !== "村" && c !== "镇"));
const GENERIC_BLOCKERS = ["经济", "工业", "技术", "产业", "科技", "物流", "新技术", "农业"];

export function findPlaceMentions(text: string, gazetteer: Gazetteer, options: FindOptions = {}): PlaceMention[] {
  return findWithMemo(text, gazetteer, options, null);
}

/** What a scan of one text found at each position it visited, so a second scan of the same text (resolveArticlePlace's,
 * with the article's villages added and maybe another context) walks the gazetteer's trie only where the first did
 * not: `end[i]` is 0 for a position not yet walked, -1 for no acceptable form there, else the form's end. A position
 * where a bare village name was weighed (`bare[i]`) is reused only in the context it was walked in. */
interface ScanMemo {
  text: string;
  /** The towns in context (townsOfBareNames) of the scan that filled the memo, as a key; null before it. */
  towns: string | null;
  end: Int32Array;
  bare: Uint8Array;
  forms: Map<number, NameForm[]>;
}

// resolveArticlePlace's two memos, one for the title and one for the text, reused from article to article (the scan
// is synchronous, so no two articles share them at once): allocating typed arrays per article costs more than
// clearing them.
const memos = {title: emptyMemo(), text: emptyMemo()};

function emptyMemo(): ScanMemo {
  return {text: "", towns: null, end: new Int32Array(256), bare: new Uint8Array(256), forms: new Map()};
}

function scanMemo(memo: ScanMemo, text: string): ScanMemo {
  if (memo.end.length < text.length) {
    memo.end = new Int32Array(2 * text.length);
    memo.bare = new Uint8Array(2 * text.length);
  } else {
    memo.end.fill(0, 0, text.length);
    memo.bare.fill(0, 0, text.length);
  }
  memo.forms.clear();
  memo.text = text;
  memo.towns = null;
  return memo;
}

/** `unresolved`, when given, receives the place names the scan found but could not place (see resolve). */
function findWithMemo(
  text: string,
  gazetteer: Gazetteer,
  options: FindOptions,
  memo: ScanMemo | null,
  unresolved: string[] | null = null
): PlaceMention[] {
  const context = options.context ?? [];
  const bareTowns = townsOfBareNames(context);
  if (memo?.text !== text) memo = null;
  const towns = [...bareTowns].sort().join();
  if (memo) memo.towns ??= towns;
  const extra = options.extra?.size ? options.extra : null;
  const raw = withVillagePatterns(text, scan(text, gazetteer, bareTowns, extra, memo, memo?.towns === towns));
  return resolve(text, raw, gazetteer, context, unresolved);
}

/** The extra forms as a small trie, and their first code units marked in a shared table so that the scan walks the
 * trie only where one may start: linear in the text however many villages an article names. */
function buildExtraTrie(extra: Map<string, Place>): {trie: TrieNode; places: Map<string, Place>} {
  const trie: TrieNode = {next: null, forms: null};
  const places = new Map<string, Place>();
  for (const [form, place] of extra) {
    trieNode(trie, form).forms = [{code: place.code, kind: "full"}];
    places.set(place.code, place);
  }
  return {trie, places};
}

// Marks of the first code units of the current scan's extra forms; cleared when the scan ends.
const extraFirst = new Uint8Array(0x10000);

const packed = new WeakMap<TrieNode, PackedTrie>();

function packedTrie(gazetteer: Gazetteer): PackedTrie {
  let trie = packed.get(gazetteer.trie);
  if (!trie) packed.set(gazetteer.trie, (trie = packTrie(gazetteer.trie)));
  return trie;
}

function scan(
  text: string,
  gazetteer: Gazetteer,
  bareTowns: Set<string>,
  extra: Map<string, Place> | null,
  memo: ScanMemo | null,
  sameTowns: boolean
): RawMatch[] {
  const matches: RawMatch[] = [];
  const n = text.length;
  const trie = packedTrie(gazetteer);
  // Ends of the nodes with forms along one walk, longest last: the longest acceptable one wins.
  const ends: number[] = [];
  const nodes: NameForm[][] = [];
  let found = 0;
  const extraTrie = extra ? buildExtraTrie(extra) : null;
  for (const unit of extraTrie?.trie.next?.keys() ?? []) extraFirst[unit] = 1;
  let i = 0;
  while (i < n) {
    let best: RawMatch | null = null;
    const known = memo && (sameTowns || !memo.bare[i]) ? memo.end[i] : 0;
    if (known > 0) best = {start: i, end: known, forms: memo!.forms.get(i)!, extra: null, pattern: null, text: ""};
    else if (known === 0) {
      found = 0;
      let bare = 0;
      const first = text.charCodeAt(i);
      const walk = i + 1 < n && mayStart(trie, first, text.charCodeAt(i + 1));
      for (let node = walk ? trie.root[first] : -1, j = i + 1; node >= 0; j++) {
        if (node & HAS_FORMS) (ends[found] = j), (nodes[found++] = trie.forms[nodeNumber(node)]!), (bare |= node);
        if (j >= n) break;
        node = childOf(trie, node, text.charCodeAt(j));
      }
      const afterPlace = matches.length > 0 && matches[matches.length - 1].end === i;
      adjacencyConsulted = false;
      for (let k = found - 1; k >= 0; k--) {
        const forms = acceptable(text, i, ends[k], nodes[k], gazetteer, bareTowns, afterPlace);
        if (forms.length) {
          best = {start: i, end: ends[k], forms, extra: null, pattern: null, text: ""};
          break;
        }
      }
      // A result that depended on the match before it is not memoised: the second scan may match differently there.
      if (memo && sameTowns && !adjacencyConsulted) {
        memo.end[i] = best ? best.end : -1;
        memo.bare[i] = bare & HAS_BARE;
        if (best) memo.forms.set(i, best.forms);
      }
    }
    if (extraTrie && extraFirst[text.charCodeAt(i)]) {
      let node: TrieNode | undefined = extraTrie.trie;
      for (let j = i; j < n && node?.next; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (node?.forms && (!best || j + 1 >= best.end) && !personAround(text, i, j + 1)) {
          const place = extraTrie.places.get(node.forms[0].code)!;
          best = {start: i, end: j + 1, forms: [], extra: place, pattern: null, text: ""};
        }
      }
    }
    if (best) {
      matches.push(best);
      i = best.end;
    } else i++;
  }
  for (const unit of extraTrie?.trie.next?.keys() ?? []) extraFirst[unit] = 0;
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
  return !!words && words.some((w) => w.length > end - start && text.startsWith(w, start));
}

function acceptable(
  text: string,
  start: number,
  end: number,
  forms: NameForm[],
  gazetteer: Gazetteer,
  bareTowns: Set<string>,
  afterPlace: boolean
): NameForm[] {
  if (text[end - 1] === "村" && SUFFIX_FOLLOWERS_NOT_VILLAGE.has(text[end]) && !text.startsWith("民委员会", end))
    return [];
  // 王家乡亲: 乡亲 (folks) is a word, not the suffix of 王家乡.
  if (text[end - 1] === "乡" && WORDS_AFTER_TOWN_XIANG.has(text[end])) return [];
  if (forms.every((f) => f.kind === "full")) return forms;
  if (guardedWord(text, start, end)) return forms.filter((f) => f.kind === "full" || f.kind === "generic");
  let guardedOut: boolean | null = null;
  const guarded = () => (guardedOut ??= personAround(text, start, end) || inByline(text, start, end));
  return forms.filter((f) => {
    switch (f.kind) {
      case "full":
        return true;
      case "generic":
        return !GENERIC_BLOCKERS.some((w) => text.startsWith(w, start - w.length));
      case "short":
        return (
          !ORG_AFTER.some((w) => text.startsWith(w, end)) &&
          !guarded() &&
          (gazetteer.places.get(f.code)?.in_prefecture || startsAWord(text, start) || followsPlace(afterPlace))
        );
      case "bare": {
        const parent = gazetteer.places.get(f.code)?.parent_code;
        return parent != null && bareTowns.has(parent) && !guarded();
      }
    }
  });
}

/** A short form right after a place (山东临沭, 湖北罗田) starts a word there. */
function followsPlace(afterPlace: boolean): boolean {
  adjacencyConsulted = true;
  return afterPlace;
}

/** Outside the prefecture a short form must start a word: `巩固原有` holds no 固原, `弘扬中华` no 扬中. */
function startsAWord(text: string, start: number): boolean {
  const before = text[start - 1];
  return before === undefined || !HAN.test(before) || BOUNDARY_CHARS.has(before) || "有、与及和同".includes(before);
}

function personAround(text: string, start: number, end: number): boolean {
  return (
    PERSON_AFTER.some((w) => text.startsWith(w, end)) || PERSON_BEFORE.some((w) => text.startsWith(w, start - w.length))
  );
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

/** Adds villages the register lacks, named by their 村/社区 suffix: after a town, county, zone or village
 * (`张秋镇李堤口村`, `九和社区单光屯村`), or standing alone with a village-like name (`走进了马庙村`). */
function withVillagePatterns(text: string, raw: RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  let r = 0;
  for (let k = text.indexOf("村"), s = text.indexOf("社区"); k >= 0 || s >= 0; ) {
    const isCun = k >= 0 && (s < 0 || k < s);
    const at = isCun ? k : s;
    const suffixEnd = at + (isCun ? 1 : 2);
    if (isCun) k = text.indexOf("村", k + 1);
    else s = text.indexOf("社区", s + 2);
    while (r < raw.length && raw[r].end <= at) out.push(raw[r++]);
    const covering = r < raw.length && raw[r].start <= at ? raw[r] : null;
    if (covering && !(isVillageMatch(covering) && covering.end === suffixEnd)) continue;
    if (isCun && SUFFIX_FOLLOWERS_NOT_VILLAGE.has(text[suffixEnd]) && !text.startsWith("村民委员会", at)) continue;
    const previous = out.at(-1);
    const bare = previous && previous.forms.length > 0 && previous.forms.every((f) => f.kind === "bare");
    const from = bare ? null : previous;
    const gapStart = from ? from.end : -1;
    let name: string | null = null;
    let start = -1;
    if (from && at - gapStart >= 1 && at - gapStart <= 4) {
      const part = text.slice(gapStart, at);
      if (
        [...part].every((c) => HAN.test(c)) &&
        VILLAGE_FIRST.has(part[0]) &&
        !BOUNDARY_CHARS.has(part[0]) &&
        !NOT_VILLAGE_NAMES.has(part)
      ) {
        if (!covering) [name, start] = [text.slice(gapStart, suffixEnd), gapStart];
        else if (covering.start > gapStart) [name, start] = [text.slice(gapStart, suffixEnd), gapStart];
        else start = covering.start;
      }
    }
    if (start < 0 && covering && !covering.extra && covering.start - 1 >= (previous?.end ?? 0)) {
      const first = covering.start - 1;
      const before = text.slice(0, first).trimEnd().at(-1);
      if (
        VILLAGE_FIRST.has(text[first]) &&
        !BOUNDARY_CHARS.has(text[first]) &&
        (before === undefined || !HAN.test(before) || BOUNDARY_CHARS.has(before))
      )
        [name, start] = [text.slice(first, suffixEnd), first];
    }
    if (start < 0 && !covering && isCun) {
      for (const length of [3, 2]) {
        const first = at - length;
        if (first < (previous?.end ?? 0)) continue;
        const part = text.slice(first, at);
        if (length === 3 && BOUNDARY_CHARS.has(part[0])) continue;
        const before = text.slice(0, first).trimEnd().at(-1);
        if (
          [...part].every((c) => HAN.test(c)) &&
          VILLAGE_FIRST.has(part[0]) &&
          !NOT_VILLAGE_NAMES.has(part) &&
          !NOT_VILLAGE_NAMES.has(part.slice(1)) &&
          (before === undefined || !HAN.test(before) || BOUNDARY_CHARS.has(before))
        ) {
          name = part + "村";
          start = first;
          break;
        }
      }
    }
    if (name) {
      if (covering) r++;
      out.push({start, end: suffixEnd, forms: [], extra: null, pattern: name, text: ""});
    } else if (covering) out.push(raw[r++]);
  }
  while (r < raw.length) out.push(raw[r++]);
  for (const match of out) match.text = text.slice(match.start, match.end);
  return out;
}

function isVillageMatch(match: RawMatch): boolean {
  return match.extra?.level === "village" || match.forms.some((f) => f.kind === "full" || f.kind === "bare");
}

/** The matches as places, in context. With `unresolved`, also the names of places the text names but that cannot be
 * placed, in order: villages with no town, county or zone to sit under (unplacedVillage), and 镇, 乡 or 街道 names the
 * register lacks, looked for in the text between matches (unplacedTown). */
function resolve(
  text: string,
  raw: RawMatch[],
  gazetteer: Gazetteer,
  context: Place[],
  unresolved: string[] | null = null
): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  let town = [...context].reverse().find((p) => p.level === "town") ?? null;
  let county =
    [...context].reverse().find((p) => p.level === "county" || p.level === "zone") ??
    (town?.county_code ? gazetteer.places.get(town.county_code) ?? null : null);
  let previous: PlaceMention | null = null;
  // Looking for unresolved names is a walk of the 镇, 乡 and 街道 in the text, between the matches.
  const suffixes = unresolved ? suffixCursor(text) : null;
  let lastEnd = 0;
  for (const match of raw) {
    if (suffixes) {
      // The register has towns named just 街道 (130273001): such a match is the suffix of the name before it.
      const end = TOWN_SUFFIXES.includes(match.text) ? match.end : match.start;
      unplacedTowns(suffixes, end, lastEnd, previous && previous.end === lastEnd ? previous : null, unresolved!);
    }
    const adjacent = previous && previous.end === match.start ? previous : null;
    const place = choose(match, adjacent);
    if (place) {
      const mention: PlaceMention = {
        start: match.start,
        end: match.end,
        text: text.slice(match.start, match.end),
        place,
        form: match.pattern ? "pattern" : match.extra ? "full" : bestKind(match.forms, place.code)
      };
      mentions.push(mention);
      previous = mention;
      if (place.level === "town") {
        town = place;
        county = gazetteer.places.get(place.county_code ?? "") ?? county;
      } else if (place.level === "county" || place.level === "zone") {
        county = place;
        if (town && !isWithin(gazetteer, town, place)) town = null;
      } else if (place.level === "village" && place.parent_code) {
        const parent = gazetteer.places.get(place.parent_code);
        if (parent?.level === "town") town = parent;
      }
    } else {
      previous = null;
      const name = unresolved && villageName(match, gazetteer);
      // Listed unless the text puts it outside the prefecture, whose villages the gazetteer does not reach.
      const parent = name && ((adjacent ? villageParent(adjacent.place) : null) ?? town ?? county);
      if (name && (!parent || parent.in_prefecture)) unresolved!.push(name);
    }
    lastEnd = match.end;
  }
  if (suffixes) {
    unplacedTowns(suffixes, text.length, lastEnd, previous && previous.end === lastEnd ? previous : null, unresolved!);
  }
  return mentions;

  function choose(match: RawMatch, adjacent: PlaceMention | null): Place | null {
    if (match.extra) return match.extra;
    if (match.pattern) {
      const parent = adjacent ? villageParent(adjacent.place) : town ?? county;
      return parent && placesVillages(parent, adjacent) ? unregisteredVillage(gazetteer, parent, match.pattern) : null;
    }
    const candidates = match.forms.map((f) => gazetteer.places.get(f.code)!).filter(Boolean);
    const villages = candidates.length > 0 && candidates.every((p) => p.level === "village");
    const generic = match.forms.every((f) => f.kind === "generic");
    const written = /(?:村|社区)$/.test(match.text) ? match.text : candidates[0]?.name;
    if (adjacent) {
      if (generic && !adjacent.place.in_prefecture) return null;
      const parent = villageParent(adjacent.place);
      for (const scope of [adjacent.place, parent]) {
        const within = scope ? candidates.filter((p) => p !== scope && isWithin(gazetteer, p, scope)) : [];
        if (within.length) return inContext(within);
      }
      if (villages) return parent && placesVillages(parent, adjacent) ? unregisteredVillage(gazetteer, parent, written) : null;
    }
    if (candidates.length === 1 && !villages) return candidates[0];
    if (villages && town) {
      const within = candidates.filter((p) => isWithin(gazetteer, p, town!));
      return within.length ? best(within) : unregisteredVillage(gazetteer, town, written);
    }
    for (const scope of [town, county]) {
      if (!scope) continue;
      const within = candidates.filter((p) => isWithin(gazetteer, p, scope));
      if (within.length) return inContext(within);
    }
    if (candidates.length === 1) return candidates[0];
    const local = candidates.filter((p) => p.in_prefecture);
    if (local.length === 1) return local[0];
    // Provinces and prefectures share short forms with nothing at their level: the higher level wins (海南).
    const top = Math.min(...candidates.map((p) => levelDepth(p.level)));
    const atTop = candidates.filter((p) => levelDepth(p.level) === top);
    return top <= 1 && atTop.length === 1 ? atTop[0] : null;
  }

  /** Villages the gazetteer holds only for the prefecture; elsewhere a village is a place when the text names its
   * town or county right before it (茅坪乡马源村), with a code of the project's own. */
  function placesVillages(parent: Place, adjacent: PlaceMention | null): boolean {
    return parent.in_prefecture || (adjacent !== null && (parent.level === "town" || parent.level === "county"));
  }

  /** One of several places the text's wording fits (聊城市曹庄村: a 曹庄村 in six towns): the one under the town, else
   * the county, in focus; villages still several there are unresolved rather than one picked by register order. */
  function inContext(places: Place[]): Place | null {
    if (places.length === 1) return places[0];
    for (const scope of [town, county]) {
      const within = scope ? places.filter((p) => isWithin(gazetteer, p, scope)) : [];
      if (within.length === 1) return within[0];
      if (within.length > 1) places = within;
    }
    if (places.every((p) => p.level === "village")) return null;
    return best(places);
  }

  function best(places: Place[]): Place {
    return [...places].sort(
      (a, b) =>
        Number(b.in_prefecture) - Number(a.in_prefecture) ||
        Number(b.registered) - Number(a.registered) ||
        levelDepth(a.level) - levelDepth(b.level)
    )[0];
  }

  function villageParent(place: Place): Place | null {
    if (place.level === "village") return gazetteer.places.get(place.parent_code ?? "") ?? null;
    return place.level === "town" || place.level === "zone" || place.level === "county" ? place : null;
  }
}

/** The name of a village a match that resolved to no place names: a village the register lacks (the 村/社区
 * pattern), or a register village's name several towns share, unless it is also an ordinary word (和谐村). */
function villageName(match: RawMatch, gazetteer: Gazetteer): string | null {
  const name = match.pattern ?? (/(?:村|社区)$/.test(match.text) ? match.text : null);
  if (!name || NOT_PLACE_WORDS.has(name) || NOT_VILLAGE_NAMES.has(villageCore(name))) return null;
  for (const form of match.forms) if (gazetteer.places.get(form.code)?.level !== "village") return null;
  return name;
}

const TOWN_SUFFIXES = ["镇", "乡", "街道"];
const TOWN_PARENT_LEVELS = new Set<PlaceLevel>(["province", "city", "county", "zone"]);

/** Where the next 镇, 乡 and 街道 of a text are (-1 when there is none), and which of them comes first. */
interface SuffixCursor {
  text: string;
  at: number[];
  first: number;
}

function suffixCursor(text: string): SuffixCursor {
  const cursor = {text, at: [text.indexOf("镇"), text.indexOf("乡"), text.indexOf("街道")], first: -1};
  firstSuffix(cursor);
  return cursor;
}

function firstSuffix(cursor: SuffixCursor): void {
  const {at} = cursor;
  cursor.first = -1;
  for (let i = 0; i < at.length; i++) if (at[i] >= 0 && (cursor.first < 0 || at[i] < at[cursor.first])) cursor.first = i;
}

/** The 镇, 乡 and 街道 names before `end` that no match covers (the matches end at or before `from`), each pushed
 * to `out` when unplacedTown takes it for a name; the cursor moves past them. */
function unplacedTowns(
  cursor: SuffixCursor,
  end: number,
  from: number,
  adjacent: PlaceMention | null,
  out: string[]
): void {
  const {text, at} = cursor;
  for (let k = cursor.first; k >= 0 && at[k] < end; k = cursor.first) {
    const start = at[k];
    const suffixEnd = start + TOWN_SUFFIXES[k].length;
    at[k] = text.indexOf(TOWN_SUFFIXES[k], start + 1);
    firstSuffix(cursor);
    if (start < from || suffixEnd > end) continue;
    const name = unplacedTown(text, start, suffixEnd, from, adjacent);
    if (name) out.push(name);
  }
}

/** A 镇, 乡 or 街道 name no match covers, so the register (which holds every town of the country) lacks it: right after
 * a county, zone, city or province (`阳谷县幸福河镇`, 2 to 4 characters), or standing alone after a word boundary with
 * a first character village names start with (`走进了李家河镇`, 2 or 3), as withVillagePatterns finds villages. */
function unplacedTown(
  text: string,
  at: number,
  end: number,
  from: number,
  adjacent: PlaceMention | null
): string | null {
  if (text[at] === "乡" && WORDS_STARTING_XIANG.has(text[end])) return null;
  let first = -1;
  const gap = at - from;
  if (adjacent && TOWN_PARENT_LEVELS.has(adjacent.place.level) && gap >= 2 && gap <= 4) {
    if (!BOUNDARY_CHARS.has(text[from]) && allHan(text, from, at)) first = from;
  }
  for (let length = 3; length >= 2 && first < 0; length--) {
    const start = at - length;
    if (start < from || (length === 3 && BOUNDARY_CHARS.has(text[start]))) continue;
    if (VILLAGE_FIRST.has(text[start]) && allHan(text, start, at) && wordStartsAt(text, start)) first = start;
  }
  if (first < 0 || NOT_VILLAGE_NAMES.has(text.slice(first, at))) return null;
  for (let k = end - 2; k >= first; k--) if (NOT_PLACE_WORDS.has(text.slice(k, end))) return null;
  return text.slice(first, end);
}

function allHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!HAN.test(text[i])) return false;
  return true;
}

/** Whether a word can start at `start`: the text begins there, or the last character before it (spaces skipped) is
 * not Chinese or is a boundary character (在, 到, 了 …). */
function wordStartsAt(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k < 0 || !HAN.test(text[k]) || BOUNDARY_CHARS.has(text[k]);
}

function bestKind(forms: NameForm[], code: string): FormKind {
  const kinds = forms.filter((f) => f.code === code).map((f) => f.kind);
  return kinds.sort((a, b) => FORM_RANK[a] - FORM_RANK[b])[0] ?? "full";
}

export function placeRef(gazetteer: Gazetteer, place: Place): PlaceRef {
  const chain = chainOf(gazetteer, place);
  const at = (levels: PlaceLevel[]) => chain.find((p) => levels.includes(p.level))?.name ?? null;
  const county = at(["county", "zone"]);
  const fromCounty = chain.findIndex((p) => p.level === "county" || p.level === "zone");
  const names = chain.map((p) => p.name);
  return {
    place_code: place.code,
    place_name: place.name,
    level: place.level,
    county,
    town: at(["town"]),
    village: at(["village"]),
    chain: !place.in_prefecture ? names : fromCounty >= 0 ? names.slice(fromCounty) : [place.name],
    place
  };
}

export interface ArticlePlace {
  gazetteer: Gazetteer;
  place: PlaceRef | null;
  titleMentions: PlaceMention[];
  mentions: PlaceMention[];
  /** Names in the title and text that look like places but could not be placed, each once, in order of first
   * appearance: the `unresolved_places` of the articles table. */
  unresolved: string[];
}

/** The article's main place, from its title first and its text second, with the mentions found on the way. */
export function resolveArticlePlace(title: string, text: string, gazetteer: Gazetteer): ArticlePlace {
  const titleMemo = scanMemo(memos.title, title);
  const firstTitle = findWithMemo(title, gazetteer, {}, titleMemo);
  const firstPlace = titlePlace(gazetteer, firstTitle);
  const firstContext = firstPlace ? chainOf(gazetteer, firstPlace) : [];
  const memo = scanMemo(memos.text, text);
  const firstUnresolved: string[] = [];
  const firstText = findWithMemo(text, gazetteer, {context: firstContext}, memo, firstUnresolved);

  const extra = new Map<string, Place>();
  for (const mention of [...firstTitle, ...firstText]) {
    const place = mention.place;
    if (place.level !== "village" || !place.in_prefecture || mention.form === "bare") continue;
    if (!extra.has(place.name)) extra.set(place.name, place);
    const core = villageCore(place.name);
    if (core.length >= 2 && !extra.has(core)) extra.set(core, place);
  }
  const unresolved: string[] = [];
  const titleMentions = findWithMemo(title, gazetteer, {context: firstContext, extra}, titleMemo, unresolved);
  const ofTitle = titlePlace(gazetteer, titleMentions) ?? firstPlace;
  const context = ofTitle ? chainOf(gazetteer, ofTitle) : [];
  // The second look differs from the first only by the villages it adds and a changed context: with neither, it
  // would find the same mentions.
  const same = extra.size === 0 && sameCodes(context, firstContext);
  const mentions = same ? firstText : findWithMemo(text, gazetteer, {context, extra}, memo, unresolved);
  if (same) unresolved.push(...firstUnresolved);
  const place = mainPlace(gazetteer, ofTitle, mentions);
  const ref = place ? placeRef(gazetteer, place) : null;
  return {gazetteer, place: ref, titleMentions, mentions, unresolved: [...new Set(unresolved)]};
}

/** The towns whose villages a context lets the text name bare (徐庄 for 徐庄村): its town, or its village's town. */
function townsOfBareNames(context: Place[]): Set<string> {
  const towns = new Set<string>();
  for (const place of context) {
    if (place.level === "town") towns.add(place.code);
    if (place.level === "village" && place.parent_code) towns.add(place.parent_code);
  }
  return towns;
}

function sameCodes(a: Place[], b: Place[]): boolean {
  return a.length === b.length && a.every((place, i) => place.code === b[i].code);
}

/** The county a paper is at home in: the county (or zone) most of a document's articles are placed in, if at least
 * two are and no other county ties it. */
export function homeCounty(gazetteer: Gazetteer, placed: (PlaceRef | null)[]): Place | null {
  const counts = new Map<string, number>();
  for (const ref of placed) {
    const code = ref?.place.in_prefecture ? ref.place.county_code : null;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2 || ranked[1]?.[1] === ranked[0][1]) return null;
  return gazetteer.places.get(ranked[0][0]) ?? null;
}

/** An article that names no place below the prefecture but speaks of `全区`/`我县` is about its paper's home county,
 * when that county is of the kind the word names (区 for a district or zone, 县 for a county). */
export function withHomeCounty(article: ArticlePlace, text: string, home: Place | null): ArticlePlace {
  const own = article.place?.place;
  if (!home || (own && levelDepth(own.level) >= levelDepth(home.level))) return article;
  const spoken = ANAPHORA.filter((a) => a.level === "county" && text.includes(a.word));
  if (!spoken.some((a) => home.name.endsWith(a.word.slice(-1)))) return article;
  return {...article, place: placeRef(article.gazetteer, home)};
}

/** The deepest title place all the others are ancestors of; their common ancestor when they diverge. Places of
 * the configured prefecture are preferred to places elsewhere (诸城一临清… → 临清市). */
function titlePlace(gazetteer: Gazetteer, mentions: PlaceMention[]): Place | null {
  const local = mentions.filter((m) => m.place.in_prefecture).map((m) => m.place);
  const places = local.length ? local : mentions.map((m) => m.place);
  if (!places.length) return null;
  const deepest = [...places].sort((a, b) => levelDepth(b.level) - levelDepth(a.level));
  for (const candidate of deepest) if (places.every((p) => isWithin(gazetteer, candidate, p))) return candidate;
  return commonAncestor(gazetteer, places);
}

function commonAncestor(gazetteer: Gazetteer, places: Place[]): Place | null {
  const chains = places.map((p) => chainOf(gazetteer, p));
  let common: Place | null = null;
  for (let i = 0; chains.every((c) => c[i] && c[i].code === chains[0][i].code); i++) common = chains[0][i];
  return common;
}

function mainPlace(gazetteer: Gazetteer, fromTitle: Place | null, mentions: PlaceMention[]): Place | null {
  let place = fromTitle;
  if (!place || levelDepth(place.level) <= 1 || !place.in_prefecture) {
    const counts = new Map<string, number>();
    for (const m of mentions) {
      if (!m.place.in_prefecture || !m.place.county_code) continue;
      counts.set(m.place.county_code, (counts.get(m.place.county_code) ?? 0) + 1);
    }
    let top: string | null = null;
    for (const [code, count] of counts) if (!top || count > counts.get(top)!) top = code;
    const county = top ? gazetteer.places.get(top) : undefined;
    if (county && (!place || isWithin(gazetteer, county, place) || !place.in_prefecture)) place = county;
    if (!place && mentions.length) place = mostMentioned(mentions);
  }
  if (place && (place.level === "county" || place.level === "zone")) {
    const towns = new Set<string>();
    for (const m of mentions) {
      if (m.place === place || !isWithin(gazetteer, m.place, place)) continue;
      towns.add(chainOf(gazetteer, m.place).find((p) => p.level === "town")?.code ?? "-");
    }
    // One town named in a county's article is its subject only if it is named at least as often as the county
    // (a chain 东城街道九和社区单光屯村 names it once): a zone's feature that visits one village stays the zone's.
    if (towns.size === 1) {
      const town = gazetteer.places.get([...towns][0]);
      const county = place;
      const ofCounty = mentions.filter((m) => m.place === county).length;
      const below = (m: PlaceMention | undefined) => !!m && m.place !== county && isWithin(gazetteer, m.place, county);
      const ofTown = mentions.filter(
        (m, i) => below(m) && !(below(mentions[i - 1]) && mentions[i - 1].end === m.start)
      ).length;
      if (town && ofTown >= ofCounty) place = town;
    }
  }
  return place;
}

function mostMentioned(mentions: PlaceMention[]): Place {
  const counts = new Map<string, {place: Place; count: number}>();
  for (const m of mentions) {
    const entry = counts.get(m.place.code);
    if (entry) entry.count++;
    else counts.set(m.place.code, {place: m.place, count: 1});
  }
  return [...counts.values()].reduce((a, b) => (b.count > a.count ? b : a)).place;
}

/** The most specific place a span of the article text is about: a place named in its sentence, else the latest one
 * named before it in its paragraph, else the article's place; `该镇`/`全县` climb to their level. */
export function placeForSpan(articleText: string, start: number, end: number, article: ArticlePlace): PlaceRef | null {
  const {gazetteer} = article;
  const paragraph = rangeAt(paragraphsOf(article, articleText), start);
  const sentence = sentenceAround(articleText, start, end, paragraph);
  const inSentence = article.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
  const articlePlace = article.place?.place ?? null;
  let place: Place | null = null;
  if (inSentence.length) {
    place = placeInSentence(articleText, inSentence, start, end, gazetteer);
  } else {
    const before = article.mentions.filter((m) => m.start >= paragraph.start && m.end <= start);
    place = latestFocus(gazetteer, before) ?? articlePlace;
    const text = articleText.slice(sentence.start, sentence.end);
    const anaphor = ANAPHORA.find((a) => text.includes(a.word));
    // A place in focus wider than the article's is the article's (a county named in passing), unless the sentence
    // points at a level: then 全县…, 全市… speak of the article's county or city, not of its town.
    if (place && articlePlace && articlePlace !== place && isWithin(gazetteer, articlePlace, place)) {
      place = articlePlace;
    }
    if (place && anaphor && levelDepth(place.level) > levelDepth(anaphor.level)) {
      const chain = chainOf(gazetteer, place);
      place =
        anaphor.level === "county"
          ? chain.find((p) => p.level === "county" || p.level === "zone") ?? place
          : chain.find((p) => p.level === anaphor.level) ?? place;
    }
  }
  // A city or province named in passing (紧邻聊城市军休所) leaves the article's place; one that is the clause's subject
  // (聊城市先后组织…) is the place of the clause's figures.
  const broad = place && inSentence.length && levelDepth(place.level) <= 1;
  if (place && articlePlace && broad && isWithin(gazetteer, articlePlace, place)) {
    const named = inSentence.find((m) => m.place === place);
    if (!named || !beginsClause(articleText, named.start)) place = articlePlace;
  }
  return place ? placeRef(gazetteer, place) : null;
}

/** The place a sentence that names places gives a span: the most specific one; when several differ at that level,
 * the one named in the span's own clause, and the places' common ancestor when they are listed together
 * (`文苑社区、平安社区的210份`) or each have a clause of their own (`在许营镇…,韩集镇…,顾官屯镇…,推进…100%覆盖`). */
function placeInSentence(
  text: string,
  inSentence: PlaceMention[],
  start: number,
  end: number,
  gazetteer: Gazetteer
): Place {
  const ranked = [...inSentence].sort(
    (a, b) =>
      levelDepth(b.place.level) - levelDepth(a.place.level) ||
      Number(b.place.in_prefecture) - Number(a.place.in_prefecture) ||
      Math.abs(a.start - start) - Math.abs(b.start - start)
  );
  const deepest = ranked.filter(
    (m) => levelDepth(m.place.level) === levelDepth(ranked[0].place.level) && m.place.in_prefecture
  );
  const distinct = new Set(deepest.map((m) => m.place.code));
  if (distinct.size < 2) return ranked[0].place;
  const clause = clauseAround(text, start, end);
  const inClause = deepest.filter((m) => m.start >= clause.start && m.end <= clause.end);
  const clausePlaces = new Set(inClause.map((m) => m.place.code));
  if (clausePlaces.size === 1) return inClause[0].place;
  if (clausePlaces.size > 1 && !isList(text, inClause)) return ranked[0].place;
  const listed = clausePlaces.size > 1 ? inClause : deepest;
  return commonAncestor(gazetteer, listed.map((m) => m.place)) ?? ranked[0].place;
}

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const CLAUSE_END = codes(",，:：;；。！？!?\n");

function clauseAround(text: string, start: number, end: number): Range {
  let from = start;
  while (from > 0 && !CLAUSE_END.has(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.has(text.charCodeAt(to))) to++;
  return {start: from, end: to};
}

// What may stand between a clause's start and its subject: white space and a time phrase (2019年, 今年, 近年来).
const BEFORE_SUBJECT = codes(" \t\u30000123456789０１２３４５６７８９〇零一二三四五六七八九十年月日号以来今去前近底初末至期间上下半旬季度");

/** Whether the text from the start of its clause (at most 16 characters back) to `at` holds only BEFORE_SUBJECT. */
function beginsClause(text: string, at: number): boolean {
  let k = at - 1;
  for (; k >= 0 && at - k <= 16; k--) {
    const c = text.charCodeAt(k);
    if (CLAUSE_END.has(c)) return true;
    if (!BEFORE_SUBJECT.has(c)) return false;
  }
  return k < 0;
}

/** Mentions in order, joined only by 、 和 与 及 or 以及: a list of places spoken of together. */
function isList(text: string, mentions: PlaceMention[]): boolean {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  return ordered.slice(1).every((m, i) => /^(?:、|和|与|及|以及)$/.test(text.slice(ordered[i].end, m.start)));
}

/** The place a run of mentions before a span leaves in focus: the latest, unless it only widens the view to an
 * ancestor of the place just named (`临清市戴湾镇景庄村…“多彩临清”…` stays at 景庄村). */
function latestFocus(gazetteer: Gazetteer, before: PlaceMention[]): Place | null {
  let place = before.at(-1)?.place ?? null;
  for (let i = before.length - 2; place && i >= 0; i--) {
    const earlier = before[i].place;
    if (earlier === place || isWithin(gazetteer, place, earlier)) continue;
    if (!isWithin(gazetteer, earlier, place)) break;
    place = earlier;
  }
  return place;
}

const SENTENCE_END = codes("。！？!?；;");
const PARAGRAPH_END = codes("。！？!?”\"）)…：:");

interface Range {
  start: number;
  end: number;
}

/** The paragraph around `at`: articles keep one paragraph a line. A line break after an unfinished sentence is a
 * page or column break, not a paragraph break, so the paragraph runs on across it. */
export function paragraphAround(text: string, at: number): Range {
  return rangeAt(paragraphs(text), at);
}

/** The paragraphs of a text in order, as paragraphAround draws them; the last runs to the end of the text. */
function paragraphs(text: string): Range[] {
  const ranges: Range[] = [];
  const breaks = /\n\s*/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = breaks.exec(text))) {
    // The text before the break, trimmed, ends a paragraph or is a short line: looked at from its end only, so a
    // paragraph of many lines costs the length of its lines, not the square of it.
    let last = match.index;
    while (last > start && isSpace(text.charCodeAt(last - 1))) last--;
    const lineStart = Math.max(start, text.lastIndexOf("\n", last - 1) + 1);
    const isBreak = (last > start && PARAGRAPH_END.has(text.charCodeAt(last - 1))) || last - lineStart < 30;
    if (!isBreak) continue;
    ranges.push({start, end: match.index});
    start = match.index + match[0].length;
  }
  ranges.push({start, end: text.length});
  return ranges;
}

// What String#trimEnd removes (and \s matches): white space and line terminators.
const SPACE = /\s/;
const isSpace = (c: number) =>
  c === 32 || c === 10 || (c < 128 ? c >= 9 && c <= 13 : SPACE.test(String.fromCharCode(c)));

// An article's paragraphs, drawn once for all its facts rather than once per fact.
const paragraphCache = new WeakMap<ArticlePlace, {text: string; ranges: Range[]}>();

function paragraphsOf(article: ArticlePlace, text: string): Range[] {
  let cached = paragraphCache.get(article);
  if (cached?.text !== text) paragraphCache.set(article, (cached = {text, ranges: paragraphs(text)}));
  return cached.ranges;
}

/** The first range that ends at or after `at` (the last when none does). */
function rangeAt(ranges: Range[], at: number): Range {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid].end >= at) hi = mid;
    else lo = mid + 1;
  }
  return ranges[lo];
}

function sentenceAround(text: string, start: number, end: number, paragraph: Range): Range {
  let from = start;
  while (from > paragraph.start && !SENTENCE_END.has(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < paragraph.end && !SENTENCE_END.has(text.charCodeAt(to))) to++;
  return {start: from, end: Math.min(paragraph.end, to + 1)};
}
