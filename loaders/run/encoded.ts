// A document's result as a worker thread hands it to the writer: its rows already encoded as the table files' bytes
// (write.ts's encodeRows), so the main thread only appends them, plus the little the `places` table needs (the rows
// of the places it points to and its counts), so the main thread never builds a gazetteer. Across threads it travels
// packed (PackedResult): one string and one buffer, which is transferred, not copied, where the same rows as objects
// cost a third of a millisecond to clone, each way, per document.
import type {DocumentResult} from "../extract.js";
import {placePinyin, type Place} from "../gazetteer.js";
import {rejectedResult} from "./job.js";
import type {DocumentRow, PlaceRow} from "../types.js";
import {encodeRows, type Staging} from "./write.js";

export interface EncodedResult {
  document: DocumentRow;
  /** The bytes of this document's rows in each table file. */
  pieces: {documents: Uint8Array[]; articles: Uint8Array[]; facts: Uint8Array[]};
  /** Rows in its articles' and facts' pieces. */
  articles: number;
  facts: number;
  /** The `places` rows of every place it points to and their ancestors, with zero counts and no pinyin yet. */
  places: PlaceRow[];
  /** Place code → mentions of it in the text. */
  mentions: [string, number][];
  /** Place code → facts about it. */
  factPlaces: [string, number][];
}

/**
 * Encodes results for a writer. `placeRowsOf`: the `places` rows of a place and its ancestors, pinyin left to the
 * tally (extract-one.ts). A place's row goes with the first result of this encoder that points to it: the tally
 * keeps one row per place, and a row depends on the place alone.
 */
export function resultEncoder(
  staging: Staging,
  placeRowsOf: (place: Place) => PlaceRow[]
): (result: DocumentResult) => EncodedResult {
  const sent = new Set<string>();
  return (result) => {
    const places: PlaceRow[] = [];
    for (const place of result.places) {
      for (const row of placeRowsOf(place)) {
        if (sent.has(row.place_code)) continue;
        sent.add(row.place_code);
        places.push(row);
      }
    }
    const factPlaces = new Map<string, number>();
    for (const {place_code: code} of result.facts) if (code) factPlaces.set(code, (factPlaces.get(code) ?? 0) + 1);
    return {
      document: result.document,
      pieces: {
        documents: encodeRows("documents", staging, [result.document]),
        articles: encodeRows("articles", staging, result.articles),
        facts: encodeRows("facts", staging, result.facts)
      },
      articles: result.articles.length,
      facts: result.facts.length,
      places,
      mentions: result.mentions,
      factPlaces: [...factPlaces]
    };
  };
}

/** An EncodedResult as it crosses between threads. */
export interface PackedResult {
  /** JSON: everything but the bytes, and the bytes' length for each table. */
  meta: string;
  /** The documents', articles' and facts' bytes, one after the other, in a buffer of their own (to be transferred). */
  bytes: Uint8Array;
}

const PIECE_TABLES = ["documents", "articles", "facts"] as const;

export function packResult(result: EncodedResult): PackedResult {
  const {pieces, ...rest} = result;
  const lengths = PIECE_TABLES.map((table) => pieces[table].reduce((sum, piece) => sum + piece.byteLength, 0));
  const bytes = new Uint8Array(lengths[0] + lengths[1] + lengths[2]);
  let at = 0;
  for (const table of PIECE_TABLES) for (const piece of pieces[table]) (bytes.set(piece, at), (at += piece.byteLength));
  return {meta: JSON.stringify({...rest, lengths}), bytes};
}

export function unpackResult({meta, bytes}: PackedResult): EncodedResult {
  const {lengths, ...rest} = JSON.parse(meta) as Omit<EncodedResult, "pieces"> & {lengths: number[]};
  const pieces = {} as EncodedResult["pieces"];
  let at = 0;
  for (const [i, table] of PIECE_TABLES.entries()) {
    pieces[table] = lengths[i] ? [bytes.subarray(at, (at += lengths[i]))] : [];
  }
  return {...rest, pieces};
}

/** A document the engine gave no result for (it timed out, or its worker failed). */
export function encodeRejected(doc: string, reason: string, staging: Staging): EncodedResult {
  const {document} = rejectedResult(doc, reason);
  const none: Uint8Array[] = [];
  return {
    document,
    pieces: {documents: encodeRows("documents", staging, [document]), articles: none, facts: none},
    articles: 0,
    facts: 0,
    places: [],
    mentions: [],
    factPlaces: []
  };
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
