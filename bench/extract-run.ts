// Child process of extract.bench.ts: extracts a folder with N workers, discards the rows, prints time and peak memory.
import {listDocuments} from "../loaders/corpus.js";
import {extractFiles} from "../loaders/pool.js";

const [dir, workers] = process.argv.slice(2);
const files = listDocuments([dir]);
const bytes = files.reduce((sum, f) => sum + f.size, 0);
const started = performance.now();
let facts = 0;
for await (const result of extractFiles(files, {workers: Number(workers)})) facts += result.facts.length;
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({bytes, seconds, facts, maxRSS: process.resourceUsage().maxRSS * 1024}));
