// Filters for the facts and articles tables: scope, county (or zone), topic, year and kind, as one Inputs.form whose
// value is `{scope, county, topic, year, kind}`, null meaning all.
import * as Inputs from "npm:@observablehq/inputs";
import {kindLabel, topicLabel, topics} from "./format.js";

const all = "全部 all";

// Poverty relief first: the papers also report tourism, industry and pandemic news whose large sums (a 12亿元
// tourism plan) would swamp the relief figures a reader comes for; "all" is one click away.
export const scopes = {relief: "扶贫文章 poverty-relief articles", all: "全部文章 all articles"};

/** `"2020-08-31"` → `"2020"`; null when the date is unknown. */
export function yearOf(date) {
  return date == null ? null : (/^\d{4}/.exec(String(date))?.[0] ?? null);
}

function select(label, values, format, name) {
  const input = Inputs.select([null, ...values], {label, format: (d) => (d == null ? all : format(d))});
  input.querySelector("select").dataset.filter = name;
  return input;
}

/**
 * The filters for `rows` (cells of an aggregate, with `county`, `topic` and `year`, or articles with a `county` and a
 * `date`): the counties in `counties` order (names from
 * the towns table, with pinyin) that rows name, the topics in the contract's order, the years rows are dated to, and
 * with `kinds` a kind select whose first kind is chosen. `scope` is where the scope select starts (poverty relief unless
 * told), or false for no scope select.
 * @param {{county?: string | null, topic?: string | null, year?: number | null, date?: string | null}[]
 *   | import("arquero").ColumnTable} rows
 * @param {{counties?: {name: string, pinyin?: string}[], kinds?: string[], scope?: string | false, county?: boolean,
 *   topic?: boolean, year?: boolean}} [options]
 */
export function filterForm(
  rows,
  {counties = [], kinds, scope = "relief", county = true, topic = true, year = true} = {}
) {
  const {county: present, topic: topicsPresent, year: yearsPresent} = valuesOf(rows);
  const countyNames = [...new Set([...counties.map((d) => d.name), ...present])].filter((name) => present.has(name));
  const pinyin = new Map(counties.map((d) => [d.name, d.pinyin]));
  const topicNames = Object.keys(topics).filter((t) => topicsPresent.has(t));
  const years = [...yearsPresent].filter((d) => d).sort();
  const inputs = {};
  if (scope) {
    inputs.scope = Inputs.select(Object.keys(scopes), {label: "范围 scope", format: (d) => scopes[d], value: scope});
    inputs.scope.querySelector("select").dataset.filter = "scope";
  }
  if (kinds) {
    inputs.kind = Inputs.select(kinds, {label: "类别 kind", format: kindLabel, value: kinds[0]});
    inputs.kind.querySelector("select").dataset.filter = "kind";
  }
  if (county)
    inputs.county = select("县区 county", countyNames, (d) => (pinyin.has(d) ? `${d} ${pinyin.get(d)}` : d), "county");
  if (topic) inputs.topic = select("主题 topic", topicNames, topicLabel, "topic");
  if (year) inputs.year = select("年份 year", years, (d) => `${d}年`, "year");
  const form = Inputs.form(inputs);
  form.classList.add("filters");
  return form;
}

/**
 * The distinct counties, topics and years (a date's year) of rows, nulls left out. Rows may be an Arquero table (a
 * cube), whose columns are read as they are rather than made into an object per row.
 */
function valuesOf(rows) {
  const distinct = (values) => new Set(Array.from(values).filter((d) => d != null));
  if (typeof rows.array !== "function") {
    return {
      county: distinct(rows.map((d) => d.county)),
      topic: distinct(rows.map((d) => d.topic)),
      year: distinct(rows.map((d) => d.year ?? yearOf(d.date)))
    };
  }
  const columns = new Set(rows.columnNames());
  const column = (name) => (columns.has(name) ? rows.array(name) : []);
  const years = columns.has("year") ? column("year") : Array.from(column("date"), yearOf);
  return {county: distinct(column("county")), topic: distinct(column("topic")), year: distinct(years)};
}

/** The rows that pass the filters; `kind` only where the row has one. */
export function applyFilters(rows, {scope = "all", county = null, topic = null, year = null, kind = null} = {}) {
  return rows.filter(
    (d) =>
      (scope !== "relief" || d.is_poverty_relief) &&
      (county == null || d.county === county) &&
      (topic == null || d.topic === topic) &&
      (year == null || (d.year ?? yearOf(d.date)) === year) &&
      (kind == null || d.kind === undefined || d.kind === kind)
  );
}

/** The county-level units (counties, districts, the county-level city and the zones) of the towns table, in order. */
export function countiesOf(towns) {
  const byCode = new Map();
  for (const t of towns) {
    if (!byCode.has(t.county_code))
      byCode.set(t.county_code, {code: t.county_code, name: t.county, pinyin: t.county_pinyin});
  }
  return [...byCode.values()];
}

/** The counties, zones and towns of the towns table as `[{name, pinyin}]`, for placeLabeler's pinyin glosses. */
export function placeNames(towns) {
  return [
    ...countiesOf(towns).map(({name, pinyin}) => ({name, pinyin})),
    ...towns.map(({name, pinyin}) => ({name, pinyin}))
  ];
}
