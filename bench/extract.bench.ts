// The whole pipeline as a user runs it: `npm run extract` (the bundle, start-up included) writing Parquet, on the
// synthetic corpus, with one worker and with one per core; the start-up to a first document; and peak memory as the
// corpus grows (flat means documents are streamed, not held). Beside it, the bare engine (engineRuns): its warm-up,
// which every worker pays, and its steady pace, alone and one per core. Wall time is what a user waits; CPU time
// (user + system, all threads) is what the run costs, which on a machine shared with other work is the steadier figure.
// BENCH_500MB=1 adds a 500 MB corpus (ten copies of the 50 MB one: copies, not links, which the listing counts once).
import {spawn, spawnSync} from "node:child_process";
import {once} from "node:events";
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {availableParallelism, loadavg, tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {buildBundle, ENGINE_V8_FLAGS, freshBundle} from "../loaders/run/bundle.js";
import {listDocuments} from "../loaders/run/corpus.js";
import {syntheticCorpus} from "./corpus.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const launch = join(root, "loaders", "run", "launch.js");
const time = "/usr/bin/time";

interface Run {
  seconds: number;
  cpu: number;
  maxRSS: number;
  /** Wall seconds spent finishing the files after the last document (for Parquet, what DuckDB had left to do). */
  close: number;
  /** CPU seconds of the main thread, of the worker threads, and of the process as the run saw them at its end. */
  mainCpu: number;
  workerCpu: number;
  processCpu: number;
}

/** One `extract` run in a process of its own, timed by /usr/bin/time (wall, CPU and peak RSS of the process). */
export function extractRun(args: string[]): Run {
  const out = mkdtempSync(join(tmpdir(), "bench-extract-"));
  try {
    const command = [launch, ...args, "--out", out, "--quiet"];
    const measured = existsSync(time);
    const started = performance.now();
    const env = {...process.env, LIAOCHENG_STATS: "1"};
    const child = measured
      ? spawnSync(time, ["-f", "%e %U %S %M", process.execPath, ...command], {encoding: "utf8", env})
      : spawnSync(process.execPath, command, {encoding: "utf8", env});
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(child.stderr);
    const stats = JSON.parse(/^stats: (.*)$/m.exec(child.stderr)?.[1] ?? "{}");
    const threads = {mainCpu: stats.mainCpu ?? NaN, workerCpu: stats.workerCpu ?? NaN, processCpu: stats.cpu ?? NaN};
    const close = stats.close ?? NaN;
    if (!measured) return {seconds, cpu: NaN, maxRSS: NaN, close, ...threads};
    const [wall, user, system, kb] = child.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    return {seconds: wall, cpu: user + system, maxRSS: kb * 1024, close, ...threads};
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
}

/** `copies` copies of a corpus, one folder each (a file hard-linked twice is one document to listDocuments). */
function copiedCorpus(dir: string, copies: number): string {
  const copy = `${dir}-x${copies}`;
  if (existsSync(join(copy, ".complete"))) return copy;
  rmSync(copy, {recursive: true, force: true});
  const files = readdirSync(dir).filter((name) => !name.startsWith("."));
  for (let i = 0; i < copies; i++) {
    mkdirSync(join(copy, `copy-${i}`), {recursive: true});
    for (const name of files) copyFileSync(join(dir, name), join(copy, `copy-${i}`, name));
  }
  writeFileSync(join(copy, ".complete"), "");
  return copy;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface EngineRun {
  megabytes: number;
  /** CPU seconds of the engine's process (every thread: V8 compiles on threads of its own). */
  cpu: number;
  /** CPU seconds beyond the pace of its second half: V8 compiling the engine, the gazetteer. */
  warmup: number;
  /** MB per CPU second over its second half. */
  pace: number;
}

/** `engines` engines at once, each in a process of its own (engine-warmup-child.cjs) on every `engines`-th document
 * of `dir`: each one's warm-up and pace, and the wall seconds until the last finished. No rows are encoded, sent or
 * written, so beside a run of `extract` this tells the engines' time from the rest of the pipeline's. */
export async function engineRuns(dir: string, engines = 1): Promise<{runs: EngineRun[]; seconds: number}> {
  freshBundle() ?? (await buildBundle());
  const temp = mkdtempSync(join(tmpdir(), "bench-warmup-"));
  const jobs = listDocuments([dir]).map(({doc, path, size}) => ({doc, path, size}));
  const started = performance.now();
  try {
    const runs = await Promise.all(
      Array.from({length: engines}, (_, k) => {
        const jobsFile = join(temp, `jobs-${k}.json`);
        writeFileSync(jobsFile, JSON.stringify(jobs.filter((_, i) => i % engines === k)));
        return engineRun(jobsFile);
      })
    );
    return {runs, seconds: (performance.now() - started) / 1000};
  } finally {
    rmSync(temp, {recursive: true, force: true});
  }
}

async function engineRun(jobsFile: string): Promise<EngineRun> {
  const child = spawn(process.execPath, [
    ...ENGINE_V8_FLAGS.split(" "),
    join(root, "bench", "engine-warmup-child.cjs"),
    jobsFile
  ]);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  const [code] = await once(child, "close");
  if (code !== 0) throw new Error(stderr);
  const points: [number, number][] = JSON.parse(stdout);
  const [bytes, cpu] = points.at(-1)!;
  // The point halfway through the bytes, and at the latest the one before the last document.
  const half = points.find(([b], i) => b >= bytes / 2 || i === points.length - 2)!;
  const pace = (bytes - half[0]) / 1e6 / (cpu - half[1]);
  return {megabytes: bytes / 1e6, cpu, warmup: cpu - bytes / 1e6 / pace, pace};
}

/** What a warm-up of `warmup` CPU seconds per engine allows at most on `megabytes` at `pace` MB per CPU second, with
 * every other cost nil: MB per CPU second for one engine, and how much faster `cores` engines on as many idle cores
 * would be than one. */
function warmupBounds(warmup: number, pace: number, megabytes: number, cores: number) {
  const one = warmup + megabytes / pace;
  return {rate: megabytes / one, speedup: one / (warmup + megabytes / pace / cores)};
}

export default async function () {
  const cores = availableParallelism();
  console.log(`${cores} cores, load average ${loadavg()[0].toFixed(1)} (other processes share them)`);
  // Built now if a source changed, and each thread's code cache made (after its first document), so that no run below
  // pays for either: as every run after the first one after a change.
  const page = join(root, "data", "000_75a53e5b155eac84.txt");
  for (const workers of ["0", "1"]) extractRun([page, "--workers", workers]);
  // Start-up: the whole run of one page (JSON), whose extraction is a small part of it; and of data/'s few pages.
  const startups: [string, string[]][] = [
    ["one 12 kB page, JSON", [page, "--workers", "1"]],
    ["the same page in the main thread, --workers 0", [page, "--workers", "0"]],
    [`data/'s 5 pages, ${cores} workers`, [join(root, "data"), "--workers", String(cores)]]
  ];
  for (const [label, args] of startups) {
    const runs = Array.from({length: 3}, () => extractRun(args));
    console.log(
      `start-up to a first document (${label}): ${median(runs.map((r) => r.seconds)).toFixed(2)} s wall, ` +
        `${median(runs.map((r) => r.cpu)).toFixed(2)} s CPU (median of 3), load average ${loadavg()[0].toFixed(1)}`
    );
  }
  const large = syntheticCorpus(50);
  // Each worker warms up on its own: what that costs bounds both targets before any other cost counts.
  const alone = await engineRuns(large);
  const warm = alone.runs[0];
  console.log(
    `one engine over ${warm.megabytes.toFixed(0)} MB in a process of its own: ${warm.cpu.toFixed(1)} s CPU, ` +
      `${alone.seconds.toFixed(1)} s wall; steady pace ${warm.pace.toFixed(1)} MB per CPU second (its second half), ` +
      `warm-up ${warm.warmup.toFixed(1)} s CPU beyond that pace (V8 compiling the engine, on its own threads too; ` +
      `the gazetteer)`
  );
  for (const megabytes of [50, 500]) {
    const {rate, speedup} = warmupBounds(warm.warmup, warm.pace, megabytes, cores);
    console.log(
      `  so on ${megabytes} MB, were everything else free: one engine at most ${rate.toFixed(1)} MB per CPU second, ` +
        `${cores} engines at most ${speedup.toFixed(2)}× one`
    );
  }
  if (cores > 1) {
    const together = await engineRuns(large, cores);
    console.log(
      `${cores} engines at once, each on 1/${cores} of the documents, nothing written: ` +
        `${together.seconds.toFixed(1)} s wall, ${(alone.seconds / together.seconds).toFixed(2)}× one engine alone ` +
        `(beside the runs below, the rest is the pipeline's: encoding rows, messages, the writing thread, DuckDB)`
    );
  }
  const runs: [string, string, number][] = [
    ["50 MB", large, 1],
    ["50 MB", large, cores]
  ];
  if (process.env.BENCH_500MB) runs.push(["500 MB", copiedCorpus(large, 10), cores]);
  const rates = new Map<number, number>();
  const measured = new Map<number, Run>();
  for (const [label, dir, workers] of runs) {
    const r = extractRun([dir, "--format", "parquet", "--workers", String(workers)]);
    const mb = listDocuments([dir]).reduce((sum, file) => sum + file.size, 0) / 1e6;
    if (label === "50 MB") (rates.set(workers, mb / r.seconds), measured.set(workers, r));
    console.log(
      `extract ${label} to Parquet, ${workers} worker${workers > 1 ? "s" : ""}: ${(mb / r.seconds).toFixed(1)} MB/s ` +
        `(${r.seconds.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU = ${(mb / r.cpu).toFixed(1)} MB per CPU second), ` +
        `peak RSS ${(r.maxRSS / 1e6).toFixed(0)} MB, ${r.close.toFixed(1)} s to finish the files`
    );
    // Where the CPU went: the thread that writes, the workers, and the threads neither runs code on.
    const others = r.processCpu - r.mainCpu - r.workerCpu;
    console.log(
      `  CPU by thread: main ${r.mainCpu.toFixed(1)} s, workers ${r.workerCpu.toFixed(1)} s, ` +
        `others (V8's collector and compiler, DuckDB) ${others.toFixed(1)} s`
    );
  }
  if (cores > 1) {
    console.log(`${cores} workers / 1 worker, measured: ${(rates.get(cores)! / rates.get(1)!).toFixed(2)}×`);
    // What the same work would take on idle cores: one worker's CPU time in a row, against N workers' CPU time
    // spread over N cores. An upper bound (the end of the run, finishing the files, is in series); read it beside
    // the measured ratio when other processes share the cores.
    const [one, all] = [measured.get(1)!, measured.get(cores)!];
    console.log(
      `${cores} workers / 1 worker on idle cores, from CPU time, at most: ${(one.cpu / (all.cpu / cores)).toFixed(2)}× ` +
        `(${one.cpu.toFixed(1)} s CPU with one worker, ${all.cpu.toFixed(1)} s with ${cores})`
    );
  }
}
