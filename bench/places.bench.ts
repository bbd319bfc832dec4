// Gazetteer load time (cold, then cached), mention-scan throughput over the seeds repeated to at least 20 MB, and the
// articles' places over the 10 MB synthetic corpus in a fresh process: first pass (cold: the engine's code not yet
// compiled, and the compiler's threads counted apart), then warm.
import {spawnSync} from "node:child_process";
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {decode, type Decoded} from "../loaders/decode.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {findPlaceMentions, placeForSpan, resolveArticlePlace} from "../loaders/places/index.js";
import {childOf, mayStart, rootChild} from "../loaders/trie.js";
import {repair} from "../loaders/repair.js";
import {listDocuments} from "../loaders/run/corpus.js";
import {segment} from "../loaders/segment.js";
import {syntheticCorpus} from "./corpus.js";

const coldRunner = fileURLToPath(new URL("./gazetteer-cold.ts", import.meta.url));
const coldRuns = 3;

/** The cold load in a fresh process each time: in this one, the gazetteer was built and cached by earlier benches. */
interface ColdLoad {
  importMs: number;
  loadMs: number;
  cachedMs: number;
  places: number;
}

function coldLoad(mode: "build" | "compact"): ColdLoad {
  const child = spawnSync(process.execPath, ["--import", "tsx", coldRunner, mode], {encoding: "utf8"});
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split("\n").pop()!);
}

export default async function run(): Promise<void> {
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(dir + f, "utf8"));
  // Alternated, so that both modes see the same load from the machine's other work; the first compact run builds
  // the compact form if the cache has none.
  coldLoad("compact");
  const runs: Record<"build" | "compact", ColdLoad[]> = {build: [], compact: []};
  for (let i = 0; i < coldRuns; i++) for (const mode of ["build", "compact"] as const) runs[mode].push(coldLoad(mode));
  const median: Record<string, number> = {};
  for (const mode of ["build", "compact"] as const) {
    const sorted = runs[mode].sort((a, b) => a.loadMs - b.loadMs);
    const {importMs, loadMs, cachedMs, places} = sorted[Math.floor(coldRuns / 2)];
    median[mode] = loadMs;
    const range = `${sorted[0].loadMs.toFixed(0)}–${sorted[coldRuns - 1].loadMs.toFixed(0)}`;
    console.log(
      `gazetteer load ${mode === "build" ? "from the register" : "from the compact form"}, fresh process (median of ` +
        `${coldRuns}): ${loadMs.toFixed(0)} ms cold [${range}] + ${importMs.toFixed(0)} ms to import the module ` +
        `(tsx transpiling included), ${places} places` +
        (mode === "compact" ? `, ${cachedMs.toFixed(3)} ms once in memory` : "")
    );
  }
  console.log(`gazetteer load: the compact form is ${(median.build / median.compact).toFixed(1)}× faster`);
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

  pairFilter(corpus, gazetteer);

  const paragraphs = corpus.split(/\n\s*\n/).filter((p) => p.trim());
  t = performance.now();
  for (let i = 0; i < repeats; i++) for (const p of paragraphs) resolveArticlePlace(p.slice(0, 30), p, gazetteer);
  const articleSeconds = (performance.now() - t) / 1000;
  console.log(`resolveArticlePlace (paragraphs as articles): ${(mb / articleSeconds).toFixed(1)} MB/s`);
  linearity();
  coldAndWarm();
}

/** How many positions of the seeds the scan walks the trie from (the pair filter let them pass), against how many
 * start a form's first two code units: the walks beyond those are the filter's false positives. */
function pairFilter(corpus: string, gazetteer: ReturnType<typeof loadGazetteer>): void {
  const trie = gazetteer.trie;
  let walked = 0;
  let real = 0;
  for (let i = 0; i + 1 < corpus.length; i++) {
    const first = corpus.charCodeAt(i);
    const second = corpus.charCodeAt(i + 1);
    if (mayStart(trie, first, second)) walked++;
    const node = rootChild(trie, first);
    if (node >= 0 && childOf(trie, node, second) >= 0) real++;
  }
  const share = (n: number) => `${((100 * n) / corpus.length).toFixed(1)}%`;
  console.log(
    `scan: the pair filter lets ${share(walked)} of positions through to a walk of the trie; ${share(real)} start a ` +
      `form's first two characters`
  );
}

/** CPU seconds of this process's main thread (Linux: /proc), or NaN where that cannot be read. */
function mainThreadSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The 10 MB corpus's articles placed in a child process (this one has run the place code already). */
function coldAndWarm(): void {
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    encoding: "utf8",
    env: {...process.env, PLACES_BENCH_CHILD: "1"}
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const {mb, passes} = JSON.parse(child.stdout.trim().split("\n").pop()!);
  const [cold, warm] = passes as {cpu: number; main: number}[];
  console.log(
    `resolveArticlePlace over the ${mb.toFixed(1)} MB synthetic corpus, fresh process: ` +
      `first pass ${cold.cpu.toFixed(2)} CPU s (${cold.main.toFixed(2)} on the main thread, the rest the compiler's and collector's threads), then ` +
      `${warm.cpu.toFixed(2)} s warm = ${(mb / warm.cpu).toFixed(1)} MB/s`
  );
}

if (process.env.PLACES_BENCH_CHILD) {
  const files = listDocuments([syntheticCorpus(10)]).map((file) => readFileSync(file.path));
  const gazetteer = loadGazetteer();
  const articles = files
    .flatMap((bytes) => segment(repair((decode(bytes, {format: "auto"}) as Decoded).text).paragraphs))
    .filter((article) => !article.notice);
  const passes = [0, 1].map(() => {
    const before = process.cpuUsage();
    const main = mainThreadSeconds();
    for (const article of articles) resolveArticlePlace(article.title, article.text, gazetteer);
    const {user, system} = process.cpuUsage(before);
    return {cpu: (user + system) / 1e6, main: mainThreadSeconds() - main};
  });
  const mb = files.reduce((sum, bytes) => sum + bytes.length, 0) / 1e6;
  console.log(JSON.stringify({mb, passes}));
}

/** Hostile articles of issue 15, each resolved and every figure placed, at one size and twice it: twice the input
 * must take at most 2.5 times as long (the quadratic walks took 4×). */
const HOSTILE: [name: string, title: string, n: number, make: (n: number) => string][] = [
  ["马庙村，×n (villages no town can hold)", "扶贫简报", 100_000, (n) => "马庙村，".repeat(n)],
  [
    "n lines of figures ending in —— (one paragraph)",
    "阳谷县张秋镇扶贫工作简报",
    4_000,
    (n) => "张秋镇马庙村贫困户家庭收入增加3000元,种植面积扩大到5亩,养殖规模达到20头——\n".repeat(n)
  ],
  ["阳谷县3户。×n (a mention per fact)", "", 30_000, (n) => "阳谷县3户。".repeat(n)],
  ["阳谷县3户，×n (one sentence)", "", 30_000, (n) => "阳谷县3户，".repeat(n)]
];

function placeAll(title: string, text: string): number {
  const gazetteer = loadGazetteer();
  const t = performance.now();
  const article = resolveArticlePlace(title, text, gazetteer);
  for (const match of text.matchAll(/[0-9]+/g)) placeForSpan(text, match.index, match.index + match[0].length, article);
  return performance.now() - t;
}

function linearity(): void {
  for (const [name, title, n, make] of HOSTILE) {
    const small = make(n);
    const large = make(2 * n);
    placeAll(title, small);
    // The fastest of five runs each: the machine is shared, and the slowest runs measure the neighbours.
    const runs = [0, 1, 2, 3, 4];
    const once = Math.min(...runs.map(() => placeAll(title, small)));
    const twice = Math.min(...runs.map(() => placeAll(title, large)));
    const ratio = twice / once;
    const mbs = Buffer.byteLength(large) / 1e6 / (twice / 1000);
    console.log(
      `places, ${name}: n=${n} ${once.toFixed(0)} ms, 2n ${twice.toFixed(0)} ms, ratio ${ratio.toFixed(2)} ` +
        `(${ratio <= 2.5 ? "linear" : "SUPERLINEAR: over 2.5"}), ${mbs.toFixed(1)} MB/s`
    );
  }
}
