import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";

const root = fileURLToPath(new URL("..", import.meta.url));
const data = join(root, "data");

const cli = ["--import", "tsx", join(root, "loaders", "cli.ts")];

function extract(...args: string[]) {
  return spawnSync(process.execPath, [...cli, ...args], {cwd: root, encoding: "utf8"});
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "extract-"));
}

function readJson(dir: string, table: string): any[] {
  return JSON.parse(readFileSync(join(dir, `${table}.json`), "utf8"));
}

test("the seeds give the four tables in JSON, with facts pointing at their articles and sentences", () => {
  const out = tmp();
  const result = extract(data, "--out", out, "--quiet");
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, "");
  const documents = readJson(out, "documents");
  const articles = readJson(out, "articles");
  const facts = readJson(out, "facts");
  const places = readJson(out, "places");
  assert.equal(documents.length, 5);
  assert.ok(documents.every((d) => d.status === "ok"));
  assert.ok(articles.length >= 20);
  assert.ok(facts.length >= 50);
  const articleIds = new Set(articles.map((a) => a.article_id));
  for (const fact of facts) {
    assert.ok(articleIds.has(fact.article_id));
    const article = articles.find((a) => a.article_id === fact.article_id);
    // A headline figure's offsets are in its headline, which is its sentence (issue 11).
    assert.equal((fact.in_title ? fact.sentence : article.text).slice(fact.start, fact.end), fact.raw);
    assert.ok(fact.sentence.includes(fact.raw));
  }
  const kaifaqu = facts.find((f) => f.raw === "126户" && f.sentence.includes("庭院小道铺设"));
  assert.equal(kaifaqu.kind, "households");
  assert.equal(kaifaqu.value, 126);
  assert.equal(kaifaqu.place_name, "开发区");
  assert.ok(places.some((p) => p.name === "李堤口村" && p.level === "village"));
});

test("the same inputs give byte-identical outputs, with or without workers", () => {
  const [a, b] = [tmp(), tmp()];
  assert.equal(extract(data, "--out", a, "--quiet", "--format", "csv", "--workers", "0").status, 0);
  assert.equal(extract(data, "--out", b, "--quiet", "--format", "csv", "--workers", "2").status, 0);
  for (const table of ["documents", "articles", "facts", "places"]) {
    assert.equal(readFileSync(join(a, `${table}.csv`), "utf8"), readFileSync(join(b, `${table}.csv`), "utf8"), table);
  }
});

test("Parquet output has the contract's columns and the same rows as JSON", async () => {
  const [json, parquet] = [tmp(), tmp()];
  assert.equal(extract(data, "--out", json, "--quiet").status, 0);
  assert.equal(extract(data, "--out", parquet, "--quiet", "--format", "parquet").status, 0);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INT AS n, sum(value) AS total FROM '${join(parquet, "facts.parquet")}' WHERE kind = 'money'`
  );
  const [row] = reader.getRowObjects();
  const money = readJson(json, "facts").filter((f) => f.kind === "money");
  assert.equal(row.n, money.length);
  assert.ok(Math.abs(Number(row.total) - money.reduce((s, f) => s + f.value, 0)) < 1e-6);
  const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${join(parquet, "facts.parquet")}'`)).getRowObjects();
  assert.deepEqual(
    columns.slice(0, 4).map((c) => c.column_name),
    ["fact_id", "doc", "article_id", "value"]
  );
  connection.closeSync();
  instance.closeSync();
});

test("bad documents are reported by name and rejected; the others still land; exit 0", () => {
  const dir = tmp();
  cpSync(join(data, "000_75a53e5b155eac84.txt"), join(dir, "good.txt"));
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(dir, "empty.txt"), "");
  const out = tmp();
  const result = extract(dir, "--out", out, "--quiet");
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^warning: binary\.txt: .+$/m);
  const documents = readJson(out, "documents");
  assert.deepEqual(documents.map((d) => d.doc), ["binary.txt", "empty.txt", "good.txt"]);
  assert.equal(documents.find((d) => d.doc === "binary.txt").status, "rejected");
  assert.ok(documents.find((d) => d.doc === "binary.txt").reason);
  assert.equal(documents.find((d) => d.doc === "good.txt").status, "ok");
  assert.ok(readJson(out, "facts").some((f) => f.doc === "good.txt"));
});

test("a bad command line or an unwritable folder exits 2 with a one-line error", () => {
  for (const args of [["--format", "xml"], ["no/such/folder"], ["--bogus"]]) {
    const result = extract(...args, "--out", tmp());
    assert.equal(result.status, 2, args.join(" "));
    assert.match(result.stderr, /^extract: .+\n$/);
  }
  const file = join(tmp(), "file");
  writeFileSync(file, "");
  const result = extract(data, "--out", file);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^extract: cannot write to /);
});

test("--out under /proc exits 2 with a one-line error instead of hanging", {skip: process.platform !== "linux"}, () => {
  // Node's mkdirSync(…, {recursive: true}) retries forever there: /proc answers ENOENT for a child it cannot hold.
  const result = spawnSync(process.execPath, [...cli, data, "--out", "/proc/x"], {cwd: root, encoding: "utf8", timeout: 10_000});
  assert.equal(result.error, undefined, "it returned within 10 seconds");
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^extract: cannot write to \/proc\/x: [^\n]+\n$/);
});

test("--help explains the command; progress goes to stderr unless --quiet", () => {
  const help = extract("--help");
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--format/);
  const loud = extract(data, "--out", tmp());
  assert.match(loud.stderr, /5\/5 documents .* MB\/s/);
  assert.equal(loud.stdout, "");
});
