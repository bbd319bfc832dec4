// A deterministic synthetic corpus for benchmarks: the seeds' paragraphs, reshuffled, with their numbers redrawn and
// their towns swapped for other towns of the prefecture, written as page-sized files. Same size → same bytes.
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {random} from "./random.js";

const root = fileURLToPath(new URL("..", import.meta.url));

export function syntheticCorpus(megabytes: number): string {
  const dir = join(root, "bench", "corpus", `${megabytes}mb`);
  if (existsSync(join(dir, ".complete"))) return dir;
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  const seeds = readdirSync(join(root, "data"))
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const paragraphs = seeds
    .flatMap((f) => readFileSync(join(root, "data", f), "utf8").split(/\n\s*\n/))
    .filter((p) => p.trim());
  const gazetteer = loadGazetteer();
  const towns = [...gazetteer.places.values()].filter((p) => p.level === "town" && p.in_prefecture).map((p) => p.name);
  const townPattern = new RegExp(towns.join("|"), "g");
  const next = random(3715);
  let written = 0;
  for (let file = 0; written < megabytes * 1e6; file++) {
    let page = "";
    while (Buffer.byteLength(page) < 15_000) {
      const paragraph = paragraphs[Math.floor(next() * paragraphs.length)];
      page +=
        paragraph
          .replace(/\d/g, () => String(Math.floor(next() * 10)))
          .replace(townPattern, () => towns[Math.floor(next() * towns.length)]) + "\n\n";
    }
    writeFileSync(join(dir, `page-${String(file).padStart(5, "0")}.txt`), page);
    written += Buffer.byteLength(page);
  }
  writeFileSync(join(dir, ".complete"), "");
  return dir;
}
