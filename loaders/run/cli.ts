// `npm run --silent extract -- PATH... [--out DIR] [--format json|csv|parquet] [--quiet]`, per ../shared/CONTRACT.md.
import {inputPaths, parseCommandLine, runCommand, UsageError, writableDir} from "./command.js";
import {listDocuments} from "./corpus.js";
import {encodedPlaceTally} from "./encoded.js";
import {savePinyinMemo} from "../pinyin-memo.js";
import {DEFAULT_TIMEOUT, extractEncoded} from "./pool.js";
import {saveCodeCache} from "./save-code-cache.js";
import {threadCpuSeconds} from "./thread-cpu.js";
import {defaultWorkers} from "./worker-count.js";
import {FORMATS, openTables, stagingOf, type Format} from "./write.js";

const usage = `Usage: npm run --silent extract -- [PATH...] [--out DIR] [--format json|csv|parquet] [--quiet]

Reads newspaper pages (.txt, .md, .html; folders are searched recursively; default data/) and writes the
documents, articles, facts and places tables into DIR (default out/), one file per table.

  --out DIR        where to write the tables (created if missing)
  --format FMT     json (default), csv or parquet
  --quiet          no progress on stderr (warnings still print)
  --workers N      worker threads (default: one per core, and one per MB of pages at most; 0 = none, and then
                   no --timeout)
  --timeout S      seconds a document may take, S more per 10 MB of it, before it is stopped and rejected
                   (default ${DEFAULT_TIMEOUT})
  --prefecture C   the prefecture whose villages and zones are known (default 3715, 聊城)
  --help           this text`;

function parse(argv: string[]) {
  const {values, positionals} = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      out: {type: "string", default: "out"},
      format: {type: "string", default: "json"},
      quiet: {type: "boolean", default: false},
      workers: {type: "string"},
      timeout: {type: "string"},
      prefecture: {type: "string", default: "3715"},
      help: {type: "boolean", default: false}
    }
  });
  if (!FORMATS.includes(values.format as Format))
    throw new UsageError(`unknown format: ${values.format} (json, csv or parquet)`);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new UsageError(`bad --workers: ${values.workers}`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`bad --timeout: ${values.timeout} (seconds)`);
  if (!/^\d{4}$/.test(values.prefecture!))
    throw new UsageError(`bad --prefecture: ${values.prefecture} (a 4-digit code such as 3715)`);
  const paths = inputPaths(positionals);
  return {...values, format: values.format as Format, workers, timeout, paths};
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const started = performance.now();
  const stats = {close: 0, workerCpu: 0};
  writableDir(options.out!);
  const files = listDocuments(options.paths);
  const places = encodedPlaceTally();
  const {timeout, prefecture} = options;
  const workers = options.workers ?? defaultWorkers(files);
  const tables = openTables(options.out!, options.format);
  const results = extractEncoded(files, stagingOf(options.format), {
    workers,
    timeout,
    prefecture,
    stats: process.env.LIAOCHENG_STATS ? stats : undefined
  });
  // This thread waits for the workers' first results: meanwhile it loads what writing the places table needs.
  if (workers !== 0) setTimeout(() => places.warm(), 0);
  const progress = progressLine(files.length, options.quiet!);
  try {
    let done = 0;
    for await (const result of results) {
      const {document, pieces} = result;
      if (document.status === "rejected") process.stderr.write(`warning: ${document.doc}: ${document.reason}\n`);
      tables.writePieces("documents", pieces.documents, 1);
      tables.writePieces("articles", pieces.articles, result.articles);
      tables.writePieces("facts", pieces.facts, result.facts);
      places.add(result);
      progress.tick(files[done++].size, result.facts);
    }
    tables.write("places", places.rows());
    const closing = performance.now();
    await tables.close();
    stats.close = (performance.now() - closing) / 1000;
  } catch (error) {
    tables.abort();
    throw error;
  }
  progress.end();
  saveCodeCache();
  savePinyinMemo();
  // For the bench: how long the run took and, of that, finishing the files (for Parquet, DuckDB's conversion), and
  // where the CPU went: this thread, the workers, and the rest (V8's collector and compiler threads, DuckDB's).
  if (process.env.LIAOCHENG_STATS) {
    const {user, system} = process.cpuUsage();
    const seconds = (performance.now() - started) / 1000;
    const report = {...stats, seconds, cpu: (user + system) / 1e6, mainCpu: threadCpuSeconds()};
    process.stderr.write(`stats: ${JSON.stringify(report)}\n`);
  }
  return 0;
}

/** "12/500 documents · 3.4 MB · 11.2 MB/s · 2,031 facts" on stderr, redrawn in a terminal, every few seconds otherwise. */
function progressLine(total: number, quiet: boolean) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let done = 0;
  let bytes = 0;
  let facts = 0;
  let last = 0;
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const mb = bytes / 1e6;
    return `${done}/${total} documents · ${mb.toFixed(1)} MB · ${(mb / Math.max(seconds, 1e-3)).toFixed(1)} MB/s · ${facts} facts`;
  };
  return {
    tick(size: number, n: number) {
      done++;
      bytes += size;
      facts += n;
      const now = performance.now();
      if (quiet || now - last < (tty ? 200 : 5000)) return;
      last = now;
      process.stderr.write(tty ? `\r${line()}` : `${line()}\n`);
    },
    end() {
      if (!quiet) process.stderr.write(`${tty ? "\r" : ""}${line()}\n`);
    }
  };
}

runCommand("extract", main);
