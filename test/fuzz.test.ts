// The fuzz suite's small budget (a few seconds of extraction): hostile documents from test/support/hostile.ts, each
// through the whole pipeline. The long campaign, with large inputs and throughput, is bench/fuzz.bench.ts.
import {test} from "node:test";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {listDocuments} from "../loaders/run/corpus.js";
import {extractDocument, type DocumentResult} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {extractTables} from "../loaders/run/tables.js";
import {FAMILIES, oddName, random} from "./support/hostile.js";

const seeds = fileURLToPath(new URL("../data/", import.meta.url));

/** Small inputs: even a superlinear path stays fast here; the bench measures how time grows. */
const CASES_PER_FAMILY = 4;
const MAX_CHARS = 3000;
/** A bound per document far above what a small page takes, so only a hang or a blow-up trips it. */
const MAX_MS = 5000;

/** What must hold of any document's result, however hostile its bytes. */
function assertSound(result: DocumentResult, doc: string, label: string): void {
  const {document, articles, facts} = result;
  assert.equal(document.doc, doc, label);
  assert.ok(document.status === "ok" || document.status === "rejected", label);
  if (document.status === "rejected") {
    assert.ok(
      typeof document.reason === "string" && document.reason.length > 0,
      `${label}: a rejection names its reason`
    );
    assert.equal(articles.length + facts.length, 0, label);
  }
  const byId = new Map(articles.map((article) => [article.article_id, article]));
  for (const fact of facts) {
    // A headline's figures index the headline (facts.in_title), the others the article's text.
    const article = byId.get(fact.article_id);
    const text = fact.in_title ? article?.title : article?.text;
    assert.ok(text !== undefined, `${label}: fact ${fact.fact_id} points to an article`);
    assert.equal(text.slice(fact.start, fact.end), fact.raw, `${label}: offsets of ${fact.raw}`);
    assert.ok(Number.isFinite(fact.value), `${label}: ${fact.raw} has a finite value`);
  }
  assert.equal(new Set(facts.map((fact) => fact.fact_id)).size, facts.length, `${label}: fact ids are unique`);
}

test("hostile documents: no crash, no hang, every fact points into its article's text", () => {
  const gazetteer = loadGazetteer();
  const r = random(13);
  for (const [family, make] of Object.entries(FAMILIES)) {
    for (let i = 0; i < CASES_PER_FAMILY; i++) {
      const size = 50 + r.int(MAX_CHARS);
      const {bytes, ext} = make(r, size);
      const doc = `${family}-${i}${ext}`;
      const label = `${doc} (seed 13, ${bytes.length} bytes)`;
      const started = performance.now();
      let result: DocumentResult;
      try {
        result = extractDocument(doc, bytes, gazetteer);
      } catch (error) {
        assert.fail(`${label} crashed: ${(error as Error).stack}`);
      }
      const ms = performance.now() - started;
      assert.ok(ms < MAX_MS, `${label} took ${ms.toFixed(0)} ms`);
      assertSound(result, doc, label);
    }
  }
});

test("a folder of hostile documents under odd names: every file once, the seeds' rows unchanged, 1 and 2 workers alike", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fuzz-"));
  const alone = join(dir, "seeds");
  const mixed = join(dir, "mixed");
  cpSync(seeds, alone, {recursive: true});
  cpSync(seeds, mixed, {recursive: true});
  const r = random(15);
  const families = Object.values(FAMILIES);
  for (let i = 0; i < 40; i++) {
    const {bytes, ext} = families[i % families.length](r, 50 + r.int(2000));
    writeFileSync(Buffer.concat([Buffer.from(`${mixed}/`), oddName(r, i, ext)]), bytes);
  }
  const listed = listDocuments([mixed]).map((file) => file.doc);
  assert.equal(listed.length, 45);

  const seedTables = await extractTables([alone], {workers: 0});
  const one = await extractTables([mixed], {workers: 1});
  const two = await extractTables([mixed], {workers: 2});
  assert.equal(JSON.stringify(two), JSON.stringify(one), "1 and 2 workers give the same tables");

  assert.deepEqual(
    one.documents.map((d) => d.doc),
    listed,
    "every file once, in listing order"
  );
  for (const document of one.documents) {
    if (document.status === "rejected") assert.ok(document.reason, `${document.doc} names its reason`);
  }
  const seedDocs = new Set(seedTables.documents.map((d) => d.doc));
  for (const table of ["documents", "articles", "facts"] as const) {
    const rows = (one[table] as {doc: string}[]).filter((row) => seedDocs.has(row.doc));
    assert.deepEqual(rows, seedTables[table], `the seeds' ${table} are the same beside hostile neighbours`);
  }
});
