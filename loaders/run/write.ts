// Writes the contract's tables, one file per table, in JSON, CSV or Parquet, as documents finish, so a corpus never
// has to sit in memory. Rows are encoded one at a time into byte pieces (encodeRows): no string ever holds more than
// one row, so neither a page with a million facts nor a 500 MB corpus meets V8's limit on string length. Worker
// threads encode their documents' rows themselves and the writer only appends their bytes (writePieces).
// Each file is written under a temporary name and renamed when complete: a run that fails leaves the previous
// output as it was, never half a file.
import {closeSync, openSync, renameSync, rmSync, writeSync} from "node:fs";
import {join} from "node:path";
import {csvFormatRows} from "d3-dsv";
import {schemas, type TableName} from "../schema.js";

export type Format = "json" | "csv" | "parquet";
export const FORMATS: Format[] = ["json", "csv", "parquet"];
export const TABLES = Object.keys(schemas) as TableName[];

/** What rows are encoded as on their way to a file: Parquet is converted by DuckDB at the end from NDJSON. */
export type Staging = "json" | "csv" | "ndjson";

export function stagingOf(format: Format): Staging {
  return format === "parquet" ? "ndjson" : format;
}

const COLUMNS = Object.fromEntries(TABLES.map((table) => [table, Object.keys(schemas[table])])) as Record<
  TableName,
  string[]
>;
const TEXT_COLUMNS = Object.fromEntries(
  TABLES.map((table) => {
    const types = schemas[table] as Record<string, string>;
    return [table, COLUMNS[table].map((name) => types[name] === "VARCHAR")];
  })
) as Record<TableName, boolean[]>;

/** A text cell a spreadsheet would run as a formula, as the site's CSV download has it (src/components/tableFiles.js). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell: text starting like a formula gets a `'` in front (`=SUM(…)`, `-2+3`); numbers stay numbers (`-3`). */
export function csvCell(value: unknown, text: boolean): string {
  if (value == null) return "";
  const cell = String(value);
  return text && typeof value === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvLine(table: TableName, row: Record<string, unknown>): string {
  const text = TEXT_COLUMNS[table];
  return csvFormatRows([COLUMNS[table].map((name, i) => csvCell(row[name], text[i]))]);
}

/** Each column's `"name":` with the `{` or `,` before it. */
const JSON_KEYS = Object.fromEntries(
  TABLES.map((table) => [table, COLUMNS[table].map((name, i) => (i ? "," : "{") + JSON.stringify(name) + ":")])
) as Record<TableName, string[]>;

/**
 * A row with exactly the contract's columns, in its order, missing values as null: the text JSON.stringify gives
 * for such an object, made cell by cell (twice as fast as building the object to stringify).
 */
function jsonRow(table: TableName, row: Record<string, unknown>): string {
  const names = COLUMNS[table];
  const keys = JSON_KEYS[table];
  let line = "";
  for (let i = 0; i < names.length; i++) {
    const value = row[names[i]];
    line += keys[i] + (value == null ? "null" : JSON.stringify(value));
  }
  return line + "}";
}

/** Strings are gathered up to this many UTF-16 units, then encoded into one piece. */
const PIECE_CHARS = 1 << 16;
const encoder = new TextEncoder();

/**
 * The bytes of `rows` in a table file, in pieces of about 64 K characters (a longer row is a piece of its own).
 * JSON rows are `\n{…}` separated by `,`; the writer puts the `,` between pieces of different calls.
 * Each piece has a buffer of its own, so it can be transferred from a worker thread without copying.
 */
export function encodeRows(table: TableName, staging: Staging, rows: readonly object[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let pending = "";
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const line =
      staging === "csv"
        ? csvLine(table, row) + "\n"
        : staging === "ndjson"
          ? jsonRow(table, row) + "\n"
          : (i ? ",\n" : "\n") + jsonRow(table, row);
    if (pending.length + line.length > PIECE_CHARS && pending) {
      pieces.push(encoder.encode(pending));
      pending = "";
    }
    if (line.length > PIECE_CHARS) pieces.push(encoder.encode(line));
    else pending += line;
  }
  if (pending) pieces.push(encoder.encode(pending));
  return pieces;
}

export interface TableWriter {
  write(table: TableName, rows: object[]): void;
  /** Appends rows already encoded by encodeRows for this writer's format. */
  writePieces(table: TableName, pieces: readonly Uint8Array[]): void;
  /** Finishes every file and moves it into place; returns their paths. */
  close(): Promise<string[]>;
  /** Drops the unfinished files, leaving whatever was in DIR before. */
  abort(): void;
}

interface Sink {
  /** Where the file is written until it is complete. */
  temp: string;
  fd: number;
  /** Whether any row has been written (JSON needs `,` before the next). */
  rows: boolean;
}

export function openTables(dir: string, format: Format): TableWriter {
  const staging = stagingOf(format);
  const sinks = new Map<TableName, Sink>();
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const final = (table: TableName) => join(dir, `${table}.${format}`);
  for (const table of TABLES) {
    const temp = join(dir, `.${table}.${staging}.${suffix}.tmp`);
    const fd = openSync(temp, "w");
    if (staging === "json") writeSync(fd, "[");
    if (staging === "csv") writeSync(fd, csvFormatRows([COLUMNS[table]]) + "\n");
    sinks.set(table, {temp, fd, rows: false});
  }
  // DuckDB loads (a fifth of a second, most of it on this thread) while the rows are still coming.
  const duckdb = format === "parquet" ? loadDuckDB() : null;
  const writePieces = (table: TableName, pieces: readonly Uint8Array[]) => {
    if (!pieces.length) return;
    const sink = sinks.get(table)!;
    if (staging === "json" && sink.rows) writeSync(sink.fd, ",");
    for (const piece of pieces) writeAll(sink.fd, piece);
    sink.rows = true;
  };
  let closed = false;
  const abort = () => {
    if (closed) return;
    closed = true;
    for (const sink of sinks.values()) {
      try {
        closeSync(sink.fd);
      } catch {}
      rmSync(sink.temp, {force: true});
    }
  };
  return {
    write(table, rows) {
      writePieces(table, encodeRows(table, staging, rows));
    },
    writePieces,
    async close() {
      try {
        for (const sink of sinks.values()) {
          if (staging === "json") writeSync(sink.fd, sink.rows ? "\n]\n" : "]\n");
          closeSync(sink.fd);
        }
        closed = true;
        if (duckdb) await toParquet(await duckdb, dir, sinks, suffix);
        else for (const [table, sink] of sinks) renameSync(sink.temp, final(table));
        return TABLES.map(final);
      } finally {
        closed = true;
        for (const sink of sinks.values()) rmSync(sink.temp, {force: true});
      }
    },
    abort
  };
}

/** writeSync may write less than asked (a pipe, a full disk's last blocks): write until all of it is out. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

// DuckDB writes Parquet with the contract's declared types, so an empty table keeps its columns. It is imported here
// only, so that JSON and CSV runs never load it. One thread per table: the same bytes on any machine, and rows in the
// order written without DuckDB tracking insertion order. Its memory is a row group's worth of rows, which at DuckDB's
// default (122,880 rows) grew with the corpus (an 800 MB peak for 500 MB of pages, articles being 15 kB each); at
// 8,192 rows a row group of articles is about 120 MB.
//
// The tables are converted at once, a connection each (each statement runs on the thread that calls it, from libuv's
// pool), so the articles and the facts take two cores instead of one after the other. Not while they are written: DuckDB can read
// a named pipe, but its JSON reader keeps every buffer it read from one, so memory grew with the corpus.
const ROW_GROUP_SIZE = 8192;

type DuckDBModule = typeof import("@duckdb/node-api");

function loadDuckDB(): Promise<DuckDBModule> {
  const loading = import("@duckdb/node-api");
  loading.catch(() => {}); // met in close(); a run that aborts never asks
  return loading;
}

async function toParquet(duckdb: DuckDBModule, dir: string, sinks: Map<TableName, Sink>, suffix: string) {
  const written = [...sinks.keys()].map((table) => [join(dir, `.${table}.parquet.${suffix}.tmp`), `${table}.parquet`]);
  const instance = await duckdb.DuckDBInstance.create(":memory:", {threads: "1", preserve_insertion_order: "false"});
  const connections: {closeSync(): void}[] = [];
  try {
    const conversions = [...sinks].map(async ([table, sink], i) => {
      const connection = await instance.connect();
      connections.push(connection);
      const types = Object.entries(schemas[table]).map(([name, type]) => `"${name}": '${type}'`);
      await connection.run(
        `COPY (SELECT * FROM read_json('${sqlString(sink.temp)}', format = 'newline_delimited', ` +
          `columns = {${types.join(", ")}})) TO '${sqlString(written[i][0])}' ` +
          `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`
      );
    });
    // Every conversion ends before any file moves or goes, failed or not.
    const outcomes = await Promise.allSettled(conversions);
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
    for (const [temp, name] of written) renameSync(temp, join(dir, name));
  } finally {
    for (const connection of connections) connection.closeSync();
    instance.closeSync();
    for (const [temp] of written) rmSync(temp, {force: true});
  }
}

function sqlString(s: string): string {
  return s.replaceAll("'", "''");
}
