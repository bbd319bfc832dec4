import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";

const root = fileURLToPath(new URL("..", import.meta.url));
const data = join(root, "data");

// As `npm run extract` runs it: from the bundle, built here first if a source changed.
const cli = [join(root, "loaders", "run", "launch.js")];

function extract(...args: string[]) {
  return spawnSync(process.execPath, [...cli, ...args], {cwd: root, encoding: "utf8"});
}

function extractWith(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [...cli, ...args], {cwd: root, encoding: "utf8", env: {...process.env, ...env}});
}

const TABLES = ["documents", "articles", "facts", "places"];

/** Seeds in folders, as UTF-16 and as HTML, beside a binary, an empty and a numeral-dense page. */
function composedCorpus(): string {
  const dir = tmp();
  const seeds = ["000_75a53e5b155eac84.txt", "001_fc0604a895fcbabd.txt", "002_72051a4ed1e9c469.txt"];
  for (const [i, seed] of seeds.entries()) {
    const text = readFileSync(join(data, seed), "utf8");
    mkdirSync(join(dir, `2020/0${i + 1}`), {recursive: true});
    cpSync(join(data, seed), join(dir, `2020/0${i + 1}`, seed));
    writeFileSync(
      join(dir, `utf16-${i}.txt`),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
    );
    const html = text.split("\n").map((line) => `<p>${line.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</p>`);
    writeFileSync(join(dir, `page-${i}.html`), `<html><body>${html.join("\n")}</body></html>`);
  }
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, "empty.md"), "");
  writeFileSync(
    join(dir, "numbers.txt"),
    "东昌府区堂邑镇共有贫困户126户，贫困人口356人，投入资金36.9万元。\n".repeat(400)
  );
  return dir;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "extract-"));
}

/** A table of a JSON output; with `corpus`, extracted from it into `dir` first. */
function readJson(dir: string, table: string, corpus?: string): any[] {
  if (corpus) assert.equal(extract(corpus, "--out", dir, "--quiet").status, 0);
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
  for (const table of TABLES) {
    assert.equal(readFileSync(join(a, `${table}.csv`), "utf8"), readFileSync(join(b, `${table}.csv`), "utf8"), table);
  }
});

test("a composed corpus gives byte-identical tables with 0, 1 and 2 workers, in every format", () => {
  const corpus = composedCorpus();
  for (const format of ["json", "csv", "parquet"]) {
    const outs = ["0", "1", "2"].map((workers) => {
      const out = tmp();
      const result = extract(corpus, "--out", out, "--quiet", "--format", format, "--workers", workers);
      assert.equal(result.status, 0, result.stderr);
      return out;
    });
    for (const table of TABLES) {
      const [a, b, c] = outs.map((out) => readFileSync(join(out, `${table}.${format}`)));
      assert.ok(a.equals(b) && a.equals(c), `${table}.${format}`);
    }
  }
  const documents = readJson(tmp(), "documents", corpus);
  assert.equal(documents.length, 12);
  assert.equal(documents.filter((d) => d.status === "rejected").length, 2);
});

test("a document past the watchdog's bound is rejected as timed out, and every other one lands", () => {
  const corpus = tmp();
  // Short pages, so that even on a busy machine only the hanging one comes near the bound (the watchdog is wall time).
  const page = readFileSync(join(data, "000_75a53e5b155eac84.txt"), "utf8").slice(0, 1500);
  for (const name of ["a.txt", "b-slow.txt", "c.txt"]) writeFileSync(join(corpus, name), page);
  // One worker: c.txt waits behind the stopped document and must be handed out again.
  const [slow, clean] = [tmp(), tmp()];
  const result = extractWith(
    {LIAOCHENG_TEST_HANG: "b-slow.txt"},
    corpus,
    "--out",
    slow,
    "--quiet",
    "--workers",
    "1",
    "--timeout",
    "8"
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^warning: b-slow\.txt: timed out after 8 s$/m);
  const documents = readJson(slow, "documents");
  assert.deepEqual(
    documents.map((d) => [d.doc, d.status]),
    [
      ["a.txt", "ok"],
      ["b-slow.txt", "rejected"],
      ["c.txt", "ok"]
    ]
  );
  assert.equal(documents[1].reason, "timed out after 8 s");
  assert.equal(extract(corpus, "--out", clean, "--quiet", "--workers", "2").status, 0);
  const others = (dir: string) => readJson(dir, "facts").filter((f) => f.doc !== "b-slow.txt");
  assert.deepEqual(others(slow), others(clean), "the other documents' facts are those of a run without the hang");
  assert.ok(others(slow).some((f) => f.doc === "c.txt"));
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
  const ids = (
    await connection.runAndReadAll(`SELECT fact_id FROM '${join(parquet, "facts.parquet")}'`)
  ).getRowObjects();
  assert.deepEqual(
    ids.map((r) => r.fact_id),
    readJson(json, "facts").map((f) => f.fact_id),
    "rows in the same order"
  );
  const columns = (
    await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${join(parquet, "facts.parquet")}'`)
  ).getRowObjects();
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
  writeFileSync(
    join(dir, "binary.txt"),
    Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])
  );
  writeFileSync(join(dir, "empty.txt"), "");
  const out = tmp();
  const result = extract(dir, "--out", out, "--quiet");
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^warning: binary\.txt: .+$/m);
  const documents = readJson(out, "documents");
  assert.deepEqual(
    documents.map((d) => d.doc),
    ["binary.txt", "empty.txt", "good.txt"]
  );
  assert.equal(documents.find((d) => d.doc === "binary.txt").status, "rejected");
  assert.ok(documents.find((d) => d.doc === "binary.txt").reason);
  assert.equal(documents.find((d) => d.doc === "good.txt").status, "ok");
  assert.ok(readJson(out, "facts").some((f) => f.doc === "good.txt"));
});

test("a bad command line or an unwritable folder exits 2 with a one-line error", () => {
  for (const args of [["--format", "xml"], ["no/such/folder"], ["--bogus"], ["--timeout", "0"]]) {
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
  const args = [...cli, data, "--out", "/proc/x"];
  const result = spawnSync(process.execPath, args, {cwd: root, encoding: "utf8", timeout: 60_000});
  // A hang guard: it returns at once when it works; 60 s leaves room for a loaded machine's startup.
  assert.equal(result.error, undefined, "it returned within 60 seconds");
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
