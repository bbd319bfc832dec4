// Writes the contract's tables, one file per table, in JSON, CSV or Parquet, as documents finish, so a corpus never
// has to sit in memory. Rows are encoded one at a time into byte pieces (encodeRows): no string ever holds more than
// one row, so neither a page with a million facts nor a 500 MB corpus meets V8's limit on string length. Worker
// threads encode their documents' rows themselves and the writer only appends their bytes (writePieces).
// Each file is written under a temporary name and renamed when complete: a run that fails leaves the previous
// output as it was, never half a file.
import {closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {csvFormatRows} from "d3-dsv";
import {joinParquet} from "./parquet-join.js";
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
  /** Appends `rows` rows already encoded by encodeRows for this writer's format. */
  writePieces(table: TableName, pieces: readonly Uint8Array[], rows: number): void;
  /** Finishes every file and moves it into place; returns their paths. */
  close(): Promise<string[]>;
  /** Drops the unfinished files, leaving whatever was in DIR before. */
  abort(): void;
}

/** Where a table's rows go as they come: its file, or for Parquet the NDJSON of the part being filled. */
interface Sink {
  /** Where the file is written until it is complete. */
  temp: string;
  fd: number;
  /** Rows written to it. */
  rows: number;
  /** Whether any bytes have been (JSON needs `,` before the next). */
  written: boolean;
}

export function openTables(dir: string, format: Format): TableWriter {
  const staging = stagingOf(format);
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const final = (table: TableName) => join(dir, `${table}.${format}`);
  // Parquet is written a part at a time, in a scratch folder of DIR (so that renaming is all the end has to do).
  const parquet = format === "parquet" ? parquetParts(join(dir, `.parquet.${suffix}.tmp`)) : null;
  const sinks = new Map<TableName, Sink>();
  for (const table of TABLES) {
    const temp = parquet ? parquet.nextSlice(table) : join(dir, `.${table}.${staging}.${suffix}.tmp`);
    const fd = openSync(temp, "w");
    if (staging === "json") writeSync(fd, "[");
    if (staging === "csv") writeSync(fd, csvFormatRows([COLUMNS[table]]) + "\n");
    sinks.set(table, {temp, fd, rows: 0, written: false});
  }
  const append = (sink: Sink, pieces: readonly Uint8Array[]) => {
    for (const piece of pieces) writeAll(sink.fd, piece);
  };
  /** A Parquet part is complete: DuckDB converts it while the rows of the next are still coming. */
  const nextPart = (table: TableName, sink: Sink) => {
    closeSync(sink.fd);
    parquet!.convert(table, sink.temp);
    sink.temp = parquet!.nextSlice(table);
    sink.fd = openSync(sink.temp, "w");
    sink.rows = 0;
    sink.written = false;
  };
  const writePieces = (table: TableName, pieces: readonly Uint8Array[], rows: number) => {
    if (!pieces.length) return;
    const sink = sinks.get(table)!;
    if (staging === "json" && sink.written) writeSync(sink.fd, ",");
    sink.written = true;
    if (parquet) {
      while (sink.rows + rows >= PART_ROWS) {
        const take = PART_ROWS - sink.rows;
        const [head, tail] = splitRows(pieces, take);
        append(sink, head);
        nextPart(table, sink);
        pieces = tail;
        rows -= take;
      }
    }
    append(sink, pieces);
    sink.rows += rows;
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
    parquet?.abort();
  };
  return {
    write(table, rows) {
      writePieces(table, encodeRows(table, staging, rows), rows.length);
    },
    writePieces,
    async close() {
      try {
        for (const sink of sinks.values()) {
          if (staging === "json") writeSync(sink.fd, sink.written ? "\n]\n" : "]\n");
          closeSync(sink.fd);
        }
        closed = true;
        if (parquet) {
          // The last part of each table (a table with no rows at all still gets a file, with its columns).
          for (const [table, sink] of sinks) {
            if (sink.rows || !parquet.parts(table)) parquet.convert(table, sink.temp);
            else rmSync(sink.temp, {force: true});
          }
          const written = await parquet.finish();
          for (const table of TABLES) renameSync(written.get(table)!, final(table));
          await parquet.close();
        } else for (const [table, sink] of sinks) renameSync(sink.temp, final(table));
        return TABLES.map(final);
      } finally {
        closed = true;
        for (const sink of sinks.values()) rmSync(sink.temp, {force: true});
        parquet?.abort();
      }
    },
    abort
  };
}

/** writeSync may write less than asked (a pipe, a full disk's last blocks): write until all of it is out. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** NDJSON pieces cut after their `n`-th row: a row ends at its "\n", JSON text's one byte 10 (strings escape theirs). */
export function splitRows(pieces: readonly Uint8Array[], n: number): [Uint8Array[], Uint8Array[]] {
  const head: Uint8Array[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    let at = 0;
    for (; n > 0; n--) {
      const end = piece.indexOf(10, at);
      if (end < 0) break;
      at = end + 1;
    }
    if (n > 0) {
      head.push(piece);
      continue;
    }
    head.push(piece.subarray(0, at));
    const tail = at < piece.length ? [piece.subarray(at)] : [];
    for (let j = i + 1; j < pieces.length; j++) tail.push(pieces[j]);
    return [head, tail];
  }
  return [head, []];
}

// DuckDB writes Parquet with the contract's declared types, so an empty table keeps its columns. It is imported here
// only, so that JSON and CSV runs never load it. One thread: the same bytes on any machine, and rows in the order
// written without DuckDB tracking insertion order. Its memory is a row group's worth of rows, which at DuckDB's default
// (122,880 rows) grew with the corpus (an 800 MB peak for 500 MB of pages, articles being 15 kB each); at 8,192 rows a
// row group of articles is about 120 MB.
//
// A table is converted a part (a row group) at a time while the documents are still being read: each part's rows are
// staged as NDJSON, converted by DuckDB on a thread of libuv's pool, and at the end the parts are joined by their row
// groups (parquet-join.ts), which only copies bytes. Converted all at once after the last document, the tables took
// 0.5–1.7 s of a 50 MB run (ten times as long at 500 MB), in series with everything else. Not through a pipe: DuckDB
// can read a named pipe, but its JSON reader keeps every buffer it read from one, so memory grew with the corpus.
/** Rows of a table per part, and so per row group: a part is converted as one row group. */
export const PART_ROWS = 8192;

type DuckDBModule = typeof import("@duckdb/node-api");
const requireModule = createRequire(import.meta.url);
type Connection = Awaited<ReturnType<Awaited<ReturnType<DuckDBModule["DuckDBInstance"]["create"]>>["connect"]>>;

/**
 * DuckDB's API is a CommonJS package: required, not imported, since an import makes Node scan each of its 70 files for
 * the names it exports, which took 0.5 s of CPU instead of 0.15 s. Loaded after the current task, so the workers are
 * started first.
 */
function loadDuckDB(): Promise<DuckDBModule> {
  // A module that fails to load is a rejection, met in finish(), not an exception of the event loop.
  const loading = new Promise<void>((resolve) => setImmediate(resolve)).then(
    () => requireModule("@duckdb/node-api") as DuckDBModule
  );
  loading.catch(() => {}); // met in finish(); a run that aborts never asks
  return loading;
}

/**
 * The parts of each table, converted in the background as they are handed over, in a scratch folder, one at a time:
 * DuckDB keeps up with the workers on one connection, and one conversion at a time is one row group in memory.
 */
function parquetParts(scratch: string) {
  mkdirSync(scratch);
  // DuckDB loads (a fifth of a second, most of it on this thread) while the first rows are still coming.
  const duckdb = loadDuckDB();
  let connection: Promise<Connection> | null = null;
  let instance: ReturnType<DuckDBModule["DuckDBInstance"]["create"]> | null = null;
  const parts = new Map<TableName, string[]>(TABLES.map((table) => [table, []]));
  /** The conversions, one after the other. */
  let queue = Promise.resolve();
  let slices = 0;
  let failure: unknown = null;
  let stopped = false;
  const connect = () => {
    instance ??= duckdb.then((module) =>
      module.DuckDBInstance.create(":memory:", {threads: "1", preserve_insertion_order: "false"})
    );
    return (connection ??= instance.then((db) => db.connect()));
  };
  const closeDuckDB = async () => {
    await queue;
    (await connection?.catch(() => null))?.closeSync();
    (await instance?.catch(() => null))?.closeSync();
  };
  return {
    /** A fresh file for a table's next part's NDJSON. */
    nextSlice(table: TableName): string {
      return join(scratch, `${table}.${slices++}.ndjson`);
    },
    parts(table: TableName): number {
      return parts.get(table)!.length;
    },
    /** Converts a complete NDJSON part to Parquet, after the parts handed over before it. */
    convert(table: TableName, slice: string): void {
      const part = slice.replace(/\.ndjson$/, ".parquet");
      parts.get(table)!.push(part);
      const types = Object.entries(schemas[table]).map(([name, type]) => `"${name}": '${type}'`);
      const sql =
        `COPY (SELECT * FROM read_json('${sqlString(slice)}', format = 'newline_delimited', ` +
        `columns = {${types.join(", ")}})) TO '${sqlString(part)}' ` +
        `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${PART_ROWS})`;
      const run = async () => {
        if (failure || stopped) return;
        await (await connect()).run(sql);
        rmSync(slice, {force: true});
      };
      queue = queue.then(run).catch((error) => void (failure ??= error));
    },
    /** Waits for every conversion and joins each table's parts into one file; returns the files. */
    async finish(): Promise<Map<TableName, string>> {
      await queue;
      if (failure) throw failure;
      const written = new Map<TableName, string>();
      for (const table of TABLES) {
        const file = join(scratch, `${table}.parquet`);
        joinParquet(parts.get(table)!, file);
        written.set(table, file);
      }
      return written;
    },
    /** Closes DuckDB and removes the scratch folder. */
    async close(): Promise<void> {
      stopped = true;
      await closeDuckDB();
      rmSync(scratch, {recursive: true, force: true});
    },
    /** Stops converting and removes the scratch folder (a conversion under way cannot write into it any more). */
    abort(): void {
      if (stopped) return;
      stopped = true;
      rmSync(scratch, {recursive: true, force: true});
      void closeDuckDB();
    }
  };
}

function sqlString(s: string): string {
  return s.replaceAll("'", "''");
}
