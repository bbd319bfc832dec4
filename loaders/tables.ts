// Assembling the corpus tables from per-document results: the places table counts what every document pointed to.
import {listDocuments} from "./corpus.js";
import type {DocumentResult} from "./extract.js";
import {loadGazetteer, placeRows, type Gazetteer, type Place} from "./gazetteer.js";
import {extractFiles, type PoolOptions} from "./pool.js";
import type {Tables} from "./schema.js";
import type {PlaceRow} from "./types.js";

export function placeTally() {
  const used = new Map<string, Place>();
  const mentions = new Map<string, number>();
  const facts = new Map<string, number>();
  return {
    add(result: DocumentResult): void {
      for (const place of result.places) used.set(place.code, place);
      for (const [code, n] of result.mentions) mentions.set(code, (mentions.get(code) ?? 0) + n);
      for (const fact of result.facts) if (fact.place_code) facts.set(fact.place_code, (facts.get(fact.place_code) ?? 0) + 1);
    },
    rows(gazetteer: Gazetteer): PlaceRow[] {
      return placeRows(gazetteer, used.values(), {mentions, facts});
    }
  };
}

/** The four tables of a corpus in memory, for the site's data loaders and tests (the CLI streams instead). */
export async function extractTables(paths: string[], options: PoolOptions = {}): Promise<Tables> {
  const tables: Tables = {documents: [], articles: [], facts: [], places: []};
  const places = placeTally();
  for await (const result of extractFiles(listDocuments(paths), options)) {
    tables.documents.push(result.document);
    tables.articles.push(...result.articles);
    tables.facts.push(...result.facts);
    places.add(result);
  }
  tables.places = places.rows(loadGazetteer({prefecture: options.prefecture}));
  return tables;
}
