// readDocument throughput (decode → repair → segment → dates) on one core: the seeds as pages of their own size,
// repeated to at least 20 MB, then one 50 MB page, then hostile pages of issues 13 and 15 at 1× and 2× their size:
// each must take at most 2.5× as long at twice the size (linear, with room for noise).
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {readDocument} from "../loaders/document.js";

const encode = (s: string) => new TextEncoder().encode(s);

/** Hostile pages, each built to `n` bytes or so, with the file name that selects its format. */
const HOSTILE: {name: string; doc: string; make: (n: number) => Uint8Array}[] = [
  {name: "numeric entities", doc: "x.html", make: (n) => encode(`<p>${"&#20108;&#x4e24;".repeat(n / 16)}</p>`)},
  {name: "entities without ;", doc: "x.html", make: (n) => encode(`<p>${"&#2010".repeat(n / 6)}</p>`)},
  {name: "<meta> flood", doc: "x.html", make: (n) => encode(`<head>${"<meta name=date content=".repeat(n / 24)}>`)},
  {name: "page jump, then spaces", doc: "x.txt", make: (n) => encode(`测试(转${" ".repeat(n)}`)},
  {
    name: "body, then heading lines",
    doc: "x.txt",
    make: (n) => encode(`扶贫会召开。\n${"产业兴起来\n".repeat(n / 16)}`)
  },
  {
    name: "UTF-8, a bad byte per KB",
    doc: "x.txt",
    make: (n) => encode("聊城扶贫，".repeat(n / 15)).map((b, i) => (i % 997 === 5 ? 0xff : b))
  },
  {
    name: "UTF-8 with GBK spans",
    doc: "x.txt",
    make: (n) => {
      const utf8 = encode("聊城开发区持续做好孝善扶贫。\n");
      const gbk = [0xc1, 0xc4, 0xb3, 0xc7, 0xb7, 0xf6, 0xc6, 0xb6, 0x0a];
      const unit = Uint8Array.from([...utf8, ...utf8, ...utf8, ...gbk]);
      const out = new Uint8Array(Math.floor(n / unit.length) * unit.length);
      for (let i = 0; i < out.length; i += unit.length) out.set(unit, i);
      return out;
    }
  },
  {name: "UTF-16 without BOM", doc: "x.txt", make: (n) => utf16le("聊城扶贫,2020年。\n".repeat(n / 24))}
];

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) [out[2 * i], out[2 * i + 1]] = [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8];
  return out;
}

function timed(doc: string, bytes: Uint8Array): number {
  const t = performance.now();
  readDocument(doc, bytes);
  return (performance.now() - t) / 1000;
}

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

  let worst = 0;
  for (const {name, doc, make} of HOSTILE) {
    const [small, large] = [make(1e6), make(2e6)];
    timed(doc, make(1e5));
    // The best of three runs each: the ratio is about the code, not about what else the machine is doing.
    const best = (bytes: Uint8Array) => Math.min(timed(doc, bytes), timed(doc, bytes), timed(doc, bytes));
    const [a, b] = [best(small), best(large)];
    worst = Math.max(worst, b / a);
    console.log(
      `hostile ${name}: ${(small.length / 1e6).toFixed(1)} MB ${a.toFixed(2)} s, ×2 ${b.toFixed(2)} s, ` +
        `ratio ${(b / a).toFixed(2)}${b / a > 2.5 ? " SUPERLINEAR" : ""}, ${(large.length / 1e6 / b).toFixed(1)} MB/s`
    );
  }
  console.log(`hostile pages: worst 2× ratio ${worst.toFixed(2)} (bound 2.5)`);
}
