// Names that look like places but that the gazetteer cannot place: villages with no town to sit under, and 镇, 乡
// or 街道 names the register lacks (it holds every town of the country). They become `articles.unresolved_places`.
import {NOT_PLACE_WORDS, NOT_VILLAGE_NAMES, WORDS_STARTING_XIANG} from "../data/place-aliases.js";
import {villageCore, type Gazetteer} from "../gazetteer.js";
import type {PlaceLevel} from "../types.js";
import {charTable} from "../chars.js";
import {BOUNDARY, type PlaceMention, type RawMatch} from "./types.js";
import {endsWithVillageSuffix} from "./villages.js";
import {allHan, VILLAGE_FIRST, wordStartsAt} from "./villages.js";

/** The name of a village a match that resolved to no place names: a village the register lacks (the 村/社区
 * pattern), or a register village's name several towns share, unless it is also an ordinary word (和谐村). */
export function unplacedVillage(match: RawMatch, gazetteer: Gazetteer): string | null {
  const name = match.pattern ?? (endsWithVillageSuffix(match.text) ? match.text : null);
  if (!name || NOT_PLACE_WORDS.has(name) || NOT_VILLAGE_NAMES.has(villageCore(name))) return null;
  for (let k = 0; k < match.forms.length; k++) {
    if (gazetteer.places.get(match.forms[k].code)?.level !== "village") return null;
  }
  return name;
}

export const TOWN_SUFFIXES = ["镇", "乡", "街道"];
const XIANG = "乡".charCodeAt(0);
// The second characters of the words 乡 starts (乡村, 乡亲 …), by code unit.
const XIANG_WORD_ENDS = charTable([...WORDS_STARTING_XIANG].join(""));
const TOWN_PARENT_LEVELS = new Set<PlaceLevel>(["province", "city", "county", "zone"]);

/** Where the next 镇, 乡 and 街道 of a text are (-1 when there is none), and which of them comes first. */
export interface SuffixCursor {
  text: string;
  at: number[];
  first: number;
}

export function suffixCursor(text: string): SuffixCursor {
  const cursor = {text, at: [text.indexOf("镇"), text.indexOf("乡"), text.indexOf("街道")], first: -1};
  firstSuffix(cursor);
  return cursor;
}

function firstSuffix(cursor: SuffixCursor): void {
  const {at} = cursor;
  cursor.first = -1;
  for (let i = 0; i < at.length; i++) {
    if (at[i] >= 0 && (cursor.first < 0 || at[i] < at[cursor.first])) cursor.first = i;
  }
}

/** The 镇, 乡 and 街道 names before `end` that no match covers (the matches end at or before `from`), each pushed
 * to `out` when unplacedTown takes it for a name; the cursor moves past them. */
export function unplacedTowns(
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
  if (text.charCodeAt(at) === XIANG && XIANG_WORD_ENDS[text.charCodeAt(end)]) return null;
  let first = -1;
  const gap = at - from;
  if (adjacent && TOWN_PARENT_LEVELS.has(adjacent.place.level) && gap >= 2 && gap <= 4) {
    if (!BOUNDARY[text.charCodeAt(from)] && allHan(text, from, at)) first = from;
  }
  for (let length = 3; length >= 2 && first < 0; length--) {
    const start = at - length;
    if (start < from || (length === 3 && BOUNDARY[text.charCodeAt(start)])) continue;
    if (VILLAGE_FIRST[text.charCodeAt(start)] && allHan(text, start, at) && wordStartsAt(text, start)) first = start;
  }
  if (first < 0 || NOT_VILLAGE_NAMES.has(text.slice(first, at))) return null;
  for (let k = end - 2; k >= first; k--) if (NOT_PLACE_WORDS.has(text.slice(k, end))) return null;
  return text.slice(first, end);
}
