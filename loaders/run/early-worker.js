// A worker of the extraction pool started by launch.js before the command line is even loaded, so that the ~50 ms a
// worker thread takes to boot and the loading of its bundle overlap the command line's own loading and its listing of
// the files. It starts without its settings (workerData) and waits for them (worker.ts); the pool (pool.ts) takes it
// as its first worker and sends them. Unreferenced until taken, so a run that never starts the pool (--help, a bad
// argument, no documents) exits as it would without it. Plain JS, for launch.js; shared through globalThis with the
// bundle's copy of this module.
import {Worker} from "node:worker_threads";

const KEY = Symbol.for("liaocheng-relief.earlyWorker");

/**
 * Starts the worker at `url` (the bundle's worker entry), waiting for its settings.
 * @param {URL} url
 */
export function startEarlyWorker(url) {
  const worker = new Worker(url);
  const early = {url: String(url), worker, failed: false};
  // An early worker that failed is never taken: the pool starts one of its own, and meets the failure itself.
  const fail = () => (early.failed = true);
  worker.on("error", fail).on("exit", fail).unref();
  globalThis[KEY] = early;
}

/**
 * The early worker for `url` when there is one that is still running, taken once; its listeners are the caller's.
 * @param {URL} url
 * @returns {Worker | null}
 */
export function takeEarlyWorker(url) {
  const early = globalThis[KEY];
  if (!early || early.url !== String(url)) return null;
  delete globalThis[KEY];
  early.worker.removeAllListeners();
  if (early.failed) {
    void early.worker.terminate();
    return null;
  }
  early.worker.ref();
  return early.worker;
}

/** Stops an early worker nobody took (a run without workers). */
export function dropEarlyWorker() {
  const early = globalThis[KEY];
  if (!early) return;
  delete globalThis[KEY];
  early.worker.removeAllListeners().on("error", () => {});
  void early.worker.terminate();
}
