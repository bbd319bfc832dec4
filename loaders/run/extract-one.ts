// The engine's side of a run, for worker.ts and for pool.ts when it extracts in its own thread (imported only then,
// so a thread that only writes never loads the engine, its gazetteer or pinyin-pro).
import {extractDocument, type DocumentResult} from "../extract.js";
import {readDocumentFile} from "./corpus.js";
import {chainOf, type Gazetteer, type Place} from "../gazetteer.js";
import {rejectedResult, type Job} from "./job.js";
import type {PlaceRow} from "../types.js";

export {loadGazetteer} from "../gazetteer.js";

/**
 * One file through the engine. A file that cannot be read, and an exception of the engine's (a stack overflow, a bug),
 * are a rejected document with the reason: the run goes on.
 */
export function extractOne({doc, path}: Job, gazetteer: Gazetteer): DocumentResult {
  try {
    // A path held as bytes (a name that is not UTF-8) arrives from another thread as a plain Uint8Array.
    const read = readDocumentFile(typeof path === "string" ? path : (Buffer.from(path as Uint8Array) as never));
    if ("reason" in read) return rejectedResult(doc, read.reason);
    return extractDocument(doc, read.bytes, gazetteer);
  } catch (error) {
    return rejectedResult(doc, `engine failed: ${(error as Error)?.message ?? String(error)}`);
  }
}

/**
 * The `places` rows of a place's chain (as gazetteer.ts's placeRows gives them, unsorted), made once per place: the
 * same places are found on page after page. Their pinyin is left empty for the writing thread to fill in
 * (encoded.ts): the romanisation library takes a tenth of a second of CPU to load, paid there once, while the
 * workers start, rather than in every worker before its first document.
 */
export function placeRowsOf(gazetteer: Gazetteer): (place: Place) => PlaceRow[] {
  const memo = new Map<string, PlaceRow[]>();
  return (place) => {
    let rows = memo.get(place.code);
    if (!rows) memo.set(place.code, (rows = chainOf(gazetteer, place).map(placeRowWithoutPinyin)));
    return rows;
  };
}

function placeRowWithoutPinyin(p: Place): PlaceRow {
  const {code: place_code, name, level, parent_code, county_code, registered} = p;
  return {place_code, name, level, parent_code, county_code, registered, pinyin: "", mentions: 0, facts: 0};
}
