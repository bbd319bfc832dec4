// The site's aggregates (src/data/aggregates.ts): sums by the engine's `summable` column, and a size that does not
// grow with the number of facts or articles.
import {test} from "node:test";
import assert from "node:assert/strict";
import {join} from "node:path";
import {cachedTables} from "../loaders/run/cache.js";
import {articleCube, factCube, latestArticles, villageCube} from "../src/data/aggregates.js";

const seeds = join(import.meta.dirname, "..", "data");

const corpus = () => cachedTables([seeds], {log: () => {}});

test("the fact cube's sums are the sums of the summable facts, its counts every fact", async () => {
  const {facts, places} = await corpus();
  const cells = factCube(facts, places);
  for (const kind of ["money", "households", "persons"]) {
    const expected = facts.filter((d) => d.kind === kind && d.summable).reduce((s, d) => s + d.value, 0);
    const summed = cells.filter((d) => d.kind === kind).reduce((s, d) => s + d.sum, 0);
    assert.equal(summed, expected, kind);
  }
  assert.equal(
    cells.reduce((s, d) => s + d.n, 0),
    facts.length
  );
  assert.equal(
    cells.reduce((s, d) => s + d.n_summable, 0),
    facts.filter((d) => d.summable).length
  );
  assert.ok(
    facts.some((d) => !d.summable),
    "the seeds have rates and averages that do not add up"
  );
});

test("the aggregates do not grow with the number of facts and articles", async () => {
  const {articles, facts, places} = await corpus();
  // Ten copies of the corpus: ten times the facts and articles, about the same places, periods and topics.
  const copies = <T extends object>(rows: T[], id: keyof T) =>
    Array.from({length: 10}, (_, i) =>
      rows.map((d) => ({...d, [id]: `${d[id]}-${i}`, doc: `${i}/${(d as any).doc}`}))
    ).flat();
  const moreFacts = copies(facts, "fact_id");
  const moreArticles = copies(articles, "article_id");
  assert.equal(factCube(moreFacts, places).length, factCube(facts, places).length);
  assert.equal(villageCube(moreFacts, places).length, villageCube(facts, places).length);
  assert.equal(articleCube(moreArticles, places).length, articleCube(articles, places).length);
  const latest = latestArticles(moreArticles, moreFacts, places);
  assert.ok(latest.length <= 20 * 2 * (1 + 11 + 11 + 10) && latest.length < moreArticles.length);
  const total = (cells: {sum: number}[]) => cells.reduce((s, d) => s + d.sum, 0);
  assert.ok(Math.abs(total(factCube(moreFacts, places)) - 10 * total(factCube(facts, places))) < 1e-3);
});
