// Detail rows queried, not shipped: a table over the corpus's DuckDB database (src/data/corpus.duckdb), which
// DuckDB-wasm attaches by URL and reads with HTTP range requests, so a page fetches the blocks its query needs. The
// table shows the first rows and the total, pages through the rest, and its downloads give every row the filters
// select. DuckDB (35 MB of wasm, cached by the browser) starts only when a table comes into view.
import * as Inputs from "npm:@observablehq/inputs";
import {tableDownloads, plainRows} from "./exports.js";
import {formatNumber} from "./format.js";
import {cellFormats} from "./dataTable.js";

const clients = new Map();

/**
 * A DuckDB client with a database file attached as `name` (queries say `corpus.facts`), made on first use and shared
 * by every table of the page. `file` is a FileAttachment of a `.duckdb` file.
 */
export function attachedDatabase(file, name = "corpus") {
  return () => {
    const key = `${name}\u0000${file.name}`;
    if (!clients.has(key)) {
      const client = import("npm:@observablehq/duckdb").then(({DuckDBClient}) => DuckDBClient.of({[name]: file}));
      client.catch(() => clients.delete(key));
      clients.set(key, client);
    }
    return clients.get(key);
  };
}

const identifier = (name) => `"${String(name).replaceAll('"', '""')}"`;

/**
 * Conditions for a query's WHERE from filters: `{county_code: "371522", year: null}` → `county_code = ?` with its
 * value as a parameter (never spliced into the SQL); null and undefined mean no condition. `{sql, params}` objects
 * pass through for other conditions (`text LIKE ?`).
 */
export function conditions(filters) {
  const out = [];
  for (const [column, value] of Object.entries(filters)) {
    if (value == null) continue;
    if (typeof value === "object" && "sql" in value) out.push(value);
    else out.push({sql: `${identifier(column)} = ?`, params: [value]});
  }
  return out;
}

function whereOf(where) {
  return where.length
    ? {sql: ` WHERE ${where.map((d) => `(${d.sql})`).join(" AND ")}`, params: where.flatMap((d) => d.params ?? [])}
    : {sql: "", params: []};
}

/**
 * A paged table of `from` (a table of the attached database, `corpus.facts`) under `where` (see `conditions`), in
 * `order`, `pageSize` rows at a time. `columns` are selected (and downloaded); `derive(row)` adds computed columns
 * (an amount formatted) to each row shown or downloaded; `shown` are the columns on screen (by default `columns`)
 * and `download` those the downloads hold (by default `shown`); `format`, `header` and `width` go to Inputs.table.
 * @param {() => Promise<{query(sql: string, params?: any[]): Promise<Iterable<any>>}>} database
 * @param {{from?: string, where?: {sql: string, params?: any[]}[], columns?: string[], shown?: string[],
 *   download?: string[], derive?: (row: any) => any, order?: string, pageSize?: number, filename?: string,
 *   format?: Record<string, (value: any) => any>, header?: Record<string, string>,
 *   width?: Record<string, number | string>, lazy?: boolean}} [options]
 */
export function queryTable(
  database,
  {
    from,
    where = [],
    columns,
    shown = columns,
    download = shown,
    derive = (row) => row,
    order,
    pageSize = 20,
    filename = "table",
    format,
    header,
    width,
    lazy = true
  } = {}
) {
  const div = document.createElement("div");
  div.className = "query-table";
  const status = document.createElement("p");
  status.className = "query-count";
  status.textContent = "查询中 querying…";
  const body = document.createElement("div");
  const pager = document.createElement("div");
  pager.className = "query-pager";
  pager.style.cssText = "display: flex; gap: 0.5rem; align-items: center; font-size: 0.85em;";
  const prev = Object.assign(document.createElement("button"), {type: "button", textContent: "← 上一页 previous"});
  const next = Object.assign(document.createElement("button"), {type: "button", textContent: "下一页 next →"});
  prev.dataset.page = "previous";
  next.dataset.page = "next";
  pager.append(prev, next);
  const select = `SELECT ${columns.map(identifier).join(", ")} FROM ${from}`;
  const {sql: whereSql, params} = whereOf(where);
  const orderSql = order ? ` ORDER BY ${order}` : "";
  const run = async (sql, values) => plainRows(await (await database()).query(sql, values)).map(derive);
  const everything = () => run(`${select}${whereSql}${orderSql}`, params);
  div.append(status, body, pager, tableDownloads(everything, {filename, columns: download}));

  let total = 0;
  let page = 0;
  const show = async () => {
    prev.disabled = next.disabled = true;
    const offset = page * pageSize;
    const rows = await run(`${select}${whereSql}${orderSql} LIMIT ${pageSize} OFFSET ${offset}`, params);
    const first = total ? offset + 1 : 0;
    status.textContent = `${formatNumber(total)} 行 rows${total ? ` · ${formatNumber(first)}–${formatNumber(offset + rows.length)}` : ""}`;
    status.dataset.total = String(total);
    const formats = Object.fromEntries(
      shown.filter((name) => name in cellFormats).map((name) => [name, cellFormats[name]])
    );
    body.replaceChildren(
      Inputs.table(rows, {
        columns: shown,
        header,
        width,
        format: {...formats, ...format},
        rows: pageSize + 0.5,
        select: false
      })
    );
    prev.disabled = page === 0;
    next.disabled = offset + rows.length >= total;
  };
  prev.onclick = () => (page--, show().catch(fail));
  next.onclick = () => (page++, show().catch(fail));
  const fail = (error) => {
    console.error(error);
    status.textContent = `查询失败 query failed: ${error.message ?? error}`;
  };
  const start = async () => {
    const [{n}] = await run(`SELECT count(*)::INTEGER AS n FROM ${from}${whereSql}`, params);
    total = n;
    await show();
  };
  if (!lazy || typeof IntersectionObserver === "undefined") start().catch(fail);
  else {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        start().catch(fail);
      },
      {rootMargin: "200px"}
    );
    // Charts drawn in the first frames push a table down; one still in view a moment later is one a reader reaches.
    setTimeout(() => observer.observe(div), 500);
  }
  return div;
}
