// Quantity-scan throughput over the seeds repeated to at least 20 MB, on one core, and the time for inputs built to
// make a backtracking scanner blow up: a megabyte of digits, of 一二三…, of 十 and of 余; then the hostile inputs of
// bench/hostile-numbers.ts at 0.5 and 1 MB, checking linear growth (2× input ≤ 2.5× time) and ≥ 1 MB/s.
// First, CPU seconds over the articles of the 10 MB synthetic corpus: the first pass (what one run of the command
// line pays, the compiler's warm-up included) and a warm one, beside one plain pass over the same texts.
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {readDocument} from "../loaders/document.js";
import {scanQuantities} from "../loaders/quantities.js";
import {listDocuments} from "../loaders/run/corpus.js";
import {syntheticCorpus} from "./corpus.js";
import {fastest, HOSTILE_NUMBERS} from "./hostile-numbers.js";

/** CPU seconds (user + system) `work` takes. */
function cpu(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const {user, system} = process.cpuUsage(before);
  return (user + system) / 1e6;
}

function corpusPasses(): void {
  const files = listDocuments([syntheticCorpus(10)]);
  let bytes = 0;
  const texts: string[] = [];
  for (const file of files) {
    const data = new Uint8Array(readFileSync(file.path));
    bytes += data.length;
    for (const article of readDocument(file.doc, data).articles) if (!article.is_notice) texts.push(article.text);
  }
  let sum = 0;
  const plain = cpu(() => {
    for (const text of texts) for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  });
  let found = 0;
  const first = cpu(() => texts.forEach((text) => (found += scanQuantities(text).length)));
  const warm = Math.min(...[1, 2, 3].map(() => cpu(() => texts.forEach((text) => scanQuantities(text)))));
  const mb = bytes / 1e6;
  console.log(
    `scanQuantities over the ${mb.toFixed(1)} MB corpus (${found} quantities), CPU s: first pass ${first.toFixed(2)} ` +
      `(${(mb / first).toFixed(1)} MB/s), warm ${warm.toFixed(2)} (${(mb / warm).toFixed(1)} MB/s, ` +
      `${(warm / plain).toFixed(0)}× a plain pass of ${plain.toFixed(3)} s)${sum === 0.5 ? " " : ""}`
  );
}

export default async function run(): Promise<void> {
  corpusPasses();
  const dir = fileURLToPath(new URL("../data/", import.meta.url));
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(dir + f, "utf8"))
    .join("\n\n");
  const bytes = Buffer.byteLength(corpus);
  const repeats = Math.ceil(20e6 / bytes);
  scanQuantities(corpus);
  let found = 0;
  const t = performance.now();
  for (let i = 0; i < repeats; i++) found += scanQuantities(corpus).length;
  const seconds = (performance.now() - t) / 1000;
  const chars = corpus.length * repeats;
  const mb = (bytes * repeats) / 1e6;
  const perSecond = Math.round(chars / seconds).toLocaleString("en");
  console.log(
    `scanQuantities: ${mb.toFixed(1)} MB (${(chars / 1e6).toFixed(1)} M chars) in ${seconds.toFixed(2)} s = ` +
      `${(mb / seconds).toFixed(1)} MB/s, ${perSecond} chars/s, ${found} quantities`
  );

  const mega = 1 << 20;
  const inputs: [string, string][] = [
    ["1 MB of digits", "1".repeat(mega)],
    ["1 MB of 一二三…", "一二三四五六七八九".repeat(Math.ceil(mega / 9)).slice(0, mega)],
    ["1 MB of 十", "十".repeat(mega)],
    ["1 MB of 余", "三余".repeat(mega / 2)],
    ["1 MB of 1,000,", "1,000,".repeat(Math.ceil(mega / 6))],
    ["1 MB of 3至", "3至".repeat(mega / 2)]
  ];
  for (const [name, text] of inputs) {
    const s = performance.now();
    const n = scanQuantities(text).length;
    console.log(`pathological, ${name}: ${(performance.now() - s).toFixed(1)} ms, ${n} quantities`);
  }

  let failures = 0;
  const half = 1 << 18; // characters: 0.75 MB of UTF-8, then 1.5 MB
  for (const [name, make] of Object.entries(HOSTILE_NUMBERS)) {
    const small = make(half);
    const large = make(2 * half);
    const t1 = fastest(() => scanQuantities(small));
    const t2 = fastest(() => scanQuantities(large));
    const ratio = t2 / Math.max(t1, 1);
    const mbPerSecond = Buffer.byteLength(large) / 1e6 / (t2 / 1000);
    const ok = ratio <= 2.5 && mbPerSecond >= 1;
    if (!ok) failures++;
    console.log(
      `hostile, ${name}: ${t1.toFixed(0)} ms → ${t2.toFixed(0)} ms for 2× input (×${ratio.toFixed(2)}), ` +
        `${mbPerSecond.toFixed(1)} MB/s${ok ? "" : "  ← FAILS (needs ×2.5 or less and 1 MB/s or more)"}`
    );
  }
  console.log(`hostile number inputs: ${failures ? `${failures} FAIL` : "all linear and at least 1 MB/s"}`);
}
