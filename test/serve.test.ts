// The static server the browser tests and benches use: what DuckDB-wasm needs to read a file in pieces (HEAD, byte
// ranges) and what a host does to text (gzip), so that bytes measured through it are bytes a reader would wait for.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {byteRange, serve} from "../scripts/serve.js";

const dir = mkdtempSync(join(tmpdir(), "serve-"));
const body = "0123456789".repeat(100);
let site: Awaited<ReturnType<typeof serve>>;

before(async () => {
  writeFileSync(join(dir, "table.duckdb"), body);
  writeFileSync(join(dir, "rows.json"), JSON.stringify(body));
  writeFileSync(join(dir, "page.html"), "<p>page</p>");
  site = await serve(dir, {gzip: true});
});
after(async () => {
  await site.close();
  rmSync(dir, {recursive: true, force: true});
});

test("byteRange reads a-b, a- and -n, clamps to the file, and refuses what lies beyond it", () => {
  assert.deepEqual(byteRange("bytes=2-4", 10), {start: 2, end: 4});
  assert.deepEqual(byteRange("bytes=7-", 10), {start: 7, end: 9});
  assert.deepEqual(byteRange("bytes=-3", 10), {start: 7, end: 9});
  assert.deepEqual(byteRange("bytes=5-99", 10), {start: 5, end: 9});
  assert.equal(byteRange("bytes=10-", 10), null);
  assert.equal(byteRange("bytes=-", 10), null);
  assert.equal(byteRange("bytes=1-2,4-5", 10), null);
});

test("HEAD gives the size and a range gives just those bytes (206)", async () => {
  const head = await fetch(`${site.origin}/table.duckdb`, {method: "HEAD"});
  assert.equal(head.status, 200);
  assert.equal(head.headers.get("content-length"), String(body.length));
  assert.equal(head.headers.get("accept-ranges"), "bytes");
  const part = await fetch(`${site.origin}/table.duckdb`, {headers: {range: "bytes=100-109"}});
  assert.equal(part.status, 206);
  assert.equal(part.headers.get("content-range"), `bytes 100-109/${body.length}`);
  assert.equal(await part.text(), "0123456789");
  const beyond = await fetch(`${site.origin}/table.duckdb`, {headers: {range: "bytes=5000-"}});
  assert.equal(beyond.status, 416);
});

test("text is sent gzipped to a client that accepts it, a database file never; /x answers with x.html", async () => {
  const {request} = await import("node:http");
  const raw = await new Promise<{encoding?: string; bytes: Buffer}>((resolve, reject) => {
    request(`${site.origin}/rows.json`, {headers: {"accept-encoding": "gzip"}}, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({encoding: response.headers["content-encoding"], bytes: Buffer.concat(chunks)}));
    })
      .on("error", reject)
      .end();
  });
  assert.equal(raw.encoding, "gzip");
  assert.ok(raw.bytes.length < body.length / 10, `${raw.bytes.length} bytes`);
  assert.equal(JSON.parse(gunzipSync(raw.bytes).toString()), body);
  const db = await fetch(`${site.origin}/table.duckdb`);
  assert.equal(db.headers.get("content-encoding"), null);
  assert.equal(await (await fetch(`${site.origin}/page`)).text(), "<p>page</p>");
});
