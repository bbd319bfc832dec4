// The contract's tables as column lists with their types: one order for every format, and the schema Parquet is
// written with (so an empty table still has its columns and types).
import type {ArticleRow, DocumentRow, FactRow, PlaceRow} from "./types.js";

type ColumnType = "VARCHAR" | "DOUBLE" | "INTEGER" | "BOOLEAN";
type Schema<Row> = {[K in keyof Row]-?: ColumnType};

export const documentsSchema: Schema<DocumentRow> = {
  doc: "VARCHAR",
  sha256: "VARCHAR",
  encoding: "VARCHAR",
  chars: "INTEGER",
  status: "VARCHAR",
  reason: "VARCHAR",
  masthead: "VARCHAR",
  issue_date: "VARCHAR",
  year: "INTEGER",
  date_source: "VARCHAR",
  decode_repairs: "INTEGER"
};

export const articlesSchema: Schema<ArticleRow> = {
  article_id: "VARCHAR",
  doc: "VARCHAR",
  seq: "INTEGER",
  title: "VARCHAR",
  subtitle: "VARCHAR",
  kicker: "VARCHAR",
  byline: "VARCHAR",
  source: "VARCHAR",
  dateline: "VARCHAR",
  date: "VARCHAR",
  date_inferred: "BOOLEAN",
  date_source: "VARCHAR",
  place_code: "VARCHAR",
  place_name: "VARCHAR",
  unresolved_places: "VARCHAR",
  topic: "VARCHAR",
  is_poverty_relief: "BOOLEAN",
  is_notice: "BOOLEAN",
  text: "VARCHAR"
};

export const factsSchema: Schema<FactRow> = {
  fact_id: "VARCHAR",
  doc: "VARCHAR",
  article_id: "VARCHAR",
  value: "DOUBLE",
  value_max: "DOUBLE",
  approx: "BOOLEAN",
  raw: "VARCHAR",
  unit: "VARCHAR",
  currency: "VARCHAR",
  kind: "VARCHAR",
  per: "VARCHAR",
  per_entity: "VARCHAR",
  subject: "VARCHAR",
  topic: "VARCHAR",
  is_poverty_relief: "BOOLEAN",
  place_code: "VARCHAR",
  place_name: "VARCHAR",
  county: "VARCHAR",
  town: "VARCHAR",
  village: "VARCHAR",
  date: "VARCHAR",
  date_inferred: "BOOLEAN",
  sentence: "VARCHAR",
  sentence_cut: "BOOLEAN",
  start: "INTEGER",
  end: "INTEGER",
  in_title: "BOOLEAN",
  summable: "BOOLEAN"
};

export const placesSchema: Schema<PlaceRow> = {
  place_code: "VARCHAR",
  name: "VARCHAR",
  level: "VARCHAR",
  parent_code: "VARCHAR",
  county_code: "VARCHAR",
  registered: "BOOLEAN",
  pinyin: "VARCHAR",
  mentions: "INTEGER",
  facts: "INTEGER"
};

export const schemas = {
  documents: documentsSchema,
  articles: articlesSchema,
  facts: factsSchema,
  places: placesSchema
} as const;

export type TableName = keyof typeof schemas;
export interface Tables {
  documents: DocumentRow[];
  articles: ArticleRow[];
  facts: FactRow[];
  places: PlaceRow[];
}
