// Gazetteer load time (cold, then cached) and mention-scan throughput over the seeds repeated to at least 20 MB.
import {spawnSync} from "node:child_process";
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {findPlaceMentions, resolveArticlePlace} from "../loaders/places.js";

const coldRunner = fileURLToPath(new URL("./gazetteer-cold.ts", import.meta.url));
const coldRuns = 3;

/** The cold load in a fresh process each time: in this one, the gazetteer was built and cached by earlier benches. */
function coldLoad(): {importMs: number; loadMs: number; cachedMs: number; places: number} {
  const child = spawnSync(process.execPath, ["--import", "tsx", coldRunner], {encoding: "utf8"});
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").pop()!);
}

export default async function run(): Promise<void> {
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(dir + f, "utf8"));
  const runs = Array.from({length: coldRuns}, coldLoad).sort((a, b) => a.loadMs - b.loadMs);
  const {importMs, loadMs, cachedMs, places} = runs[Math.floor(coldRuns / 2)];
  const range = `${runs[0].loadMs.toFixed(0)}–${runs[coldRuns - 1].loadMs.toFixed(0)}`;
  console.log(
    `gazetteer load, fresh process (median of ${coldRuns}): ${loadMs.toFixed(0)} ms cold [${range}] ` +
      `+ ${importMs.toFixed(0)} ms to import the module (tsx transpiling included), ${cachedMs.toFixed(3)} ms cached, ${places} places`
  );
  const gazetteer = loadGazetteer();

  const corpus = seeds.join("\n\n");
  const bytes = Buffer.byteLength(corpus);
  const repeats = Math.ceil(20e6 / bytes);
  findPlaceMentions(corpus, gazetteer);
  let t = performance.now();
  let mentions = 0;
  for (let i = 0; i < repeats; i++) mentions += findPlaceMentions(corpus, gazetteer).length;
  const seconds = (performance.now() - t) / 1000;
  const mb = (bytes * repeats) / 1e6;
  const rate = (mb / seconds).toFixed(1);
  console.log(`findPlaceMentions: ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${rate} MB/s, ${mentions} mentions`);

  const paragraphs = corpus.split(/\n\s*\n/).filter((p) => p.trim());
  t = performance.now();
  for (let i = 0; i < repeats; i++) for (const p of paragraphs) resolveArticlePlace(p.slice(0, 30), p, gazetteer);
  const articleSeconds = (performance.now() - t) / 1000;
  console.log(`resolveArticlePlace (paragraphs as articles): ${(mb / articleSeconds).toFixed(1)} MB/s`);
}
