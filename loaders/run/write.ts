// Writes the contract's tables, one file per table, in JSON, CSV or Parquet, as documents finish, so a corpus never
// has to sit in memory. Rows are encoded one at a time into byte pieces (encodeRows): no string ever holds more than
// one row, so neither a page with a million facts nor a 500 MB corpus meets V8's limit on string length. Worker
// threads encode their documents' rows themselves and the writer only appends their bytes (writePieces).
// Each file is written under a temporary name and renamed when complete: a run that fails leaves the previous
// output as it was, never half a file.
import {spawnSync} from "node:child_process";
import {closeSync, constants, openSync, renameSync, rmSync, writeSync} from "node:fs";
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
  write(table: TableName, rows: object[]): void | Promise<void>;
  /**
   * Appends rows already encoded by encodeRows for this writer's format. A promise when the writer is behind (a
   * streaming Parquet writer whose DuckDB has not caught up): await it before writing more.
   */
  writePieces(table: TableName, pieces: readonly Uint8Array[]): void | Promise<void>;
  /** Finishes every file and moves it into place; returns their paths. */
  close(): Promise<string[]>;
  /** Drops the unfinished files, leaving whatever was in DIR before. */
  abort(): void;
}

interface Sink {
  /** Where the file is written until it is complete (for a streamed table, the pipe DuckDB reads). */
  temp: string;
  fd: number;
  /** Whether any row has been written (JSON needs `,` before the next). */
  rows: boolean;
  /** For a table DuckDB converts while it is written: the conversion and the bytes the pipe has not taken yet. */
  stream?: Stream;
}

interface Stream {
  done: Promise<void>;
  failure: Error | null;
  queue: Uint8Array[];
  /** Bytes of queue[0] already written. */
  at: number;
  queued: number;
}

/** The tables' files in DIR, written as rows come (all at once for Parquet, by DuckDB from a staging file). */
export function openTables(dir: string, format: Format): TableWriter {
  return tableWriter(dir, format, null);
}

/**
 * As openTables, but for Parquet DuckDB converts each table while it is written, reading the rows through a named
 * pipe, so that the conversion runs on a core of its own beside the extraction instead of after it. The same
 * statements read the same rows: the files are byte for byte those of openTables. Where a pipe cannot be made
 * (no mkfifo), as openTables.
 */
export async function openStreamingTables(dir: string, format: Format): Promise<TableWriter> {
  if (format !== "parquet") return openTables(dir, format);
  const suffix = tempSuffix();
  const pipes = TABLES.map((table) => join(dir, `.${table}.ndjson.${suffix}.pipe`));
  if (spawnSync("mkfifo", ["-m", "600", ...pipes]).status !== 0) {
    for (const pipe of pipes) rmSync(pipe, {force: true});
    return openTables(dir, format);
  }
  const duckdb = await openDuckDB();
  // A connection runs one statement at a time: one each, all made before any statement holds a thread.
  const connections = [];
  for (const _ of TABLES) connections.push(await duckdb.connect());
  const streams = new Map<TableName, Stream>();
  for (const [i, table] of TABLES.entries()) {
    const output = parquetTemp(dir, table, suffix);
    const stream: Stream = {done: Promise.resolve(), failure: null, queue: [], at: 0, queued: 0};
    stream.done = connections[i].run(copyToParquet(table, pipes[i], output)).then(
      () => {},
      (error: Error) => {
        stream.failure = error;
      }
    );
    streams.set(table, stream);
  }
  return tableWriter(dir, format, {suffix, duckdb, streams});
}

interface Streaming {
  suffix: string;
  duckdb: DuckDB;
  streams: Map<TableName, Stream>;
}

const tempSuffix = () => `${process.pid}-${Date.now().toString(36)}`;

function tableWriter(dir: string, format: Format, streaming: Streaming | null): TableWriter {
  const staging = stagingOf(format);
  const sinks = new Map<TableName, Sink>();
  const suffix = streaming?.suffix ?? tempSuffix();
  const final = (table: TableName) => join(dir, `${table}.${format}`);
  for (const table of TABLES) {
    const stream = streaming?.streams.get(table);
    // Read and write, so that opening does not wait for DuckDB to open its end, and not blocking, so that a DuckDB
    // that stopped reading is an error here rather than a run that never ends.
    const temp = join(dir, `.${table}.${staging}.${suffix}.${stream ? "pipe" : "tmp"}`);
    const fd = stream ? openSync(temp, constants.O_RDWR | constants.O_NONBLOCK) : openSync(temp, "w");
    if (staging === "json") writeSync(fd, "[");
    if (staging === "csv") writeSync(fd, csvFormatRows([COLUMNS[table]]) + "\n");
    sinks.set(table, {temp, fd, rows: false, stream});
  }
  const writePieces = (table: TableName, pieces: readonly Uint8Array[]): void | Promise<void> => {
    if (!pieces.length) return;
    const sink = sinks.get(table)!;
    if (staging === "json" && sink.rows) writeSync(sink.fd, ",");
    sink.rows = true;
    const {stream} = sink;
    if (!stream) {
      for (const piece of pieces) writeAll(sink.fd, piece);
      return;
    }
    for (const piece of pieces) (stream.queue.push(piece), (stream.queued += piece.byteLength));
    flush(sink.fd, stream);
    if (stream.queued > BEHIND_BYTES) return drain(sink.fd, stream, BEHIND_BYTES / 2);
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
    // A conversion still running sees the end of its pipe and stops; what it wrote goes.
    if (streaming) void finishStreams(dir, streaming, false);
  };
  return {
    write(table, rows) {
      return writePieces(table, encodeRows(table, staging, rows));
    },
    writePieces,
    async close() {
      try {
        for (const sink of sinks.values()) {
          if (staging === "json") writeSync(sink.fd, sink.rows ? "\n]\n" : "]\n");
          if (sink.stream) await drain(sink.fd, sink.stream, 0);
          closeSync(sink.fd);
        }
        closed = true;
        if (streaming) await finishStreams(dir, streaming, true);
        else if (format === "parquet") await toParquet(dir, sinks, suffix);
        else for (const [table, sink] of sinks) renameSync(sink.temp, final(table));
        return TABLES.map(final);
      } catch (error) {
        if (streaming && !closed) {
          for (const sink of sinks.values()) if (sink.stream) closeQuietly(sink.fd);
          await finishStreams(dir, streaming, false);
        }
        throw error;
      } finally {
        closed = true;
        for (const sink of sinks.values()) rmSync(sink.temp, {force: true});
      }
    },
    abort
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {}
}

/** writeSync may write less than asked (a pipe, a full disk's last blocks): write until all of it is out. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** How far a streamed table's writing may run ahead of DuckDB's reading before the writer waits. */
const BEHIND_BYTES = 8 << 20;

/** Writes what the pipe takes now. */
function flush(fd: number, stream: Stream): void {
  while (stream.queue.length) {
    const piece = stream.queue[0];
    let written: number;
    try {
      written = writeSync(fd, piece, stream.at, piece.byteLength - stream.at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") return;
      throw error;
    }
    stream.at += written;
    stream.queued -= written;
    if (stream.at === piece.byteLength) (stream.queue.shift(), (stream.at = 0));
  }
}

/** Waits until at most `bytes` are left to write, or the conversion failed. */
async function drain(fd: number, stream: Stream, bytes: number): Promise<void> {
  for (;;) {
    flush(fd, stream);
    if (stream.queued <= bytes) return;
    if (stream.failure) throw stream.failure;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Waits for the conversions (their pipes closed), then moves their files into place, or drops them. */
async function finishStreams(dir: string, {suffix, duckdb, streams}: Streaming, keep: boolean): Promise<void> {
  try {
    await Promise.all([...streams.values()].map((stream) => stream.done));
    const failure = [...streams.values()].find((stream) => stream.failure)?.failure;
    if (failure && keep) throw failure;
    if (keep)
      for (const table of streams.keys()) renameSync(parquetTemp(dir, table, suffix), join(dir, `${table}.parquet`));
  } finally {
    duckdb.close();
    for (const table of streams.keys()) {
      rmSync(parquetTemp(dir, table, suffix), {force: true});
      rmSync(join(dir, `.${table}.ndjson.${suffix}.pipe`), {force: true});
    }
  }
}

// DuckDB writes Parquet with the contract's declared types, so an empty table keeps its columns. It is imported here
// only, so that JSON and CSV runs never load it. One thread: the same bytes on any machine, and rows in the order
// written without DuckDB tracking insertion order. Its memory is a row group's worth of rows, which at DuckDB's
// default (122,880 rows) grew with the corpus (an 800 MB peak for 500 MB of pages, articles being 15 kB each); at
// 8,192 rows a row group of articles is about 120 MB. Each statement runs on a thread of its own (libuv's pool), so
// the four tables stream at once.
const ROW_GROUP_SIZE = 8192;

interface Connection {
  run(sql: string): Promise<unknown>;
  closeSync(): void;
}

interface DuckDB {
  connect(): Promise<Connection>;
  close(): void;
}

async function openDuckDB(): Promise<DuckDB> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {threads: "1", preserve_insertion_order: "false"});
  const connections: Connection[] = [];
  return {
    async connect() {
      const connection = await instance.connect();
      connections.push(connection);
      return connection;
    },
    close() {
      for (const connection of connections) connection.closeSync();
      instance.closeSync();
    }
  };
}

const parquetTemp = (dir: string, table: TableName, suffix: string) => join(dir, `.${table}.parquet.${suffix}.tmp`);

function copyToParquet(table: TableName, source: string, output: string): string {
  const types = Object.entries(schemas[table]).map(([name, type]) => `"${name}": '${type}'`);
  return (
    `COPY (SELECT * FROM read_json('${sqlString(source)}', format = 'newline_delimited', ` +
    `columns = {${types.join(", ")}})) TO '${sqlString(output)}' ` +
    `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`
  );
}

async function toParquet(dir: string, sinks: Map<TableName, Sink>, suffix: string): Promise<void> {
  const duckdb = await openDuckDB();
  const tables = [...sinks.keys()];
  try {
    const connection = await duckdb.connect();
    for (const table of tables)
      await connection.run(copyToParquet(table, sinks.get(table)!.temp, parquetTemp(dir, table, suffix)));
    for (const table of tables) renameSync(parquetTemp(dir, table, suffix), join(dir, `${table}.parquet`));
  } finally {
    duckdb.close();
    for (const table of tables) rmSync(parquetTemp(dir, table, suffix), {force: true});
  }
}

function sqlString(s: string): string {
  return s.replaceAll("'", "''");
}
