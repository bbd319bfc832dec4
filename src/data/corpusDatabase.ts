// The corpus as one DuckDB database file, for the pages that query detail rows in the browser (sql.md, the
// "every figure" and article tables). DuckDB-wasm attaches it by URL and reads it with HTTP range requests, so a
// query fetches the blocks it needs, not the file; the vendored duckdb-wasm cannot read Parquet offline (its Parquet
// extension is not linked in), while its own storage format is built in.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {schemas, type TableName, type Tables} from "../../loaders/schema.js";
import {placeChain} from "./placeChain.js";

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

function withPlaces(tables: Tables): Record<TableName, object[]> {
  const chain = placeChain(tables.places);
  const counts = new Map<string, number>();
  for (const f of tables.facts) counts.set(f.article_id, (counts.get(f.article_id) ?? 0) + 1);
  const year = (date: string | null) => (date && /^\d{4}/.test(date) ? date.slice(0, 4) : null);
  const where = (row: {place_code: string | null; date: string | null}) => ({
    county_code: chain.countyOf(row.place_code),
    town_code: chain.townOf(row.place_code),
    year: year(row.date)
  });
  return {
    documents: tables.documents,
    places: tables.places,
    facts: tables.facts.map((f) => ({...f, ...where(f)})),
    articles: tables.articles.map((a) => {
      const place = where(a);
      return {...a, ...place, county: chain.nameOf(place.county_code), facts: counts.get(a.article_id) ?? 0};
    })
  };
}

/** The bytes of a DuckDB database holding the four tables, with the derived columns above. */
export async function corpusDatabase(tables: Tables): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-duckdb-"));
  const path = join(dir, "corpus.duckdb");
  // The storage version duckdb-wasm 1.29 (DuckDB 1.1) reads.
  const instance = await DuckDBInstance.create(path, {threads: "1", storage_compatibility_version: "v1.0.0"});
  const connection = await instance.connect();
  try {
    const rows = withPlaces(tables);
    for (const table of Object.keys(schemas) as TableName[]) {
      const columns = {...schemas[table], ...derived[table]};
      const staged = join(dir, `${table}.ndjson`);
      writeFileSync(staged, rows[table].map((row) => JSON.stringify(row)).join("\n"));
      const types = Object.entries(columns).map(([name, type]) => `"${name}": '${type}'`);
      const read = rows[table].length
        ? `read_json('${sqlString(staged)}', format = 'newline_delimited', columns = {${types.join(", ")}})`
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
