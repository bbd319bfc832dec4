// Gazetteer load time (cold, then cached) and mention-scan throughput over the seeds repeated to at least 20 MB.
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {findPlaceMentions, resolveArticlePlace} from "../loaders/places.js";

export default async function run(): Promise<void> {
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(dir + f, "utf8"));
  let t = performance.now();
  const gazetteer = loadGazetteer();
  const cold = performance.now() - t;
  t = performance.now();
  loadGazetteer();
  const cached = performance.now() - t;
  console.log(`gazetteer load: ${cold.toFixed(0)} ms cold, ${cached.toFixed(3)} ms cached, ${gazetteer.places.size} places`);

  const corpus = seeds.join("\n\n");
  const bytes = Buffer.byteLength(corpus);
  const repeats = Math.ceil(20e6 / bytes);
  findPlaceMentions(corpus, gazetteer);
  t = performance.now();
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
