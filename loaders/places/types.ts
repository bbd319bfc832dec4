// The shapes the place modules pass to one another and to the engine.
import {charTable} from "../chars.js";
import {chainOf, type FormKind, type Gazetteer, type NameForm, type Place} from "../gazetteer.js";
import type {PlaceLevel} from "../types.js";

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

/** A stretch of the scanned text that may name a place, before resolution. */
export interface RawMatch {
  start: number;
  end: number;
  forms: NameForm[];
  extra: Place | null;
  /** Name of a village the register lacks, found by its 村/社区 suffix. */
  pattern: string | null;
  text: string;
}

export interface Range {
  start: number;
  end: number;
}

export interface ArticlePlace {
  gazetteer: Gazetteer;
  place: PlaceRef | null;
  titleMentions: PlaceMention[];
  /** The text's mentions in order of start; they do not overlap. */
  mentions: PlaceMention[];
  /** Names in the title and text that look like places but could not be placed, each once, in order of first
   * appearance: the `unresolved_places` of the articles table. */
  unresolved: string[];
}

// A place's ref, made once: every fact placed there shares it (nothing changes a PlaceRef once made).
const refs = new WeakMap<Place, PlaceRef>();

export function placeRef(gazetteer: Gazetteer, place: Place): PlaceRef {
  let ref = refs.get(place);
  if (!ref) refs.set(place, (ref = makePlaceRef(gazetteer, place)));
  return ref;
}

function makePlaceRef(gazetteer: Gazetteer, place: Place): PlaceRef {
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

/** Characters that end a word before a place name (在, 到, 了 …): after one, a name may start. */
export const BOUNDARY_CHARS = "了在到进是和与及从对为由将把被向给往赴至于的来去";
/** BOUNDARY_CHARS by code unit: `BOUNDARY[text.charCodeAt(k)]`, read with no string made (undefined past the ends). */
export const BOUNDARY = charTable(BOUNDARY_CHARS);

/** Words looked for at a position, with a table of the code unit each would have next to it: where that unit is not
 * there, one read rules them all out. */
export interface WordSet {
  words: readonly string[];
  /** Marks each word's first code unit (wordsStarting) or last (wordsEnding). */
  edge: Uint8Array;
  longest: number;
}

export function wordsStarting(words: readonly string[]): WordSet {
  return {words, edge: charTable(words.map((w) => w[0]).join("")), longest: longest(words)};
}

export function wordsEnding(words: readonly string[]): WordSet {
  return {words, edge: charTable(words.map((w) => w.at(-1)).join("")), longest: longest(words)};
}

const longest = (words: readonly string[]) => words.reduce((most, w) => Math.max(most, w.length), 0);

/** Whether one of the words starts at `at`. */
export function startsAny(text: string, at: number, set: WordSet): boolean {
  if (at >= 0 && !set.edge[text.charCodeAt(at)]) return false;
  for (let k = 0; k < set.words.length; k++) if (text.startsWith(set.words[k], at)) return true;
  return false;
}

/** Whether one of the words ends at `at`. As the rule always has, startsWith reads a position before 0 as 0: near
 * the start of the text every word is tried. */
export function endsAnyBefore(text: string, at: number, set: WordSet): boolean {
  if (at >= set.longest && !set.edge[text.charCodeAt(at - 1)]) return false;
  for (let k = 0; k < set.words.length; k++) if (text.startsWith(set.words[k], at - set.words[k].length)) return true;
  return false;
}
