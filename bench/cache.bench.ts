// What the per-document cache costs at archive scale, the engine left out: 10,000 pages (CACHE_DOCS) of ~2 KB and a
// stand-in extraction that returns each page's text as its one article. Prints the time of a cold call, a hit,
// and a call after changing, adding or removing one page, and after touching every page (all read again, none
// extracted).
import {createHash} from "node:crypto";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {cachedTables, type CacheStats} from "../loaders/run/cache.js";
import type {DocumentFile} from "../loaders/run/corpus.js";
import type {DocumentResult} from "../loaders/extract.js";

async function* standIn(files: DocumentFile[]): AsyncGenerator<DocumentResult> {
  for (const {doc, path} of files) {
    const bytes = readFileSync(path);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const text = bytes.toString("utf8");
    yield {
      document: {doc, sha256, status: "ok"},
      articles: [{doc, text}],
      facts: [],
      places: [],
      mentions: []
    } as unknown as DocumentResult;
  }
}

export default async function run(): Promise<void> {
  const count = Number(process.env.CACHE_DOCS ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), "cache-bench-"));
  const data = join(dir, "data");
  try {
    for (let i = 0; i < count; i++) {
      const folder = join(data, String(Math.floor(i / 500)));
      if (i % 500 === 0) mkdirSync(folder, {recursive: true});
      writeFileSync(
        join(folder, `page-${i}.txt`),
        `聊城日报 第${i}版\n\n${"帮扶贫困户126户，发放扶贫资金36.9万元。".repeat(100)}\n`
      );
    }
    // Old enough to be trusted by the index (see CacheOptions.settleMs).
    const past = new Date(Date.now() - 60_000);
    let stats: CacheStats | undefined;
    const options = {
      dir: join(dir, "cache"),
      engine: "bench",
      extract: standIn,
      log: () => {},
      report: (s: CacheStats) => (stats = s)
    };
    const time = async (label: string) => {
      const started = performance.now();
      await cachedTables([data], options);
      const ms = performance.now() - started;
      console.log(
        `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  (hashed ${stats!.hashed}, extracted ${stats!.extracted})`
      );
    };
    const touch = (path: string) => utimesSync(path, past, past);
    await time(`cold, ${count} documents`);
    await time("hit (files still settling)");
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));
    await settle();
    await time("hit, index rebuilt");
    await time("hit");
    writeFileSync(join(data, "0", "page-7.txt"), "聊城日报 改过的一版\n");
    touch(join(data, "0", "page-7.txt"));
    await settle();
    await time("one changed");
    writeFileSync(join(data, "0", "new.txt"), "聊城日报 新的一版\n");
    await settle();
    await time("one added");
    rmSync(join(data, "0", "page-8.txt"));
    await time("one removed");
    for (let i = 0; i < count; i++) if (i !== 8) touch(join(data, String(Math.floor(i / 500)), `page-${i}.txt`));
    await settle();
    await time("every file touched, none changed");
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
