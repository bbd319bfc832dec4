// The rows of the data contract (../shared/CONTRACT.md) and the values passed between pipeline stages.
// Column names are fixed by the contract: add, never rename.

export type Kind = "households" | "persons" | "money" | "area" | "weight" | "count" | "age" | "percent" | "other";
export type Per = "day" | "month" | "year" | null;
export type Topic =
  | "industry"
  | "employment"
  | "housing"
  | "education"
  | "health"
  | "social_security"
  | "filial"
  | "pv"
  | "culture"
  | "infrastructure"
  | "other";
export type PlaceLevel = "province" | "city" | "county" | "zone" | "town" | "village";

/** A number-with-unit as read from a string, before it is placed and dated. Offsets index the scanned string. */
export interface Quantity {
  value: number;
  value_max: number | null;
  approx: boolean;
  raw: string;
  unit: string;
  currency: string | null;
  kind: Kind;
  per: Per;
  /** An average over households (户均, 每户) or persons (人均, 每人): not to be summed with totals. */
  per_entity?: "household" | "person";
  start: number;
  end: number;
}

/**
 * Where a date was found: printed on the page (masthead, 发布时间), the HTML page's metadata, the file's path, the
 * article's own dateline with its year (articles only), or inferred from the text.
 */
export type DateSource = "printed" | "meta" | "path" | "dateline" | "inferred";

export interface DocumentRow {
  doc: string;
  sha256: string;
  encoding: string;
  chars: number;
  status: "ok" | "rejected";
  reason: string | null;
  masthead: string | null;
  issue_date: string | null;
  year: number | null;
  /** Where issue_date (or, without one, year) was found; null when the page gives no date. */
  date_source: DateSource | null;
  /** Byte sequences that were not valid in the detected encoding and were replaced or re-decoded (decode.ts). */
  decode_repairs: number;
}

export interface ArticleRow {
  article_id: string;
  doc: string;
  seq: number;
  title: string;
  subtitle: string | null;
  kicker: string | null;
  byline: string | null;
  /** The source line that opened the report, as printed: 本报讯, 本报聊城3月15日讯, 开发区讯, 新华社北京11月18日电. */
  source: string | null;
  dateline: string | null;
  date: string | null;
  date_inferred: boolean;
  /** Where `date` came from: printed in the article's own dateline, else the page's date_source. */
  date_source: DateSource | null;
  place_code: string | null;
  place_name: string | null;
  /** Names that look like places (村, 社区, 镇, 乡, 街道) but could not be placed, each once in order, joined by 、. */
  unresolved_places: string | null;
  topic: Topic;
  is_poverty_relief: boolean;
  is_notice: boolean;
  text: string;
}

export interface FactRow extends Omit<Quantity, "start" | "end" | "per_entity"> {
  fact_id: string;
  per_entity: "household" | "person" | null;
  doc: string;
  article_id: string;
  subject: string | null;
  topic: Topic;
  /** The article's own flag, repeated so that sums over facts can keep to poverty relief without a join. */
  is_poverty_relief: boolean;
  place_code: string | null;
  place_name: string | null;
  county: string | null;
  town: string | null;
  village: string | null;
  date: string | null;
  date_inferred: boolean;
  /** The sentence of the figure: whole, or a window around the figure marked … where it was cut. */
  sentence: string;
  /** The sentence was longer than loaders/sentences.ts's SENTENCE_WINDOW and `sentence` is a window of it. */
  sentence_cut: boolean;
  start: number;
  end: number;
  /** Found in the article's headline (its sentence is the headline), not its body. */
  in_title: boolean;
  /** Adds up into totals (loaders/summable.ts): yuan or a count, not a rate, an average or a repeated headline. */
  summable: boolean;
}

export interface PlaceRow {
  place_code: string;
  name: string;
  level: PlaceLevel;
  parent_code: string | null;
  county_code: string | null;
  /** In the national register; false for the zones, their extra towns and villages the register lacks (own codes). */
  registered: boolean;
  pinyin: string;
  mentions: number;
  facts: number;
}
