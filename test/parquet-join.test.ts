import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import * as arrow from "apache-arrow";
import * as parquet from "parquet-wasm";
import {joinParquet, readStruct, writeStruct} from "../loaders/run/parquet-join.js";

const tmp = () => mkdtempSync(join(tmpdir(), "parquet-join-"));

/** The rows of `sql` (text, numbers, nulls, booleans) as DuckDB writes them to Parquet. */
async function written(connection: Awaited<ReturnType<DuckDBInstance["connect"]>>, sql: string, path: string) {
  await connection.run(`COPY (${sql}) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
  return path;
}

const rows = (from: number, to: number) =>
  `SELECT i AS n, '第' || i || '户' AS text, CASE WHEN i % 3 = 0 THEN NULL ELSE i / 7 END AS value, ` +
  `i % 2 = 0 AS even FROM range(${from}, ${to}) t(i) ORDER BY i`;

test("a Parquet footer reads into a tree that writes back byte for byte", async () => {
  const dir = tmp();
  const connection = await (await DuckDBInstance.create(":memory:", {threads: "1"})).connect();
  const bytes = readFileSync(await written(connection, rows(0, 250), join(dir, "a.parquet")));
  const length = bytes.readUInt32LE(bytes.length - 8);
  const footer = bytes.subarray(bytes.length - 8 - length, bytes.length - 8);
  const {struct, end} = readStruct(footer);
  assert.equal(end, footer.length);
  assert.deepEqual(Buffer.from(writeStruct(struct)), footer);
});

test("Parquet files joined by their row groups hold all their rows, in order, for any reader", async () => {
  const dir = tmp();
  const connection = await (await DuckDBInstance.create(":memory:", {threads: "1"})).connect();
  const parts = [
    await written(connection, rows(0, 250), join(dir, "a.parquet")),
    await written(connection, rows(250, 251), join(dir, "b.parquet")),
    await written(connection, rows(0, 0), join(dir, "empty.parquet")),
    await written(connection, rows(251, 600), join(dir, "c.parquet"))
  ];
  const out = join(dir, "joined.parquet");
  joinParquet(parts, out);
  const read = await connection.runAndReadAll(`SELECT * FROM '${out}'`);
  const expected = await connection.runAndReadAll(rows(0, 600));
  assert.deepEqual(read.getRows(), expected.getRows());
  const groups = await connection.runAndReadAll(
    `SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('${out}') ORDER BY 1`
  );
  // Each part's row group, one after the other (the empty part has none).
  assert.deepEqual(
    groups.getRows().map(([, n]) => Number(n)),
    [250, 1, 349]
  );
  // A second reader, which finds every page through the footer's offsets.
  const table = arrow.tableFromIPC(parquet.readParquet(readFileSync(out)).intoIPCStream());
  assert.equal(table.numRows, 600);
  assert.deepEqual([...table.getChild("n")!.toArray().slice(248, 253)].map(Number), [248, 249, 250, 251, 252]);
  assert.equal(table.getChild("text")!.get(599), "第599户");
});

test("files of different schemas are not joined", async () => {
  const dir = tmp();
  const connection = await (await DuckDBInstance.create(":memory:", {threads: "1"})).connect();
  const a = await written(connection, rows(0, 10), join(dir, "a.parquet"));
  const b = await written(connection, "SELECT 1 AS other", join(dir, "b.parquet"));
  assert.throws(() => joinParquet([a, b], join(dir, "out.parquet")), /another schema/);
});
