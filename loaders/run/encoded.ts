// A document's result as a worker thread hands it to the writer: its rows already encoded as the table files' bytes
// (write.ts's encodeRows), so the main thread only appends them, plus the little the `places` table needs (the rows
// of the places it points to and its counts), so the main thread never builds a gazetteer.
import type {DocumentResult} from "../extract.js";
import {placePinyin, type Place} from "../gazetteer.js";
import {rejectedResult} from "./job.js";
import type {DocumentRow, PlaceRow} from "../types.js";
import {encodeRows, type Staging} from "./write.js";

export interface EncodedResult {
  document: DocumentRow;
  /** The bytes of this document's rows in each table file. */
  pieces: {documents: Uint8Array[]; articles: Uint8Array[]; facts: Uint8Array[]};
  facts: number;
  /** The `places` rows of every place it points to and their ancestors, with zero counts and no pinyin yet. */
  places: PlaceRow[];
  /** Place code → mentions of it in the text. */
  mentions: [string, number][];
  /** Place code → facts about it. */
  factPlaces: [string, number][];
}

/** `placeRowsOf`: the `places` rows of a place and its ancestors, pinyin left to the tally (extract-one.ts). */
export function encodeResult(
  result: DocumentResult,
  staging: Staging,
  placeRowsOf: (place: Place) => PlaceRow[]
): EncodedResult {
  const places = new Map<string, PlaceRow>();
  for (const place of result.places) for (const row of placeRowsOf(place)) places.set(row.place_code, row);
  const factPlaces = new Map<string, number>();
  for (const {place_code: code} of result.facts) if (code) factPlaces.set(code, (factPlaces.get(code) ?? 0) + 1);
  return {
    document: result.document,
    pieces: {
      documents: encodeRows("documents", staging, [result.document]),
      articles: encodeRows("articles", staging, result.articles),
      facts: encodeRows("facts", staging, result.facts)
    },
    facts: result.facts.length,
    places: [...places.values()],
    mentions: result.mentions,
    factPlaces: [...factPlaces]
  };
}

/** A document the engine gave no result for (it timed out, or its worker failed). */
export function encodeRejected(doc: string, reason: string, staging: Staging): EncodedResult {
  const {document} = rejectedResult(doc, reason);
  const none: Uint8Array[] = [];
  return {
    document,
    pieces: {documents: encodeRows("documents", staging, [document]), articles: none, facts: none},
    facts: 0,
    places: [],
    mentions: [],
    factPlaces: []
  };
}

/** The buffers of a result's pieces, to transfer rather than copy. */
export function transferList(result: EncodedResult): ArrayBuffer[] {
  const {documents, articles, facts} = result.pieces;
  return [documents, articles, facts].flatMap((pieces) => pieces.map((piece) => piece.buffer as ArrayBuffer));
}

/**
 * The `places` table from encoded results, in document order: as tables.ts's placeTally makes it from rows. `warm`
 * loads the romanisation library ahead, for a thread that is waiting anyway.
 */
export function encodedPlaceTally() {
  const rows = new Map<string, PlaceRow>();
  const mentions = new Map<string, number>();
  const facts = new Map<string, number>();
  return {
    warm(): void {
      placePinyin("聊城");
    },
    add(result: EncodedResult): void {
      for (const row of result.places) rows.set(row.place_code, row);
      for (const [code, n] of result.mentions) mentions.set(code, (mentions.get(code) ?? 0) + n);
      for (const [code, n] of result.factPlaces) facts.set(code, (facts.get(code) ?? 0) + n);
    },
    rows(): PlaceRow[] {
      return [...rows.values()]
        .sort((a, b) => (a.place_code < b.place_code ? -1 : a.place_code > b.place_code ? 1 : 0))
        .map((row) => ({
          ...row,
          pinyin: placePinyin(row.name),
          mentions: mentions.get(row.place_code) ?? 0,
          facts: facts.get(row.place_code) ?? 0
        }));
    }
  };
}
