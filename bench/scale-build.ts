// One `npm run build` measured for the scale bench: wall time, the peak memory of the whole process tree (npm, tsx,
// Framework and every data loader it starts, summed, sampled from /proc every 200 ms, since `/usr/bin/time -v` reports
// only the largest single process), and where the time went, from the build's own output, each line timestamped as
// it arrives: the scripts before Framework starts, reading the pages (`load`), each data loader and file (`build`,
// `copy`), the search index (`index`) and writing the pages (`render`).
import {spawn} from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {loadavg} from "node:os";
import {join} from "node:path";
import {root} from "../scripts/site-build.js";

export interface BuildFigures {
  ok: boolean;
  seconds: number;
  /** The largest sum of resident memory over the build's processes at one time, in bytes. */
  peakTreeBytes: number;
  /** The largest resident memory of a single process, in bytes. */
  peakProcessBytes: number;
  /** Seconds per phase of the build, in the order they first appear. */
  phases: Map<string, number>;
  /** Seconds per data loader or other file Framework built, biggest first. */
  files: [string, number][];
  /** Seconds reading pages, per kind of route (/article/*, /town/*, …). */
  pages: Map<string, {count: number; seconds: number}>;
  /** CPU seconds (user + system) of the build and every process it waited for, from /usr/bin/time; NaN without it. */
  cpuSeconds: number;
  /** The load average when the build started: on a shared machine, wall time is worth reading beside it. */
  loadAverage: number;
  /** The engine's own line: how many documents were extracted, and how long it took. */
  extracted: string[];
  output: string;
}

const PAGE_SIZE = 4096;
const TIME_MARK = "scale-build cpu:";

/** Resident memory of each process under `pid` (itself included), in bytes. */
function treeMemory(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the fields after the last ")" are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
    } catch {}
  }
  const inTree = (p: number): boolean => {
    for (let q: number | undefined = p, depth = 0; q && depth < 64; q = parent.get(q), depth++)
      if (q === pid) return true;
    return false;
  };
  const sizes: number[] = [];
  for (const p of parent.keys()) {
    if (!inTree(p)) continue;
    try {
      sizes.push(Number(readFileSync(`/proc/${p}/statm`, "utf8").split(" ")[1]) * PAGE_SIZE);
    } catch {}
  }
  return sizes;
}

// eslint-disable-next-line no-control-regex
const plain = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, "");

/** Which phase a line of the build's output ends. */
function phaseOf(line: string): string {
  const word = /^\s*(\S+)/.exec(line)?.[1] ?? "";
  if (["load", "build", "copy", "render", "index", "bundle", "alias"].includes(word)) return word;
  if (/^tables:/.test(line)) return "extract (engine)";
  if (/^loader /.test(line)) return "loaders (before Framework)";
  if (line.startsWith(TIME_MARK)) return "exit";
  return "other";
}

function routeKind(path: string): string {
  const dynamic = /^\/(article|town|county)\//.exec(path);
  return dynamic ? `/${dynamic[1]}/*` : "other pages";
}

/**
 * A copy of the project in `dir` to build in: its own Framework cache, none of the loaders' outputs. With
 * `keepCache`, the sources are copied afresh over an earlier copy and its Framework cache is kept (loaders' outputs
 * included: scripts/refresh-data-cache.ts drops them when the documents or loaders changed), as in a checkout where
 * one page was added after a build.
 */
export function projectCopy(dir: string, {keepCache = false} = {}): string {
  const frameworkCache = join(dir, "src", ".observablehq");
  if (!keepCache) rmSync(dir, {recursive: true, force: true});
  else {
    for (const name of readdirSync(dir)) if (name !== "src") rmSync(join(dir, name), {recursive: true, force: true});
    for (const name of readdirSync(join(dir, "src")))
      if (name !== ".observablehq") rmSync(join(dir, "src", name), {recursive: true, force: true});
  }
  mkdirSync(dir, {recursive: true});
  const cache = join(root, "src", ".observablehq", "cache", "data");
  for (const name of ["src", "loaders", "scripts", "observablehq.config.ts", "package.json", "tsconfig.json"]) {
    cpSync(join(root, name), join(dir, name), {
      recursive: true,
      filter: (path) => !path.startsWith(cache) && !(keepCache && path.startsWith(join(root, "src", ".observablehq")))
    });
  }
  if (keepCache && !existsSync(frameworkCache)) throw new Error(`no earlier build in ${dir}`);
  symlinkSync(realpathSync(join(root, "node_modules")), join(dir, "node_modules"));
  return dir;
}

/** Runs `npm run build` in `cwd` with `env` added, and measures it. Its output is written to `log` when given. */
export async function measuredBuild(cwd: string, env: NodeJS.ProcessEnv, log?: string): Promise<BuildFigures> {
  const start = performance.now();
  const loadAverage = loadavg()[0];
  // /usr/bin/time adds up the CPU time of every process the build waited for, which /proc samples would miss.
  const time = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", `${TIME_MARK} %U %S`] : [];
  const [command, ...args] = [...time, "npm", "run", "build"];
  const child = spawn(command, args, {
    cwd,
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", NO_COLOR: "1", ...env},
    stdio: ["ignore", "pipe", "pipe"]
  });
  let peakTreeBytes = 0;
  let peakProcessBytes = 0;
  const sample = () => {
    const sizes = treeMemory(child.pid!);
    peakTreeBytes = Math.max(
      peakTreeBytes,
      sizes.reduce((a, b) => a + b, 0)
    );
    for (const size of sizes) peakProcessBytes = Math.max(peakProcessBytes, size);
  };
  const timer = setInterval(sample, 200);
  const phases = new Map<string, number>();
  const files = new Map<string, number>();
  const pages = new Map<string, {count: number; seconds: number}>();
  const extracted: string[] = [];
  const chunks: string[] = [];
  let cpuSeconds = NaN;
  let last = start;
  let pending = "";
  const onData = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    pending += chunk.toString();
    for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
      const line = plain(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      if (!line.trim()) continue;
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      const phase = phaseOf(line);
      phases.set(phase, (phases.get(phase) ?? 0) + seconds);
      const path = /^\s*(?:build|copy)\s+(\S+)/.exec(line)?.[1];
      if (path) files.set(path, (files.get(path) ?? 0) + seconds);
      // scripts/data-loaders.ts runs several at once and says how long each took.
      const loader = /^loader (\S+) → \S+ in ([\d.]+) s/.exec(line);
      if (loader) files.set(loader[1], Number(loader[2]));
      const page = /^\s*load\s+(\S+)/.exec(line)?.[1];
      if (page) {
        const kind = pages.get(routeKind(page)) ?? {count: 0, seconds: 0};
        pages.set(routeKind(page), {count: kind.count + 1, seconds: kind.seconds + seconds});
      }
      if (phase === "extract (engine)") extracted.push(line.trim());
      const cpu = line.startsWith(TIME_MARK) ? line.slice(TIME_MARK.length).trim().split(" ").map(Number) : null;
      if (cpu) cpuSeconds = cpu[0] + cpu[1];
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(timer);
  const output = chunks.join("");
  if (log) writeFileSync(log, output);
  return {
    ok: code === 0,
    seconds: (performance.now() - start) / 1000,
    peakTreeBytes,
    peakProcessBytes,
    cpuSeconds,
    loadAverage,
    phases,
    files: [...files].sort((a, b) => b[1] - a[1]),
    pages,
    extracted,
    output
  };
}
