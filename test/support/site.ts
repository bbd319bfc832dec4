// Building the site for tests: offline, with telemetry off, once per test run. Where the site is and how it is built
// live in scripts/site-build.ts (the export command uses them too); this adds the test's network block.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {buildSite as build, dist as distDir, root} from "../../scripts/site-build.js";

export {root};
/** dist/ with a trailing slash, as the tests join it. */
export const dist = join(distDir, "/");

export const testEnv = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", TZ: "UTC"};
const offlineImport = `--import=${fileURLToPath(new URL("./offline.js", import.meta.url))}`;

/** `unshare -n` gives a process no network at all; where it is not allowed, connections fail in-process. */
function canUnshare(): boolean {
  return process.platform === "linux" && spawnSync("unshare", ["-n", "true"]).status === 0;
}

/** Node processes started with this environment cannot connect anywhere but this machine (see offline.js). */
export function offlineEnv(): NodeJS.ProcessEnv {
  return {...testEnv, NODE_OPTIONS: offlineImport};
}

/** `npm run build` with no network; `env` adds DATA_DIR, OBSERVABLE_OUTPUT and the like. Throws when it fails. */
export function buildSite(env: NodeJS.ProcessEnv = {}): {stdout: string; stderr: string} {
  const result = build({env: {...offlineEnv(), ...env}, wrapper: canUnshare() ? ["unshare", "-n"] : []});
  if (!result.ok) throw new Error(`build failed:\n${result.output}`);
  return result;
}

export function ensureBuilt(): void {
  if (!existsSync(join(dist, "index.html"))) buildSite();
}
