// Writes the contract's tables, one file per table, in JSON, CSV or Parquet, row by row as documents finish,
// so a corpus never has to sit in memory.
import {closeSync, openSync, rmSync, writeSync} from "node:fs";
import {join} from "node:path";
import {csvFormatRows} from "d3-dsv";
import {DuckDBInstance} from "@duckdb/node-api";
import {schemas, type TableName} from "./schema.js";

export type Format = "json" | "csv" | "parquet";
export const FORMATS: Format[] = ["json", "csv", "parquet"];
export const TABLES = Object.keys(schemas) as TableName[];

function columns(table: TableName): string[] {
  return Object.keys(schemas[table]);
}

/** A row with exactly the contract's columns, in its order, missing values as null. */
function ordered(table: TableName, row: object): Record<string, unknown> {
  return Object.fromEntries(columns(table).map((name) => [name, (row as any)[name] ?? null]));
}

function csvLine(table: TableName, row: object): string {
  return csvFormatRows([columns(table).map((name) => ((row as any)[name] == null ? "" : String((row as any)[name])))]);
}

export interface TableWriter {
  write(table: TableName, rows: object[]): void;
  /** Finishes every file; returns their paths. */
  close(): Promise<string[]>;
}

interface Sink {
  path: string;
  fd: number;
  rows: number;
}

export function openTables(dir: string, format: Format): TableWriter {
  // Parquet is converted by DuckDB at the end from newline-delimited JSON written as we go.
  const staging = format === "parquet" ? "ndjson" : format;
  const sinks = new Map<TableName, Sink>();
  for (const table of TABLES) {
    const path = join(dir, format === "parquet" ? `.${table}.ndjson` : `${table}.${format}`);
    const fd = openSync(path, "w");
    if (staging === "json") writeSync(fd, "[");
    if (staging === "csv") writeSync(fd, csvFormatRows([columns(table)]) + "\n");
    sinks.set(table, {path, fd, rows: 0});
  }
  return {
    write(table, rows) {
      const sink = sinks.get(table)!;
      if (!rows.length) return;
      let chunk = "";
      for (const row of rows) {
        if (staging === "csv") chunk += csvLine(table, row) + "\n";
        else if (staging === "ndjson") chunk += JSON.stringify(ordered(table, row)) + "\n";
        else chunk += (sink.rows++ ? ",\n" : "\n") + JSON.stringify(ordered(table, row));
      }
      writeSync(sink.fd, chunk);
    },
    async close() {
      for (const sink of sinks.values()) {
        if (staging === "json") writeSync(sink.fd, sink.rows ? "\n]\n" : "]\n");
        closeSync(sink.fd);
      }
      if (format === "parquet") await toParquet(dir, sinks);
      return TABLES.map((table) => join(dir, `${table}.${format}`));
    }
  };
}

// DuckDB writes Parquet with the contract's declared types, so an empty table keeps its columns.
async function toParquet(dir: string, sinks: Map<TableName, Sink>): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = await instance.connect();
  try {
    for (const [table, sink] of sinks) {
      const types = Object.entries(schemas[table]).map(([name, type]) => `"${name}": '${type}'`);
      await connection.run(
        `COPY (SELECT * FROM read_json('${sqlString(sink.path)}', format = 'newline_delimited', columns = {${types.join(", ")}}))` +
          ` TO '${sqlString(join(dir, `${table}.parquet`))}' (FORMAT parquet, COMPRESSION zstd)`
      );
      rmSync(sink.path);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function sqlString(s: string): string {
  return s.replaceAll("'", "''");
}
