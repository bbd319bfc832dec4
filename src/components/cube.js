// The pre-aggregated tables of src/data/cubes.zip.ts (facts, articles and villages summed by place, period, topic, kind and
// scope), filtered and grouped in the page with Arquero. A cell's `sum` already keeps to the facts that add up (the
// engine's `summable` column); `n` counts every fact or article of the cell.
import * as aq from "npm:arquero";
import {op} from "npm:arquero";
import {gunzip} from "./rangeRead.js";

/**
 * An Arquero table from an aggregate's gzipped Arrow IPC bytes (src/data/cubes.zip.ts):
 * `FileAttachment("data/cubes/facts.arrow.gz").arrayBuffer().then(loadCube)`. A host that serves `.gz` with
 * `Content-Encoding: gzip` has the browser inflate it already, so the bytes are inflated only when they start with
 * gzip's magic number (Arrow's start with "ARROW1" or 0xFFFFFFFF). (Arquero reads Arrow itself; a bare `.arrow`
 * FileAttachment would make Framework preload Apache Arrow, 200 kB the page does not need.)
 */
export async function loadCube(buffer) {
  const bytes = new Uint8Array(buffer);
  return aq.fromArrow(bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes) : bytes);
}

/**
 * The cells that pass the filters, null meaning all: `scope` ("relief" or "all"), `county` (a name) or `county_code`,
 * `town_code`, `topic`, `year` and `kind` (where cells have one).
 * @param {import("arquero").ColumnTable} cube
 * @param {{scope?: string, county?: string | null, county_code?: string | null, town_code?: string | null,
 *   topic?: string | null, year?: number | null, kind?: string | null}} [filters]
 */
export function filterCube(
  cube,
  {scope = "all", county = null, county_code, town_code, topic = null, year = null, kind = null} = {}
) {
  const params = {county, county_code, town_code, topic, year, kind};
  const clauses = [];
  if (scope === "relief") clauses.push("relief");
  for (const name of ["county", "topic", "year"]) if (params[name] != null) clauses.push(name);
  for (const name of ["county_code", "town_code"]) if (params[name] !== undefined) clauses.push(name);
  // Cells without a kind (articles) pass a kind filter.
  if (kind != null && cube.columnNames().includes("kind")) clauses.push("kind");
  return whereCube(cube, clauses, params);
}

// Tables are never changed in place, so a filter's result is kept with the table it filtered: a page's cells ask for
// the same cells more than once (the relief scope for the totals and again for the charts; each kind for a total and
// again for a chart), and each ask would parse the expression and scan the cube again.
const filtered = new WeakMap();

// Arquero compiles a filter given as an expression into reads of the columns, a third of the time of a JavaScript
// function passed through aq.escape (called with a row object for every row). The expression names only the clauses
// in force and takes the values as parameters ($), so no value is ever spliced into code. A clause on a column the
// cube lacks passes no cell, as `d.column === value` would.
function whereCube(cube, clauses, params) {
  if (!clauses.length) return cube;
  let results = filtered.get(cube);
  if (!results) filtered.set(cube, (results = new Map()));
  const key = JSON.stringify(clauses.map((c) => [c, params[c] ?? null]));
  let result = results.get(key);
  if (!result) {
    const columns = new Set(cube.columnNames());
    if (!clauses.every((c) => columns.has(c))) result = cube.filter(() => false);
    else {
      const test = clauses.map((c) => (c === "relief" ? "d.relief" : `d.${c} === $.${c}`)).join(" && ");
      result = cube.params(params).filter(`(d, $) => ${test}`);
    }
    results.set(key, result);
  }
  return result;
}

/** Only the cells of one kind. */
export function ofKind(cube, kind) {
  return whereCube(cube, ["kind"], {kind});
}

/**
 * `[{key, value}]`: by `key` (a column), the sum of what adds up of a kind (`kind`), or with no kind the number of
 * facts or articles. Rows whose key is null are kept, as null.
 * @param {import("arquero").ColumnTable} cube
 * @param {string} key a column of the cube
 * @param {{kind?: string | null}} [options]
 * @returns {{key: any, value: number}[]}
 */
export function sumsBy(cube, key, {kind = null} = {}) {
  const cells = kind ? ofKind(cube, kind) : cube;
  if (!cells.numRows()) return [];
  const rolled = cells
    .groupby(key)
    .rollup({value: kind ? op.sum("sum") : op.sum("n"), summed: op.sum(kind ? "n_summable" : "n")})
    .filter((d) => d.summed > 0);
  return rolled.objects().map((d) => ({key: d[key] ?? null, value: d.value}));
}

/** The sum of what adds up of a kind. */
export function totalOf(cube, kind) {
  const cells = ofKind(cube, kind);
  return cells.numRows() ? cells.rollup({value: op.sum("sum")}).get("value", 0) : 0;
}

/** How many facts (or articles) the cells hold; `summable` counts only those that add up. */
export function countOf(cube, {summable = false} = {}) {
  return cube.numRows() ? cube.rollup({n: op.sum(summable ? "n_summable" : "n")}).get("n", 0) : 0;
}

/** The distinct values of a column, nulls left out, sorted. */
export function valuesOf(cube, column) {
  return cube.numRows() ? [...new Set(cube.array(column))].filter((d) => d != null).sort() : [];
}
