// The four tables of data/ as the engine writes them, kept in test/snapshots/: every change to the engine's output
// shows up as a reviewed diff (as Framework's build tests snapshot whole builds). After a deliberate change, run
// `UPDATE_SNAPSHOTS=1 node --import tsx --test test/snapshot.test.ts` and read the diff before committing it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {extractTables} from "../loaders/run/tables.js";
import {TABLES} from "../loaders/run/write.js";

const dataDir = fileURLToPath(new URL("../data/", import.meta.url));
const snapshotDir = fileURLToPath(new URL("./snapshots/", import.meta.url));
const update = process.env.UPDATE_SNAPSHOTS === "1";

test("the tables of data/ match their snapshots", async () => {
  const tables = await extractTables([dataDir], {workers: 1});
  if (update) mkdirSync(snapshotDir, {recursive: true});
  for (const table of TABLES) {
    const path = `${snapshotDir}${table}.json`;
    // One row per line, so a diff names the rows that changed.
    const actual = `[\n${tables[table].map((row) => JSON.stringify(row)).join(",\n")}\n]\n`;
    if (update || !existsSync(path)) writeFileSync(path, actual);
    assert.equal(actual, readFileSync(path, "utf8"), `${table} differs from test/snapshots/${table}.json`);
  }
});
