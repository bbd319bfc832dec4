// Runs the site's data loaders (src/data/**/NAME.EXT.ts) before `observable build`, as many at a time as there are
// cores, writing each output where Framework keeps it (src/.observablehq/cache/data/NAME.EXT). Framework runs its
// loaders one after another; it then finds these outputs newer than their loaders and uses them as they are. At
// 10,000 pages the loaders are most of a rebuild, and none of them waits for another: the first to need the tables
// extracts them while the others wait on the tables' lock (loaders/run/cache.ts), then all read them.
import {spawn} from "node:child_process";
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync} from "node:fs";
import {availableParallelism} from "node:os";
import {dirname, join, relative} from "node:path";

export interface LoaderRun {
  /** The loader, relative to the project (src/data/articles.bin.ts). */
  loader: string;
  /** What it made, relative to the source root (data/articles.bin). */
  target: string;
  seconds: number;
}

/**
 * The loaders that take longest at scale (10,000 pages: tens of seconds each, the rest a few), started first so
 * that the short ones fill in beside them rather than leave one core idle at the end.
 */
const LONGEST_FIRST = ["data/search.bin", "data/corpus.duckdb", "data/articles.bin"];

/** The data loaders under `dir`: files named NAME.EXT.ts, whose output a page names as NAME.EXT. */
export function dataLoaders(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...dataLoaders(path));
    else if (/^[^.[\]]+\.[^[\]]+\.ts$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/**
 * Runs the loaders of `root`/src/data whose output in Framework's cache is missing or older than the loader (the rule
 * Framework itself applies), `parallel` at a time. Each writes to a temporary file renamed into place when it
 * succeeds, so a failed or stopped loader leaves no output; the first failure is thrown once the running ones end.
 */
export async function runDataLoaders(
  root: string,
  {parallel = availableParallelism(), log = (line: string) => process.stderr.write(`${line}\n`)} = {}
): Promise<LoaderRun[]> {
  const src = join(root, "src");
  const cache = join(src, ".observablehq", "cache");
  const tsx = join(root, "node_modules", ".bin", "tsx");
  const pending = dataLoaders(join(src, "data")).filter((loader) => {
    const output = join(cache, relative(src, loader).slice(0, -".ts".length));
    return !existsSync(output) || statSync(output).mtimeMs < statSync(loader).mtimeMs;
  });
  const runs: LoaderRun[] = [];
  let failure: Error | null = null;
  const runOne = async (loader: string) => {
    const target = relative(src, loader).slice(0, -".ts".length);
    const output = join(cache, target);
    const temporary = `${output}.${process.pid}`;
    mkdirSync(dirname(output), {recursive: true});
    const fd = openSync(temporary, "w");
    const start = performance.now();
    try {
      const child = spawn(tsx, [loader], {cwd: root, stdio: ["ignore", fd, "inherit"]});
      const code = await new Promise<number | null>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", resolve);
      });
      if (code !== 0) throw new Error(`loader ${relative(root, loader)} exited with code ${code}`);
    } catch (error) {
      rmSync(temporary, {force: true});
      throw error;
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, output);
    const run = {loader: relative(root, loader), target, seconds: (performance.now() - start) / 1000};
    runs.push(run);
    log(`loader ${run.loader} → ${target} in ${run.seconds.toFixed(1)} s`);
  };
  const rank = (loader: string) => {
    const i = LONGEST_FIRST.indexOf(relative(src, loader).slice(0, -".ts".length));
    return i < 0 ? LONGEST_FIRST.length : i;
  };
  const queue = [...pending].sort((a, b) => rank(a) - rank(b));
  const worker = async () => {
    for (let loader = queue.shift(); loader && !failure; loader = queue.shift()) {
      await runOne(loader).catch((error) => void (failure ??= error));
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(parallel, pending.length))}, worker));
  if (failure) throw failure;
  return runs;
}
