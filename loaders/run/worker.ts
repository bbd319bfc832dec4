// A worker thread of the extraction pool (pool.ts): reads, extracts and, for the command line, encodes the documents
// it is sent, one at a time, in the order sent. It says `ready` once its gazetteer is built, so the pool's watchdog
// times documents, not the start-up.
import {parentPort, workerData} from "node:worker_threads";
import {packResult, resultEncoder} from "./encoded.js";
import {extractOne, loadGazetteer, placeRowsOf} from "./extract-one.js";
import type {Job} from "./job.js";
import {saveCodeCache} from "./save-code-cache.js";
import {threadCpuSeconds} from "./thread-cpu.js";
import type {Staging} from "./write.js";

const {prefecture, staging, hang, stats} = workerData as {
  prefecture?: string;
  staging: Staging | null;
  hang?: string;
  /** Report this thread's CPU time with each result (for the bench). */
  stats?: boolean;
};
const gazetteer = loadGazetteer({prefecture});
const encode = staging ? resultEncoder(staging, placeRowsOf(gazetteer)) : null;
parentPort!.on("message", (job: Job) => {
  // The watchdog's test hook (LIAOCHENG_TEST_HANG): this document never finishes.
  if (hang !== undefined && job.doc === hang) for (;;);
  const result = extractOne(job, gazetteer);
  const packed = encode ? packResult(encode(result)) : null;
  // The first time only: what a document compiles, for the next run's workers; before the result goes, since the
  // pool may stop this thread as soon as it has its last result.
  saveCodeCache();
  const cpu = stats ? threadCpuSeconds() : undefined;
  if (!packed) return parentPort!.postMessage({index: job.index, result, cpu});
  // The bytes' buffer is handed over, not copied: it is this result's alone (packResult).
  parentPort!.postMessage({index: job.index, result: packed, cpu}, [packed.bytes.buffer as ArrayBuffer]);
});
parentPort!.postMessage({ready: true});
