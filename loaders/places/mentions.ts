// Place mentions in a string: the scan, then the villages the register lacks, then resolution in context.
import type {Gazetteer, Place} from "../gazetteer.js";
import {resolve} from "./resolve.js";
import {emptyMemo, scan, scanMemo, type ScanMemo} from "./scan.js";
import type {FindOptions, PlaceMention} from "./types.js";
import {withVillagePatterns} from "./villages.js";

export function findPlaceMentions(text: string, gazetteer: Gazetteer, options: FindOptions = {}): PlaceMention[] {
  return findWithMemo(text, gazetteer, options, null);
}

/** `unresolved`, when given, receives the place names the scan found but could not place (see resolve). */
export function findWithMemo(
  text: string,
  gazetteer: Gazetteer,
  options: FindOptions,
  memo: ScanMemo | null,
  unresolved: string[] | null = null
): PlaceMention[] {
  const context = options.context ?? [];
  const bareTowns = context.length ? townsOfBareNames(context) : NO_TOWNS;
  if (memo?.text !== text) memo = scanMemo(emptyMemo(), text, gazetteer);
  const towns = bareTowns.size ? [...bareTowns].sort().join() : "";
  memo.towns ??= towns;
  const extra = options.extra?.size ? options.extra : null;
  const raw = withVillagePatterns(text, scan(text, gazetteer, bareTowns, extra, memo, memo.towns === towns));
  return resolve(text, raw, gazetteer, context, unresolved);
}

const NO_TOWNS: ReadonlySet<string> = new Set();

/** The towns whose villages a context lets the text name bare (徐庄 for 徐庄村): its town, or its village's town. */
function townsOfBareNames(context: Place[]): Set<string> {
  const towns = new Set<string>();
  for (const place of context) {
    if (place.level === "town") towns.add(place.code);
    if (place.level === "village" && place.parent_code) towns.add(place.parent_code);
  }
  return towns;
}
