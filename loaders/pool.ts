// Extraction across cores: documents go to worker threads and come back in input order. At most a few documents per
// worker are read ahead of the one being written, so memory stays flat however large the corpus.
import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import type {DocumentFile} from "./corpus.js";
import {extractFile, type DocumentResult} from "./extract.js";
import {loadGazetteer} from "./gazetteer.js";

export interface PoolOptions {
  /** Worker threads; 0 extracts in this thread. Default: one per core. */
  workers?: number;
  prefecture?: string;
}

const QUEUED = 2;

export async function* extractFiles(files: DocumentFile[], options: PoolOptions = {}): AsyncGenerator<DocumentResult> {
  const workers = Math.min(options.workers ?? availableParallelism(), files.length);
  if (workers <= 0) {
    const gazetteer = loadGazetteer({prefecture: options.prefecture});
    for (const {doc, path} of files) yield extractFile(doc, path, gazetteer);
    return;
  }
  const pool = Array.from(
    {length: workers},
    () => new Worker(new URL("./worker-boot.js", import.meta.url), {workerData: {prefecture: options.prefecture}})
  );
  // Each worker holds up to QUEUED documents, so it starts the next one while its last result is still on its way
  // here instead of waiting a round trip for it.
  const queued = new Map(pool.map((worker) => [worker, 0]));
  const done = new Map<number, DocumentResult>();
  const maxAhead = workers * 4;
  let next = 0;
  let consumed = 0;
  let failure: Error | null = null;
  let wake = () => {};
  const dispatch = () => {
    for (let room = true; room && next < files.length && next - consumed < maxAhead; ) {
      room = false;
      let least: Worker | null = null;
      for (const [worker, n] of queued) if (n < QUEUED && (!least || n < queued.get(least)!)) least = worker;
      if (!least) break;
      room = true;
      const {doc, path} = files[next];
      queued.set(least, queued.get(least)! + 1);
      least.postMessage({index: next++, doc, path});
    }
  };
  for (const worker of pool) {
    worker.on("message", ({index, result}: {index: number; result: DocumentResult}) => {
      done.set(index, result);
      queued.set(worker, queued.get(worker)! - 1);
      dispatch();
      wake();
    });
    worker.on("error", (error) => {
      failure = error;
      wake();
    });
  }
  try {
    dispatch();
    for (let index = 0; index < files.length; index++) {
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
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
