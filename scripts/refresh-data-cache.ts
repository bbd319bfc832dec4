// Framework reruns a data loader only when the loader's own source is newer than its cached output, and
// `observable build` uses a cached output even then; neither looks at the documents a loader reads. So before `dev`
// and `build`, drop Framework's cached loader outputs unless they were made from the same documents, engine and
// loaders as now: the key of the shared tables (loaders/run/cache.ts: the engine and every document's content hash) and
// src/data's sources, kept in a stamp inside that cache so the two go together. Comparing keys rather than times also
// catches a removed document, a copy that kept old times, and a build from another DATA_DIR, and a file merely
// touched keeps the loaders' outputs. Computing the key also records the documents' hashes in the cache's index, so
// the loaders that run next do not read the documents again to learn them.
//
// With --run-loaders (`npm run build`), the loaders whose outputs are missing then run, several at a time
// (scripts/data-loaders.ts), before Framework would run them one by one.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {corpusKey} from "../loaders/run/cache.js";
import {runDataLoaders} from "./data-loaders.js";
import {sourceFingerprint} from "../loaders/run/fingerprint.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const cache = join(root, "src", ".observablehq", "cache", "data");
const stampPath = join(cache, ".fingerprint");

const stamp = JSON.stringify({
  tables: corpusKey([resolve(root, process.env.DATA_DIR ?? "data")]),
  loaders: sourceFingerprint(join(root, "src", "data"))
});

let previous: string | null = null;
try {
  previous = readFileSync(stampPath, "utf8");
} catch {}
if (previous !== stamp) {
  rmSync(cache, {recursive: true, force: true});
  mkdirSync(cache, {recursive: true});
  writeFileSync(stampPath, stamp);
}

if (process.argv.includes("--run-loaders")) await runDataLoaders(root);
