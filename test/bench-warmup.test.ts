// The extract bench's warm-up figure (bench/extract.bench.ts): one engine in a process of its own, from the bundle a
// worker runs, over the seeds. Only that it runs and adds up is tested here; its figures are the bench's.
import {test} from "node:test";
import assert from "node:assert/strict";
import {fileURLToPath} from "node:url";
import {engineWarmup} from "../bench/extract.bench.js";
import {listDocuments} from "../loaders/run/corpus.js";

const seeds = fileURLToPath(new URL("../data/", import.meta.url));

test("the warm-up bench runs the bundled engine over every document and splits its CPU into warm-up and pace", async () => {
  const {megabytes, cpu, warmup, pace} = await engineWarmup(seeds);
  const bytes = listDocuments([seeds]).reduce((sum, file) => sum + file.size, 0);
  assert.equal(megabytes, bytes / 1e6);
  assert.ok(cpu > 0 && pace > 0);
  // The warm-up is the CPU the second half's pace leaves unexplained: the two add up to the whole.
  assert.ok(Math.abs(warmup + megabytes / pace - cpu) < 1e-9);
});
