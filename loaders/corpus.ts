// Which files are documents: the contract's PATH arguments, expanded.
import {readdirSync, statSync} from "node:fs";
import {basename, extname, join, relative} from "node:path";

export const DOCUMENT_EXTENSIONS = [".txt", ".md", ".html", ".htm"];

export interface DocumentFile {
  /** The contract's `doc`: path relative to the folder given, or the file name. */
  doc: string;
  path: string;
  /** Size in bytes, for progress and throughput. */
  size: number;
}

/** Expands files and folders (searched recursively) into document files, in a stable order. */
export function listDocuments(paths: string[]): DocumentFile[] {
  const files: DocumentFile[] = [];
  for (const path of paths) {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const file of walk(path)) {
        files.push({doc: relative(path, file).split("\\").join("/"), path: file, size: statSync(file).size});
      }
    } else {
      files.push({doc: basename(path), path, size: stat.size});
    }
  }
  return files.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) yield path;
  }
}
