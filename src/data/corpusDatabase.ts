// The corpus as one DuckDB database file, for the pages that query detail rows in the browser (sql.md, the
// "every figure" and article tables). DuckDB-wasm attaches it by URL and reads it with HTTP range requests, so a
// query fetches the blocks it needs, not the file; the vendored duckdb-wasm cannot read Parquet offline (its Parquet
// extension is not linked in), while its own storage format is built in.
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {schemas, type TableName, type Tables} from "../../loaders/schema.js";
import {placeChain} from "./placeChain.js";
import type {ArticleRow, FactRow} from "../../loaders/types.js";

function sqlString(s: string): string {
  return s.replaceAll("'", "''");
}

// Rows sorted by place and date, so that DuckDB's per-block min/max lets a query for one county, town or year skip
// the rest of the file.
const order: Record<TableName, string> = {
  documents: "doc",
  places: "place_code",
  articles: "county_code NULLS LAST, town_code NULLS LAST, date DESC NULLS LAST, doc, seq",
  facts: "county_code NULLS LAST, town_code NULLS LAST, date NULLS LAST, fact_id"
};

// Columns beside the contract's, derived once here (placeChain.ts) so that queries filter on codes and years
// without joins: `county_code` and `town_code` along the place's chain, `year` from `date`, and for articles `county`
// (the name of its county or zone) and `facts`, the number of facts found in it.
const derived: Partial<Record<TableName, Record<string, string>>> = {
  articles: {county_code: "VARCHAR", county: "VARCHAR", town_code: "VARCHAR", year: "VARCHAR", facts: "INTEGER"},
  facts: {county_code: "VARCHAR", town_code: "VARCHAR", year: "VARCHAR"}
};

/**
 * Each table's rows as newline-delimited JSON, the derived columns appended to each row's own JSON, written to
 * `dir`/TABLE.ndjson a few MB at a time: at 10,000 pages a copy of every row with its derived columns and the file
 * joined into one string made most of this loader's time (its collector's, mostly) and a 3 GB peak.
 */
function stageTables(tables: Tables, dir: string): Record<TableName, string> {
  const chain = placeChain(tables.places);
  const counts = new Map<string, number>();
  for (const f of tables.facts) counts.set(f.article_id, (counts.get(f.article_id) ?? 0) + 1);
  const year = (date: string | null) => (date && /^\d{4}/.test(date) ? date.slice(0, 4) : null);
  const where = (row: {place_code: string | null; date: string | null}) => {
    const county = chain.countyOf(row.place_code);
    return (
      `"county_code":${JSON.stringify(county)},"town_code":${JSON.stringify(chain.townOf(row.place_code))},` +
      `"year":${JSON.stringify(year(row.date))}`
    );
  };
  const extra: Record<TableName, ((row: never) => string) | null> = {
    documents: null,
    places: null,
    facts: (f: FactRow) => where(f),
    articles: (a: ArticleRow) =>
      `${where(a)},"county":${JSON.stringify(chain.nameOf(chain.countyOf(a.place_code)))},` +
      `"facts":${counts.get(a.article_id) ?? 0}`
  };
  const paths = {} as Record<TableName, string>;
  for (const table of Object.keys(schemas) as TableName[]) {
    const path = (paths[table] = join(dir, `${table}.ndjson`));
    const more = extra[table] as ((row: object) => string) | null;
    const fd = openSync(path, "w");
    try {
      let chunk = "";
      const rows = tables[table] as object[];
      rows.forEach((row, i) => {
        const own = JSON.stringify(row);
        chunk += more ? `${own.length > 2 ? `${own.slice(0, -1)},` : "{"}${more(row)}}` : own;
        if (i < rows.length - 1) chunk += "\n";
        if (chunk.length >= 1 << 22) (writeSync(fd, chunk), (chunk = ""));
      });
      if (chunk) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  }
  return paths;
}

/** The bytes of a DuckDB database holding the four tables, with the derived columns above. */
export async function corpusDatabase(tables: Tables): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-duckdb-"));
  const path = join(dir, "corpus.duckdb");
  // The storage version duckdb-wasm 1.29 (DuckDB 1.1) reads.
  const instance = await DuckDBInstance.create(path, {threads: "1", storage_compatibility_version: "v1.0.0"});
  const connection = await instance.connect();
  try {
    const staged = stageTables(tables, dir);
    for (const table of Object.keys(schemas) as TableName[]) {
      const columns = {...schemas[table], ...derived[table]};
      const types = Object.entries(columns).map(([name, type]) => `"${name}": '${type}'`);
      const read = tables[table].length
        ? `read_json('${sqlString(staged[table])}', format = 'newline_delimited', columns = {${types.join(", ")}})`
        : `(SELECT ${Object.entries(columns)
            .map(([name, type]) => `NULL::${type} AS "${name}"`)
            .join(", ")} LIMIT 0)`;
      await connection.run(`CREATE TABLE ${table} AS SELECT * FROM ${read} ORDER BY ${order[table]}`);
    }
    await connection.run("CHECKPOINT");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  try {
    return readFileSync(path);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
