// The whole pipeline on a synthetic corpus: MB/s with one worker and with all cores, and peak memory as the corpus
// grows (flat means documents are streamed, not held).
import {spawnSync} from "node:child_process";
import {availableParallelism} from "node:os";
import {fileURLToPath} from "node:url";
import {syntheticCorpus} from "./corpus.js";

const runner = fileURLToPath(new URL("./extract-run.ts", import.meta.url));

function run(dir: string, workers: number) {
  const child = spawnSync(process.execPath, ["--import", "tsx", runner, dir, String(workers)], {encoding: "utf8"});
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as {bytes: number; seconds: number; facts: number; maxRSS: number};
}

export default async function () {
  const cores = availableParallelism();
  const small = syntheticCorpus(10);
  const large = syntheticCorpus(50);
  for (const [label, dir, workers] of [
    ["50 MB, 1 worker", large, 1],
    [`50 MB, ${cores} workers`, large, cores],
    [`10 MB, ${cores} workers`, small, cores]
  ] as const) {
    const r = run(dir, workers);
    console.log(
      `extract ${label}: ${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s (${r.seconds.toFixed(1)} s, ${r.facts} facts), peak RSS ${(r.maxRSS / 1e6).toFixed(0)} MB`
    );
  }
}
