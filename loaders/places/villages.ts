// Villages the register lacks, found by their 村/社区 suffix among the scan's matches.
import {charTable, isHan, isWhiteSpace} from "../chars.js";
import {NOT_VILLAGE_NAMES, VILLAGE_FIRST_EXTRA} from "../data/place-aliases.js";
import {SURNAME_CHARS, SURNAMES_AS_FUNCTION_WORDS} from "../data/surnames.js";
import {endsVillage} from "./scan.js";
import {BOUNDARY, type RawMatch} from "./types.js";

/** First characters of village names: surnames (but those that are mostly function words) and VILLAGE_FIRST_EXTRA,
 * by code unit (a character outside the BMP, two code units, could never be matched one unit at a time). */
export const VILLAGE_FIRST = charTable(
  [...SURNAME_CHARS, ...VILLAGE_FIRST_EXTRA]
    .filter((c) => c.length === 1 && !SURNAMES_AS_FUNCTION_WORDS.includes(c))
    .join("")
);

/** Whether a village name may start with the code unit at `k`: VILLAGE_FIRST and not BOUNDARY. */
const villageFirstAt = (text: string, k: number) => {
  const c = text.charCodeAt(k);
  return VILLAGE_FIRST[c] === 1 && BOUNDARY[c] !== 1;
};

/** Whether every code unit of text[start, end) is a Chinese character. */
export function allHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHan(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a word can start at `start`: the text begins there, or the last character before it (spaces skipped) is
 * not Chinese or is a boundary character (在, 到, 了 …). */
export function wordStartsAt(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && isWhiteSpace(text.charCodeAt(k))) k--;
  return k < 0 || !isHan(text.charCodeAt(k)) || BOUNDARY[text.charCodeAt(k)] === 1;
}

/** Adds villages the register lacks, named by their 村/社区 suffix: after a town, county, zone or village
 * (`张秋镇李堤口村`, `九和社区单光屯村`), or standing alone with a village-like name (`走进了马庙村`). */
export function withVillagePatterns(text: string, raw: RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  let r = 0;
  for (let k = text.indexOf("村"), s = text.indexOf("社区"); k >= 0 || s >= 0;) {
    const isCun = k >= 0 && (s < 0 || k < s);
    const at = isCun ? k : s;
    const suffixEnd = at + (isCun ? 1 : 2);
    if (isCun) k = text.indexOf("村", k + 1);
    else s = text.indexOf("社区", s + 2);
    while (r < raw.length && raw[r].end <= at) out.push(raw[r++]);
    const covering = r < raw.length && raw[r].start <= at ? raw[r] : null;
    if (covering && !(isVillageMatch(covering) && covering.end === suffixEnd)) continue;
    if (isCun && !endsVillage(text, suffixEnd)) continue;
    const previous = out.at(-1);
    const bare = previous && previous.forms.length > 0 && previous.forms.every((f) => f.kind === "bare");
    const from = bare ? null : previous;
    const gapStart = from ? from.end : -1;
    let name: string | null = null;
    let start = -1;
    // Each test on characters before any slice: this runs at every 村 and 社区 of the text.
    if (from && at - gapStart >= 1 && at - gapStart <= 4) {
      if (
        villageFirstAt(text, gapStart) &&
        allHan(text, gapStart, at) &&
        !NOT_VILLAGE_NAMES.has(text.slice(gapStart, at))
      ) {
        if (!covering) [name, start] = [text.slice(gapStart, suffixEnd), gapStart];
        else if (covering.start > gapStart) [name, start] = [text.slice(gapStart, suffixEnd), gapStart];
        else start = covering.start;
      }
    }
    if (start < 0 && covering && !covering.extra && covering.start - 1 >= (previous?.end ?? 0)) {
      const first = covering.start - 1;
      if (villageFirstAt(text, first) && wordStartsAt(text, first))
        [name, start] = [text.slice(first, suffixEnd), first];
    }
    if (start < 0 && !covering && isCun) {
      for (let length = 3; length >= 2; length--) {
        const first = at - length;
        if (first < (previous?.end ?? 0)) continue;
        if (length === 3 && BOUNDARY[text.charCodeAt(first)]) continue;
        if (!VILLAGE_FIRST[text.charCodeAt(first)] || !allHan(text, first, at) || !wordStartsAt(text, first)) continue;
        const part = text.slice(first, at);
        if (!NOT_VILLAGE_NAMES.has(part) && !NOT_VILLAGE_NAMES.has(part.slice(1))) {
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
  for (let k = 0; k < out.length; k++) out[k].text = text.slice(out[k].start, out[k].end);
  return out;
}

export function isVillageMatch(match: RawMatch): boolean {
  return match.extra?.level === "village" || match.forms.some((f) => f.kind === "full" || f.kind === "bare");
}

/** Whether a name ends in 村 or 社区, as a village's does. */
export function endsWithVillageSuffix(name: string): boolean {
  return name.endsWith("村") || name.endsWith("社区");
}
