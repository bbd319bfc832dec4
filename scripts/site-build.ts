// The built site the chart export draws from: dist/, rebuilt with `npm run build` when it is missing or older than
// what it is built from.
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const dist = join(root, "dist");
/** The documents the site's data loaders read. */
export const siteData = resolve(root, process.env.DATA_DIR ?? "data");

/** What the site is built from: the pages, the engine, the documents and the configuration. */
function sources(): string[] {
  return [join(root, "src"), join(root, "loaders"), siteData, join(root, "observablehq.config.ts")];
}

/** The newest modification time under a path, skipping dot folders (Framework's cache lives in src/.observablehq). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs; // a document removed changes its folder's time
  for (const entry of readdirSync(path, {withFileTypes: true})) {
    if (!entry.name.startsWith(".")) time = Math.max(time, newest(join(path, entry.name)));
  }
  return time;
}

/** `missing`, `stale` (a source changed after the oldest top-level page was written) or `fresh`. */
export function siteState(site: string = dist): "missing" | "stale" | "fresh" {
  if (!existsSync(join(site, "index.html"))) return "missing";
  const pages = readdirSync(site).filter((name) => name.endsWith(".html"));
  const built = Math.min(...pages.map((name) => statSync(join(site, name)).mtimeMs));
  return Math.max(...sources().map(newest)) > built ? "stale" : "fresh";
}

export interface BuildOptions {
  /** Added to this process's environment: DATA_DIR, OBSERVABLE_OUTPUT, a cache folder, NODE_OPTIONS … */
  env?: NodeJS.ProcessEnv;
  /** A command the build runs under, e.g. `["unshare", "-n"]` for no network (test/support/site.ts). */
  wrapper?: string[];
}

export type BuildResult = {ok: true; stdout: string; stderr: string} | {ok: false; output: string};

/** Runs `npm run build` (offline by design: see scripts/vendor-npm.ts); returns its output, all of it when it fails. */
export function buildSite(options: BuildOptions = {}): BuildResult {
  const [command, ...args] = [...(options.wrapper ?? []), "npm", "run", "build"];
  const result = spawnSync(command, args, {
    cwd: root,
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...options.env},
    encoding: "utf8",
    maxBuffer: 256 << 20,
    stdio: ["ignore", "pipe", "pipe"]
  });
  const stdout = result.stdout ?? "";
  const stderr = result.stderr ?? "";
  return result.status === 0
    ? {ok: true, stdout, stderr}
    : {ok: false, output: `${stdout}${stderr || (result.error ?? "")}`};
}
