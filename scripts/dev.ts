// `npm run dev`: Framework's preview, with the documents watched. Framework 1.13's preview reruns a data loader only
// when the loader's own file is newer than its cached output (loader.js: `cacheStat.mtimeMs < loaderStat.mtimeMs`),
// and tells an open page that a file changed only when it sees the loader's file change (fileWatchers.js); it never
// looks at what a loader reads. So when the documents change (a page added to, changed in or removed from DATA_DIR),
// this touches every data loader: their outputs turn stale, the open pages are told, and the next load of a page
// makes the tables again (loaders/run/cache.ts extracts once for all loaders). The configuration is touched as well while
// it reads the documents (for its dynamic paths and search index), which makes Framework read it again.
//
// A loader that was running when the documents changed may have read them before the change, and its output, written
// after the touch, would look fresh: so while any loader is running (Framework's temporary output files exist), the
// loaders are touched again once they are done.
import {spawn, spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, utimesSync, watch, type FSWatcher} from "node:fs";
import {join, relative, resolve} from "node:path";
import {listDocuments} from "../loaders/run/corpus.js";
import {documentsFingerprint} from "../loaders/run/fingerprint.js";
import {root} from "./site-build.js";

const src = join(root, "src");
const config = join(root, "observablehq.config.ts");
const loaderCache = join(src, ".observablehq", "cache");
const dataDir = resolve(root, process.env.DATA_DIR ?? "data");
/** Quiet time after the last change before acting: a copy of many files is one change. */
const DEBOUNCE_MS = 400;

// Framework's interpreters (loader.js defaultInterpreters): a loader is `name.ext` plus one of these.
const LOADER = /\.[A-Za-z0-9]+\.(js|ts|py|R|rs|go|java|jl|php|sh|exe)$/;

function* loaders(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".") || entry.name === "components") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* loaders(path);
    else if (LOADER.test(entry.name)) yield path;
  }
}

/** What depends on the documents: every data loader, and the configuration while it reads them. */
export function dependents(): string[] {
  const files = [...loaders(src)];
  if (existsSync(config) && /DATA_DIR|cachedTable/.test(readFileSync(config, "utf8"))) files.push(config);
  return files;
}

/** A loader's output Framework is still writing (`<target>.<pid>`, renamed into place when the loader is done). */
function running(dir = loaderCache): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory() ? running(join(dir, entry.name)) : /\.\d+$/.test(entry.name)) return true;
  }
  return false;
}

function documents(): string {
  return existsSync(dataDir) ? documentsFingerprint(listDocuments([dataDir])) : "";
}

function touch(files: string[]): void {
  const now = new Date();
  for (const file of files) utimesSync(file, now, now);
}

/** Watches DATA_DIR and touches what depends on it when its documents change. Returns a function that stops it. */
export function watchDocuments(log: (message: string) => void = console.log): () => void {
  let last = documents();
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  const refresh = () => {
    const now = documents();
    if (now === last) return;
    last = now;
    const files = dependents();
    touch(files);
    const count = existsSync(dataDir) ? listDocuments([dataDir]).length : 0;
    const where = relative(root, dataDir) || ".";
    log(`${where}: documents changed (${count} now); ${files.length} loaders will run again on the next load`);
    // Loaders running now may have read the documents before the change: touch again once they are done.
    if (running() && !poll) {
      poll = setInterval(() => {
        if (running()) return;
        clearInterval(poll);
        poll = undefined;
        touch(files);
      }, 500);
    }
  };
  // Recursive watching works on Linux since Node 20, as on macOS and Windows.
  let watcher: FSWatcher | undefined;
  if (existsSync(dataDir)) {
    watcher = watch(dataDir, {recursive: true}, () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, DEBOUNCE_MS);
    });
  } else log(`${dataDir} does not exist: documents are not watched`);
  return () => {
    watcher?.close();
    clearTimeout(timer);
    clearInterval(poll);
  };
}

function run(script: string): void {
  const result = spawnSync("tsx", [join(root, "scripts", script)], {cwd: root, stdio: "inherit"});
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, "scripts", "dev.ts")) {
  run("vendor-npm.ts");
  run("refresh-data-cache.ts");
  const stop = watchDocuments();
  const preview = spawn("observable", ["preview", ...process.argv.slice(2)], {cwd: root, stdio: "inherit"});
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => preview.kill(signal));
  preview.on("close", (code, signal) => {
    stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
