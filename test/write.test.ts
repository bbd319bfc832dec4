import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParseRows} from "d3-dsv";
import {DuckDBInstance} from "@duckdb/node-api";
import {encodeRows, openTables, PART_ROWS, splitRows} from "../loaders/run/write.js";

const tmp = () => mkdtempSync(join(tmpdir(), "write-"));

function fact(i: number, sentence = `第${i}句，全镇共有贫困户${i}户。`) {
  return {
    fact_id: `f${i}`,
    doc: "a.txt",
    article_id: "a",
    value: i,
    raw: `${i}户`,
    unit: "户",
    kind: "households",
    sentence
  };
}

test("rows are encoded in pieces of bounded size, never one string for the whole table", () => {
  const rows = Array.from({length: 50_000}, (_, i) => fact(i));
  for (const staging of ["json", "csv", "ndjson"] as const) {
    const pieces = encodeRows("facts", staging, rows);
    assert.ok(pieces.length > 20, `${staging}: ${pieces.length} pieces`);
    // 64 K UTF-16 units of Chinese are at most 192 KB of UTF-8.
    for (const piece of pieces)
      assert.ok(piece.byteLength <= 3 * 65536, `${staging}: a piece of ${piece.byteLength} bytes`);
  }
  // A row longer than a piece is a piece of its own, and the rest stay bounded.
  const long = encodeRows("facts", "json", [fact(1), fact(2, "字".repeat(200_000)), fact(3)]);
  assert.equal(long.length, 3);
  assert.ok(long[1].byteLength > 600_000 && long[0].byteLength < 1000 && long[2].byteLength < 1000);
});

test("a table written in many calls is one valid file, as if written at once", async () => {
  const [many, once] = [tmp(), tmp()];
  const rows = Array.from({length: 3000}, (_, i) => fact(i));
  const writer = openTables(many, "json");
  for (let i = 0; i < rows.length; i += 7) writer.write("facts", rows.slice(i, i + 7));
  writer.writePieces("facts", [], 0);
  await writer.close();
  const single = openTables(once, "json");
  single.write("facts", rows);
  await single.close();
  const text = readFileSync(join(many, "facts.json"), "utf8");
  assert.equal(text, readFileSync(join(once, "facts.json"), "utf8"));
  assert.equal(JSON.parse(text).length, 3000);
  assert.equal(JSON.parse(readFileSync(join(many, "documents.json"), "utf8")).length, 0);
});

test("files appear only when complete: until close, and after a failed run, the previous output stays", async () => {
  const dir = tmp();
  writeFileSync(join(dir, "facts.json"), "previous\n");
  const writer = openTables(dir, "json");
  writer.write("facts", [fact(1)]);
  assert.equal(readFileSync(join(dir, "facts.json"), "utf8"), "previous\n", "not replaced while being written");
  writer.abort();
  assert.equal(readFileSync(join(dir, "facts.json"), "utf8"), "previous\n");
  assert.deepEqual(readdirSync(dir), ["facts.json"], "no temporary file is left");

  const next = openTables(dir, "csv");
  next.write("facts", [fact(2)]);
  await next.close();
  assert.deepEqual(readdirSync(dir).sort(), ["articles.csv", "documents.csv", "facts.csv", "facts.json", "places.csv"]);
});

test("CSV neutralises text cells a spreadsheet would run as formulas; numbers stay numbers", async () => {
  const dir = tmp();
  const writer = openTables(dir, "csv");
  writer.write("facts", [
    {...fact(1), value: -3, subject: "=SUM(A1:A9)", raw: "-3万元", unit: "+1", place_name: "@莘县", sentence: "\t说"},
    {...fact(2), subject: "庭院-小道", sentence: 'a,"b"'}
  ]);
  await writer.close();
  const [header, first, second] = csvParseRows(readFileSync(join(dir, "facts.csv"), "utf8"));
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  assert.equal(cell(first, "value"), "-3");
  assert.equal(cell(first, "subject"), "'=SUM(A1:A9)");
  assert.equal(cell(first, "raw"), "'-3万元");
  assert.equal(cell(first, "unit"), "'+1");
  assert.equal(cell(first, "place_name"), "'@莘县");
  assert.equal(cell(first, "sentence"), "'\t说");
  assert.equal(cell(second, "subject"), "庭院-小道");
  assert.equal(cell(second, "sentence"), 'a,"b"');
  assert.equal(cell(second, "value"), "2");
});

test("a Parquet run that fails leaves the previous output and no temporary file", async () => {
  const dir = tmp();
  writeFileSync(join(dir, "facts.parquet"), "previous\n");
  const writer = openTables(dir, "parquet");
  writer.write("facts", [fact(1)]);
  writer.abort();
  assert.deepEqual(readdirSync(dir), ["facts.parquet"]);
  assert.equal(readFileSync(join(dir, "facts.parquet"), "utf8"), "previous\n");
});

test("NDJSON pieces are cut after a given row, wherever the pieces end", () => {
  const pieces = [Buffer.from('{"a":1}\n{"a":"x\\ny"}\n{"a'), Buffer.from('":3}\n'), Buffer.from('{"a":4}\n')];
  const text = (parts: Uint8Array[]) => Buffer.concat(parts).toString();
  for (let n = 0; n <= 4; n++) {
    const [head, tail] = splitRows(pieces, n);
    const lines = text(pieces).split("\n");
    assert.equal(
      text(head),
      lines
        .slice(0, n)
        .map((line) => line + "\n")
        .join(""),
      `head of ${n}`
    );
    assert.equal(text(head) + text(tail), text(pieces));
  }
});

test("Parquet is converted a row group at a time while rows still come, into one file of all the rows", async () => {
  const dir = tmp();
  const total = 3 * PART_ROWS + 5;
  const rows = Array.from({length: total}, (_, i) => fact(i));
  const writer = openTables(dir, "parquet");
  for (let i = 0; i < total; i += 1000) writer.write("facts", rows.slice(i, i + 1000));
  // Before close, the complete parts are converted already: the end of the run has only the last to do.
  const scratch = join(
    dir,
    readdirSync(dir).find((name) => name.startsWith(".parquet."))!
  );
  const parts = () => readdirSync(scratch).filter((name) => /^facts\.\d+\.parquet$/.test(name));
  for (let waited = 0; parts().length < 3 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.equal(parts().length, 3, `parts converted before close: ${readdirSync(scratch).join(" ")}`);
  await writer.close();
  assert.deepEqual(readdirSync(dir).sort(), [
    "articles.parquet",
    "documents.parquet",
    "facts.parquet",
    "places.parquet"
  ]);
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const path = join(dir, "facts.parquet");
  const read = await connection.runAndReadAll(`SELECT fact_id, value, sentence FROM '${path}'`);
  assert.deepEqual(
    read.getRows(),
    rows.map((row) => [row.fact_id, row.value, row.sentence])
  );
  const groups = await connection.runAndReadAll(
    `SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('${path}') ORDER BY 1`
  );
  assert.deepEqual(
    groups.getRows().map(([, n]) => Number(n)),
    [PART_ROWS, PART_ROWS, PART_ROWS, 5]
  );
  const empty = await connection.runAndReadAll(`SELECT count(*)::INT FROM '${join(dir, "articles.parquet")}'`);
  assert.equal(empty.getRows()[0][0], 0);
});
