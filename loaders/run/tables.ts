// Assembling the corpus tables from per-document results: the places table counts what every document pointed to.
import {listDocuments} from "./corpus.js";
import type {DocumentResult} from "../extract.js";
import {loadGazetteer, placeRows, type Gazetteer, type Place} from "../gazetteer.js";
import {extractFiles, type PoolOptions} from "./pool.js";
import type {Tables} from "../schema.js";
import type {PlaceRow} from "../types.js";

export function placeTally() {
  const used = new Map<string, Place>();
  const mentions = new Map<string, number>();
  const facts = new Map<string, number>();
  return {
    add(result: DocumentResult): void {
      for (const place of result.places) used.set(place.code, place);
      for (const [code, n] of result.mentions) mentions.set(code, (mentions.get(code) ?? 0) + n);
      for (const fact of result.facts)
        if (fact.place_code) facts.set(fact.place_code, (facts.get(fact.place_code) ?? 0) + 1);
    },
    rows(gazetteer: Gazetteer): PlaceRow[] {
      return placeRows(gazetteer, used.values(), {mentions, facts});
    }
  };
}

/**
 * The four tables of a corpus from its documents' results, in listing order: rows appended document by document, the
 * places table counted over all of them. The cache (cache.ts) assembles its tables here too, so that tables made
 * from cached results are the tables of a cold run.
 */
export function assembleTables(results: Iterable<DocumentResult>, options: {prefecture?: string} = {}): Tables {
  const tables: Tables = {documents: [], articles: [], facts: [], places: []};
  const places = placeTally();
  let pointed = false;
  for (const result of results) {
    tables.documents.push(result.document);
    // One row at a time: spreading an unbounded array into push() overflows the stack.
    for (const article of result.articles) tables.articles.push(article);
    for (const fact of result.facts) tables.facts.push(fact);
    places.add(result);
    pointed ||= result.places.length > 0;
  }
  // No places, no rows: the gazetteer (a second to load) is needed only to give the chains of places pointed to.
  tables.places = pointed ? places.rows(loadGazetteer({prefecture: options.prefecture})) : [];
  return tables;
}

/** The four tables of a corpus in memory, for the site's data loaders and tests (the CLI streams instead). */
export async function extractTables(paths: string[], options: PoolOptions = {}): Promise<Tables> {
  const results: DocumentResult[] = [];
  for await (const result of extractFiles(listDocuments(paths), options)) results.push(result);
  return assembleTables(results, options);
}
