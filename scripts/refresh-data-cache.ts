// Framework reruns a data loader only when the loader's own source changes, not when the documents it reads do.
// Before `dev` and `build`, drop the cached tables if any document in data/ (or the engine) is newer than them.
import {existsSync, readdirSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cache = join(root, "src", ".observablehq", "cache", "data");

function newest(dir: string, pick: (mtime: number, a: number) => number, start: number): number {
  let result = start;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    result = entry.isDirectory() ? newest(path, pick, result) : pick(statSync(path).mtimeMs, result);
  }
  return result;
}

if (existsSync(cache)) {
  const inputs = Math.max(newest(join(root, process.env.DATA_DIR ?? "data"), Math.max, 0), newest(join(root, "loaders"), Math.max, 0));
  const oldestOutput = newest(cache, Math.min, Infinity);
  // A document removed from data/ changes the folder's own mtime, so compare that too.
  if (Math.max(inputs, statSync(join(root, process.env.DATA_DIR ?? "data")).mtimeMs) > oldestOutput) {
    rmSync(cache, {recursive: true, force: true});
  }
}
