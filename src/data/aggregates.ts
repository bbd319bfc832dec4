// The small tables the overview, funds, households, coverage, county and town pages draw from: sums and counts of
// the facts and articles by place, year, topic, kind and scope. Their size grows with places × years × topics ×
// kinds, which are bounded, not with the number of facts or articles. What adds up is the engine's `summable` column
// (loaders/summable.ts), never decided again here.
import type {ArticleRow, FactRow, PlaceRow} from "../../loaders/types.js";
import {latestFirst} from "../components/latestFirst.js";
import {placeChain} from "./placeChain.js";

type Key = (string | boolean | null)[];

/** Groups rows by a key of a few columns, adding each row into its group's totals. */
function rollup<Row, Totals>(
  rows: Iterable<Row>,
  key: (row: Row) => Key,
  zero: () => Totals,
  add: (t: Totals, row: Row) => void
) {
  const groups = new Map<string, {key: Key; totals: Totals}>();
  for (const row of rows) {
    const k = key(row);
    const id = JSON.stringify(k);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = {key: k, totals: zero()}));
    add(group.totals, row);
  }
  // Sorted by key, so the same corpus always gives the same bytes.
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
}

const yearOf = (date: string | null) => (date && /^\d{4}/.test(date) ? date.slice(0, 4) : null);

interface FactTotals {
  n: number;
  n_summable: number;
  sum: number;
}

/** What a fact cell and a village cell total: every fact counted, the summable ones (summable.ts) also summed. */
const newFactTotals = (): FactTotals => ({n: 0, n_summable: 0, sum: 0});
function addFact(t: FactTotals, f: FactRow): void {
  t.n++;
  if (f.summable) (t.n_summable++, (t.sum += f.value));
}

export interface FactCell {
  county_code: string | null;
  /** The fact's own `county`, the name the SQL page and the detail tables filter on. */
  county: string | null;
  town_code: string | null;
  town: string | null;
  year: string | null;
  topic: string;
  kind: string;
  relief: boolean;
  /** Facts in the cell. */
  n: number;
  /** Of them, those that add up. */
  n_summable: number;
  /** The sum of their values (yuan for money). */
  sum: number;
}

/**
 * Facts by county or zone, town, year, topic, kind and scope (poverty relief or not). By year, not month: no chart
 * draws months, which made a fifth more cells (17,600 rather than 14,500 at 1,000 pages).
 */
export function factCube(facts: readonly FactRow[], places: readonly PlaceRow[]): FactCell[] {
  const chain = placeChain(places);
  const cells = rollup(
    facts,
    (f) => {
      const town = chain.townOf(f.place_code);
      return [
        chain.countyOf(f.place_code),
        f.county,
        town,
        chain.nameOf(town),
        yearOf(f.date),
        f.topic,
        f.kind,
        f.is_poverty_relief
      ];
    },
    newFactTotals,
    addFact
  );
  return cells.map(
    ({key: [county_code, county, town_code, town, year, topic, kind, relief], totals}) =>
      ({
        county_code,
        county,
        town_code,
        town,
        year,
        topic,
        kind,
        relief,
        ...totals
      }) as FactCell
  );
}

export interface VillageCell {
  town_code: string | null;
  village: string;
  /** The village's pinyin, from the places table. */
  pinyin: string | null;
  year: string | null;
  topic: string;
  kind: string;
  relief: boolean;
  n: number;
  n_summable: number;
  sum: number;
}

/** Facts naming a village, by town, village, year, topic, kind and scope (for the town pages' village charts). */
export function villageCube(facts: readonly FactRow[], places: readonly PlaceRow[]): VillageCell[] {
  const chain = placeChain(places);
  const pinyin = new Map(places.filter((p) => p.level === "village").map((p) => [p.name, p.pinyin]));
  const cells = rollup(
    facts.filter((f) => f.village != null),
    (f) => [
      chain.townOf(f.place_code),
      f.village,
      pinyin.get(f.village!) ?? null,
      yearOf(f.date),
      f.topic,
      f.kind,
      f.is_poverty_relief
    ],
    newFactTotals,
    addFact
  );
  return cells.map(
    ({key: [town_code, village, pinyin, year, topic, kind, relief], totals}) =>
      ({
        town_code,
        village,
        pinyin,
        year,
        topic,
        kind,
        relief,
        ...totals
      }) as VillageCell
  );
}

export interface ArticleCell {
  county_code: string | null;
  county: string | null;
  town_code: string | null;
  year: string | null;
  topic: string;
  relief: boolean;
  n: number;
}

/** Articles by the county or zone and town of their main place, year, topic and scope. */
export function articleCube(articles: readonly ArticleRow[], places: readonly PlaceRow[]): ArticleCell[] {
  const chain = placeChain(places);
  const cells = rollup(
    articles,
    (a) => {
      const county = chain.countyOf(a.place_code);
      return [county, chain.nameOf(county), chain.townOf(a.place_code), yearOf(a.date), a.topic, a.is_poverty_relief];
    },
    () => ({n: 0}),
    (t) => void t.n++
  );
  return cells.map(
    ({key: [county_code, county, town_code, year, topic, relief], totals}) =>
      ({
        county_code,
        county,
        town_code,
        year,
        topic,
        relief,
        ...totals
      }) as ArticleCell
  );
}

export interface LatestArticle {
  article_id: string;
  date: string | null;
  date_inferred: boolean;
  title: string | null;
  subtitle: string | null;
  place_name: string | null;
  county_code: string | null;
  county: string | null;
  town_code: string | null;
  topic: string;
  is_poverty_relief: boolean;
  doc: string;
  seq: number;
  facts: number;
}

/**
 * The latest `limit` articles overall and of each county or zone, topic and year, in each scope (all articles, and
 * poverty-relief ones): a list bounded by those few dimensions, from which the overview's filters pick its latest
 * articles.
 */
export function latestArticles(
  articles: readonly ArticleRow[],
  facts: readonly FactRow[],
  places: readonly PlaceRow[],
  {limit = 20} = {}
): LatestArticle[] {
  const chain = placeChain(places);
  const factCounts = new Map<string, number>();
  for (const f of facts) factCounts.set(f.article_id, (factCounts.get(f.article_id) ?? 0) + 1);
  const rows: LatestArticle[] = articles.map((a) => {
    const county = chain.countyOf(a.place_code);
    return {
      article_id: a.article_id,
      date: a.date,
      date_inferred: a.date_inferred,
      title: a.title,
      subtitle: a.subtitle,
      place_name: a.place_name,
      county_code: county,
      county: chain.nameOf(county),
      town_code: chain.townOf(a.place_code),
      topic: a.topic,
      is_poverty_relief: a.is_poverty_relief,
      doc: a.doc,
      seq: a.seq,
      facts: factCounts.get(a.article_id) ?? 0
    };
  });
  rows.sort(latestFirst);
  const kept = new Set<LatestArticle>();
  const taken = new Map<string, number>();
  for (const row of rows) {
    const groups = ["", `c${row.county_code}`, `t${row.topic}`, `y${yearOf(row.date)}`];
    for (const group of groups) {
      for (const scope of row.is_poverty_relief ? ["all", "relief"] : ["all"]) {
        const id = `${scope}/${group}`;
        const n = taken.get(id) ?? 0;
        if (n < limit) (taken.set(id, n + 1), kept.add(row));
      }
    }
  }
  return rows.filter((row) => kept.has(row));
}
