// readDocument throughput (decode → repair → segment → dates) on one core: the seeds as pages of their own size,
// repeated to at least 20 MB, then one 50 MB page to show the pipeline stays linear on a pathological input.
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {readDocument} from "../loaders/document.js";

export default async function run(): Promise<void> {
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({name: f, bytes: new Uint8Array(readFileSync(dir + f))}));
  const size = seeds.reduce((n, s) => n + s.bytes.length, 0);
  const repeats = Math.ceil(20e6 / size);
  for (const s of seeds) readDocument(s.name, s.bytes);
  let t = performance.now();
  let articles = 0;
  for (let i = 0; i < repeats; i++) {
    for (const s of seeds) articles += readDocument(`${i}/${s.name}`, s.bytes).articles.length;
  }
  let seconds = (performance.now() - t) / 1000;
  const mb = (size * repeats) / 1e6;
  console.log(
    `readDocument: ${repeats * seeds.length} pages, ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s = ` +
      `${(mb / seconds).toFixed(1)} MB/s, ${articles} articles`
  );

  const text = seeds.map((s) => new TextDecoder().decode(s.bytes)).join("\n\n");
  const big = new TextEncoder().encode(text.repeat(Math.ceil(50e6 / Buffer.byteLength(text))));
  t = performance.now();
  const one = readDocument("big.txt", big);
  seconds = (performance.now() - t) / 1000;
  console.log(
    `readDocument, one ${(big.length / 1e6).toFixed(0)} MB page: ${seconds.toFixed(2)} s = ` +
      `${(big.length / 1e6 / seconds).toFixed(1)} MB/s, ${one.articles.length} articles`
  );
}
