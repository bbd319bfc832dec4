// Building the site for tests: offline, with telemetry off, once per test run.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

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

/** Runs a command with the network unavailable: no network namespace where allowed, and in-process blocking. */
export function runOffline(command: string, args: string[]) {
  const env = offlineEnv();
  const [cmd, argv] = canUnshare() ? ["unshare", ["-n", command, ...args]] : [command, args];
  return spawnSync(cmd, argv, {cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"]});
}

export function buildSite() {
  const result = runOffline("npm", ["run", "build"]);
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

export function ensureBuilt(): void {
  if (!existsSync(`${dist}index.html`)) buildSite();
}
