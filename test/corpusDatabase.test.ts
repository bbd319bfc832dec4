// The corpus as a DuckDB file (src/data/corpusDatabase.ts): rows staged as NDJSON a chunk at a time, each with its
// derived columns appended to its own JSON, read back with every value and derived column where it belongs.
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {corpusDatabase} from "../src/data/corpusDatabase.js";
import type {Tables} from "../loaders/schema.js";

const places = [
  {place_code: "371502", name: "东昌府区", level: "county", parent_code: "371500", county_code: "371502"},
  {place_code: "371502001", name: "古楼街道", level: "town", parent_code: "371502", county_code: "371502"},
  {place_code: "371502001201", name: "某村", level: "village", parent_code: "371502001", county_code: "371502"}
];
// Enough facts that the staging file is written in several chunks (4 MB each).
const facts = Array.from({length: 30_000}, (_, i) => ({
  fact_id: `f${i}`,
  article_id: `a${i % 3}`,
  value: i % 1000 === 7 ? NaN : i,
  place_code: i % 2 ? "371502001201" : null,
  date: i % 3 ? "2019-05-01" : null,
  sentence: `“引号”与'单引号'\n${"扶贫".repeat(100)}`
}));
const articles = [
  {article_id: "a0", doc: "d.txt", seq: 0, title: "t", place_code: "371502001201", date: "2020-01"},
  {article_id: "a1", doc: "d.txt", seq: 1, title: undefined, place_code: null, date: null},
  {article_id: "a2", doc: "d.txt", seq: 2, title: "t2", place_code: "371502", date: "2018"}
];
const tables = {documents: [], places, facts, articles} as unknown as Tables;

test("the corpus database holds every row, NaN and missing values as NULL, derived columns from the place chain", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-db-test-"));
  try {
    const path = join(dir, "corpus.duckdb");
    writeFileSync(path, await corpusDatabase(tables));
    const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
    const connection = await instance.connect();
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    assert.deepEqual(await rows("SELECT count(*) AS n FROM documents"), [{n: "0"}]);
    assert.deepEqual(
      await rows("SELECT article_id, title, county_code, county, town_code, year, facts FROM articles ORDER BY seq"),
      [
        {
          article_id: "a0",
          title: "t",
          county_code: "371502",
          county: "东昌府区",
          town_code: "371502001",
          year: "2020",
          facts: 10000
        },
        {article_id: "a1", title: null, county_code: null, county: null, town_code: null, year: null, facts: 10000},
        {
          article_id: "a2",
          title: "t2",
          county_code: "371502",
          county: "东昌府区",
          town_code: null,
          year: "2018",
          facts: 10000
        }
      ]
    );
    const [summary] = await rows(
      "SELECT count(*) AS n, count(value) AS valued, count(town_code) AS in_town, count(year) AS dated, " +
        "min(length(sentence)) AS chars FROM facts"
    );
    assert.deepEqual(summary, {n: "30000", valued: "29970", in_town: "15000", dated: "20000", chars: "211"});
    connection.closeSync();
    instance.closeSync();
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
