// The extract bench's engine figures (bench/extract.bench.ts): engines in processes of their own, from the bundle a
// worker runs, over the seeds. Only that it runs and adds up is tested here; its figures are the bench's.
import {test} from "node:test";
import assert from "node:assert/strict";
import {fileURLToPath} from "node:url";
import {engineRuns} from "../bench/extract.bench.js";
import {listDocuments} from "../loaders/run/corpus.js";

const seeds = fileURLToPath(new URL("../data/", import.meta.url));

test("the engine bench runs each document once through the bundled engines and splits their CPU", async () => {
  const bytes = listDocuments([seeds]).reduce((sum, file) => sum + file.size, 0);
  for (const engines of [1, 2]) {
    const {runs, seconds} = await engineRuns(seeds, engines);
    assert.equal(runs.length, engines);
    assert.ok(seconds > 0);
    // Every document once, between the engines.
    assert.ok(Math.abs(runs.reduce((sum, run) => sum + run.megabytes, 0) - bytes / 1e6) < 1e-9);
    for (const {megabytes, cpu, warmup, pace} of runs) {
      // Each engine had documents of its own, and its pace and warm-up are figures, not NaN or Infinity.
      assert.ok(megabytes > 0 && cpu > 0);
      assert.ok(Number.isFinite(pace) && pace > 0 && Number.isFinite(warmup));
    }
  }
});
