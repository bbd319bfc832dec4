// One document of a run as the pool hands it out, and the result the engine gives when it cannot read a document:
// a document it fails on, or that runs past the watchdog's bound, is a rejected row with the reason.
import type {DocumentFile} from "./corpus.js";
import type {DocumentResult} from "./extract.js";

export interface Job {
  index: number;
  doc: string;
  path: DocumentFile["path"];
}

export function rejectedResult(doc: string, reason: string): DocumentResult {
  return {
    document: {
      doc,
      sha256: "",
      encoding: "",
      chars: 0,
      status: "rejected",
      reason,
      masthead: null,
      issue_date: null,
      year: null
    },
    articles: [],
    facts: [],
    places: [],
    mentions: []
  };
}
