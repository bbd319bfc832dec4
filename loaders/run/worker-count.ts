// How many worker threads a run of the command line starts when not told (--workers): every core, where it helps.
import {availableParallelism} from "node:os";
import type {DocumentFile} from "./corpus.js";

/**
 * Bytes of pages per worker. A worker takes about a tenth of a second to start and a fifth of a second of CPU before
 * its first page is done (extract.bench.ts); a megabyte of pages is about a third of a second of one core's
 * extraction. Below that another worker costs more than it takes over.
 */
export const BYTES_PER_WORKER = 1e6;

/** One worker per core, and per megabyte of pages at most; always one, so that the watchdog runs. */
export function defaultWorkers(files: readonly DocumentFile[], cores = availableParallelism()): number {
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  return Math.max(1, Math.min(cores, Math.round(bytes / BYTES_PER_WORKER)));
}
