// One document of a run as the pool hands it out, and the result the engine gives when it cannot read a document:
// a document it fails on, or that runs past the watchdog's bound, is a rejected row with the reason.
import type {DocumentFile} from "./corpus.js";
import type {DocumentResult} from "../extract.js";
import type {DocumentRow} from "../types.js";

export interface Job {
  index: number;
  doc: string;
  path: DocumentFile["path"];
}

/** The documents row of a file the engine could not read: no text, so no dates, no articles. */
export function rejectedDocument(doc: string, reason: string): DocumentRow {
  const dates = {issue_date: null, year: null, date_source: null};
  const read = {doc, sha256: "", encoding: "", chars: 0, status: "rejected" as const, reason, masthead: null};
  return {...read, ...dates, decode_repairs: 0};
}

export function rejectedResult(doc: string, reason: string): DocumentResult {
  return {document: rejectedDocument(doc, reason), articles: [], facts: [], places: [], mentions: []};
}
