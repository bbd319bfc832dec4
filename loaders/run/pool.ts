// Extraction across cores: documents go to worker threads and come back in input order. At most a few documents per
// worker are read ahead of the one being written, so memory stays flat however large the corpus.
//
// For the command line (extractEncoded) a worker also encodes its rows as the table files' bytes and sends them packed
// (encoded.ts), so this thread only appends bytes: it neither clones rows one by one out of the workers nor
// serializes them.
// A watchdog stops a worker whose document runs past its bound and records the document as rejected; the worker
// is replaced, the documents queued behind it are handed out again, and the run goes on.
import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import {freshBundle} from "./bundle.js";
import type {DocumentFile} from "./corpus.js";
import {encodeRejected, resultEncoder, unpackResult, type EncodedResult, type PackedResult} from "./encoded.js";
import type {DocumentResult} from "../extract.js";
import type {Gazetteer} from "../gazetteer.js";
import {rejectedResult, type Job} from "./job.js";
import type {Staging} from "./write.js";

export interface PoolOptions {
  /** Worker threads; 0 extracts in this thread (then no watchdog). Default: one per core. */
  workers?: number;
  prefecture?: string;
  /** Seconds a document may take, and as many again for each 10 MB of it, before it is stopped. Default 30. */
  timeout?: number;
  /** Filled in at the end when given: CPU seconds the worker threads spent (as of their last results). */
  stats?: {workerCpu: number};
}

export const DEFAULT_TIMEOUT = 30;

/** The watchdog's bound for a document of this many bytes, in seconds. */
export function timeoutFor(bytes: number, timeout = DEFAULT_TIMEOUT): number {
  return timeout * (1 + bytes / 10e6);
}

/** Each document's rows, as the engine gives them (for the site's tables, held in memory). */
export function extractFiles(files: DocumentFile[], options: PoolOptions = {}): AsyncGenerator<DocumentResult> {
  return run(
    files,
    options,
    null,
    (engine) => (job) => engine.extractOne(job, engine.gazetteer),
    (result: DocumentResult) => result,
    rejectedResult
  );
}

/** Each document's rows encoded for a table file (for the command line, which only writes them). */
export function extractEncoded(
  files: DocumentFile[],
  staging: Staging,
  options: PoolOptions = {}
): AsyncGenerator<EncodedResult> {
  return run(
    files,
    options,
    staging,
    (engine) => {
      const encode = resultEncoder(staging, engine.placeRowsOf(engine.gazetteer));
      return (job) => encode(engine.extractOne(job, engine.gazetteer));
    },
    (packed: PackedResult) => unpackResult(packed),
    (doc, reason) => encodeRejected(doc, reason, staging)
  );
}

/** Documents a worker holds at once: it starts the next while its last result is still on its way here. */
const QUEUED = 2;

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Documents sent, in the order the worker reads them: the first is the one it is on. */
  jobs: Job[];
  timer: ReturnType<typeof setTimeout> | null;
  /** The worker thread's CPU seconds as of its last result (when options.stats asks for them). */
  cpu: number;
}

/** The worker's entry: the bundle's when it is fresh (no TypeScript to compile), else the sources through tsx. */
function workerEntry(): URL {
  return freshBundle()?.worker ?? new URL("./worker-boot.js", import.meta.url);
}

type Engine = typeof import("./extract-one.js") & {gazetteer: Gazetteer};

async function* run<R, M>(
  files: DocumentFile[],
  options: PoolOptions,
  staging: Staging | null,
  local: (engine: Engine) => (job: Job) => R,
  /** A worker's message as a result. */
  receive: (message: M) => R,
  rejected: (doc: string, reason: string) => R
): AsyncGenerator<R> {
  const jobs: Job[] = files.map(({doc, path}, index) => ({index, doc, path}));
  const workers = Math.min(options.workers ?? availableParallelism(), files.length);
  if (workers <= 0) {
    const engine = await import("./extract-one.js");
    const extract = local({...engine, gazetteer: engine.loadGazetteer({prefecture: options.prefecture})});
    for (const job of jobs) yield extract(job);
    return;
  }
  const entry = workerEntry();
  const hang = process.env.LIAOCHENG_TEST_HANG;
  const done = new Map<number, R>();
  /** Documents handed back by a stopped worker, to go out again before any new one. */
  const retry: Job[] = [];
  const maxAhead = workers * 4;
  let next = 0;
  let consumed = 0;
  let failure: Error | null = null;
  let wake = () => {};
  let closing = false;
  let retiredCpu = 0;

  const finish = (index: number, result: R) => {
    done.set(index, result);
    wake();
  };
  const watch = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.jobs[0];
    if (!slot.ready || !head) return;
    const seconds = timeoutFor(files[head.index].size, options.timeout);
    slot.timer = setTimeout(() => stop(slot, `timed out after ${formatSeconds(seconds)}`), seconds * 1000);
  };
  /** The worker's document cannot finish: record why, replace the worker, hand its other documents out again. */
  const stop = (slot: Slot, reason: string) => {
    const [head, ...rest] = slot.jobs;
    retiredCpu += slot.cpu;
    if (slot.timer) clearTimeout(slot.timer);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
    if (head) finish(head.index, rejected(head.doc, reason));
    for (const job of rest) retry.push(job);
    retry.sort((a, b) => a.index - b.index);
    slots[slots.indexOf(slot)] = spawn();
    dispatch();
  };
  const spawn = (): Slot => {
    const stats = options.stats !== undefined;
    const worker = new Worker(entry, {workerData: {prefecture: options.prefecture, staging, hang, stats}});
    const slot: Slot = {worker, ready: false, jobs: [], timer: null, cpu: 0};
    worker.on("message", (message: {ready: true} | {index: number; result: M; cpu?: number}) => {
      if ("ready" in message) {
        slot.ready = true;
      } else {
        slot.jobs.shift();
        slot.cpu = message.cpu ?? 0;
        finish(message.index, receive(message.result));
      }
      watch(slot);
      dispatch();
    });
    worker.on("error", (error) => {
      // A worker that fails before it could start (no gazetteer, say) would fail again: that ends the run. One that
      // fails on a document (out of memory) loses that document only.
      if (!slot.ready || !slot.jobs.length) {
        failure = error;
        wake();
      } else stop(slot, `engine failed: ${error.message}`);
    });
    worker.on("exit", (code) => {
      if (closing || !slots.includes(slot)) return;
      if (slot.ready && slot.jobs.length) stop(slot, `engine failed: its worker exited (code ${code})`);
      else {
        failure ??= new Error(`a worker stopped (exit code ${code})`);
        wake();
      }
    });
    return slot;
  };
  const dispatch = () => {
    for (;;) {
      const job = retry.length ? retry[0] : next < jobs.length && next - consumed < maxAhead ? jobs[next] : null;
      if (!job) return;
      let least: Slot | null = null;
      for (const slot of slots) {
        if (slot.jobs.length < QUEUED && (!least || slot.jobs.length < least.jobs.length)) least = slot;
      }
      if (!least) return;
      if (job === retry[0]) retry.shift();
      else next++;
      least.jobs.push(job);
      least.worker.postMessage(job);
      if (least.jobs.length === 1) watch(least);
    }
  };
  const slots: Slot[] = Array.from({length: workers}, spawn);
  try {
    dispatch();
    for (let index = 0; index < jobs.length; index++) {
      while (!done.has(index)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const result = done.get(index)!;
      done.delete(index);
      consumed = index + 1;
      dispatch();
      yield result;
    }
  } finally {
    closing = true;
    if (options.stats) options.stats.workerCpu = slots.reduce((sum, slot) => sum + slot.cpu, retiredCpu);
    for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

function formatSeconds(seconds: number): string {
  return `${Number(seconds.toFixed(seconds < 10 ? 1 : 0))} s`;
}
