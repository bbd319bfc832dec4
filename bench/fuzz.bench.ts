// The hostile-input campaign (issue 13): thousands of documents from test/support/hostile.ts, in three passes.
//  1. Each document alone in a child process, with a time bound: crashes, hangs, CPU time and MB/s, output size.
//  2. Each kind of damage at N and 2N characters: how time grows (2× input should take ≤ 2.5× as long).
//  3. All that finished in pass 1 in one folder beside the seeds, under odd names, through `extract` with 1 and with
//     2 workers: byte-identical outputs, every file in `documents` once, every rejection with a reason, the seeds'
//     facts as they are alone.
// Every document is made from (family, seed, size); a finding prints the line that makes it again:
//   npx tsx bench/fuzz.bench.ts --write FAMILY SEED SIZE FILE
// Settings: FUZZ_DOCS (default 2000), FUZZ_MAX_CHARS (largest pass-1 document, default 40000), FUZZ_SCALE_CHARS
// (pass 2's N, default 100000), FUZZ_SCALE_MB (pass 2's N in MB of each family's bytes instead, e.g. 1), FUZZ_SEED
// (default 1), FUZZ_PASSES (which to run, default 123; pass 3 without pass 1 takes every document).
import {spawnSync, fork, type ChildProcess} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {FAMILIES, oddName, random, type Family} from "../test/support/hostile.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./fuzz-child.ts", import.meta.url));

interface Case {
  family: Family;
  seed: number;
  size: number;
  bytes: Uint8Array;
  ext: string;
}

interface Outcome {
  cpuMs?: number;
  wallMs?: number;
  status?: string;
  reason?: string | null;
  facts?: number;
  outputBytes?: number | null;
  csvBytes?: number;
  crash?: string;
  timedOut?: boolean;
}

function makeCase(family: Family, seed: number, size: number): Case {
  const {bytes, ext} = FAMILIES[family](random(seed), size);
  return {family, seed, size, bytes, ext};
}

/** How many characters of a family make about `bytes` bytes (families differ: digits are 1 byte, Han 3). */
function charsFor(family: Family, seed: number, bytes: number): number {
  const probe = makeCase(family, seed, 20_000);
  return Math.max(1, Math.round((20_000 * bytes) / Math.max(1, probe.bytes.length)));
}

const reproducer = (c: Case) => `npx tsx bench/fuzz.bench.ts --write ${c.family} ${c.seed} ${c.size} /tmp/case${c.ext}`;

/** A child that extracts one document at a time; a document over its time bound kills it, and a new one starts. */
class Extractor {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((answer: Outcome) => void) | null = null;
  private id = 0;

  private start(): Promise<void> {
    const child = fork(CHILD, [], {
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"]
    });
    this.child = child;
    return (this.ready = new Promise((resolve) => {
      child.on("message", (message: any) => {
        if (message.ready) return resolve();
        const pending = this.pending;
        this.pending = null;
        pending?.(message);
      });
      child.on("exit", (code, signal) => {
        const pending = this.pending;
        this.pending = null;
        pending?.({crash: `child exited (${signal ?? code})`});
        if (this.child === child) this.child = null;
      });
    }));
  }

  async run(doc: string, bytes: Uint8Array, limitMs: number): Promise<Outcome> {
    if (!this.child) await this.start();
    await this.ready;
    const child = this.child!;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        child.kill("SIGKILL");
        this.child = null;
        resolve({timedOut: true});
      }, limitMs);
      this.pending = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      child.send({id: this.id++, doc, bytes});
    });
  }

  stop(): void {
    this.child?.kill();
  }
}

/** The time bound of one document: 10 s, and 10 s more per MB (the target is ≥ 1 MB/s; this only catches hangs). */
const limitFor = (bytes: number) => 10_000 + (bytes / 1e6) * 10_000;

const mbps = (bytes: number, ms: number) => bytes / 1e6 / Math.max(ms / 1000, 1e-6);

export default async function run(): Promise<void> {
  const count = Number(process.env.FUZZ_DOCS ?? 2000);
  const maxChars = Number(process.env.FUZZ_MAX_CHARS ?? 40_000);
  const scale = Number(process.env.FUZZ_SCALE_CHARS ?? 100_000);
  const seed0 = Number(process.env.FUZZ_SEED ?? 1);
  const scaleMB = Number(process.env.FUZZ_SCALE_MB ?? 0);
  const passes = process.env.FUZZ_PASSES ?? "123";
  const families = Object.keys(FAMILIES) as Family[];
  const extractor = new Extractor();
  const findings: string[] = [];
  try {
    // 1. Alone, with a bound.
    const sizes = random(seed0);
    const cases: Case[] = [];
    for (let i = 0; i < count; i++) {
      // Log-uniform sizes from 50 characters to maxChars: most small, some large.
      const size = Math.round(50 * Math.exp(sizes.next() * Math.log(maxChars / 50)));
      cases.push(makeCase(families[i % families.length], seed0 * 100_000 + i, size));
    }
    const outcomes: Outcome[] = [];
    if (passes.includes("1")) {
      const started = performance.now();
      let bytesIn = 0;
      const worst = new Map<Family, {mbps: number; json: number; csv: number}>();
      for (const [i, c] of cases.entries()) {
        if (i && i % 200 === 0) process.stderr.write(`pass 1: ${i} of ${cases.length} documents\n`);
        const outcome = await extractor.run(`case${c.ext}`, c.bytes, limitFor(c.bytes.length));
        outcomes.push(outcome);
        bytesIn += c.bytes.length;
        if (outcome.crash)
          findings.push(
            `crash: ${c.family}, ${c.bytes.length} bytes: ${outcome.crash.split("\n")[0]}\n  ${reproducer(c)}`
          );
        else if (outcome.timedOut)
          findings.push(
            `hang: ${c.family}, ${c.bytes.length} bytes, over ${limitFor(c.bytes.length) / 1000} s\n  ${reproducer(c)}`
          );
        else {
          // Output size counts only for inputs of 1 KB or more: a rejected 10-byte file's row is itself 30× its size.
          const big = c.bytes.length >= 1000;
          const json = big ? outcome.outputBytes! / c.bytes.length : 0;
          const csv = big ? outcome.csvBytes! / c.bytes.length : 0;
          // Throughput counts only for inputs of 10 KB or more: below that, fixed costs dominate.
          const speed = c.bytes.length >= 10_000 ? mbps(c.bytes.length, outcome.cpuMs!) : Infinity;
          const w = worst.get(c.family) ?? {mbps: Infinity, json: 0, csv: 0};
          worst.set(c.family, {mbps: Math.min(speed, w.mbps), json: Math.max(json, w.json), csv: Math.max(csv, w.csv)});
          if (json > 20)
            findings.push(
              `output ${json.toFixed(0)}× input in JSON (${csv.toFixed(0)}× in CSV): ${c.family}, ` +
                `${c.bytes.length} bytes, ${outcome.facts} facts\n  ${reproducer(c)}`
            );
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const crashes = outcomes.filter((o) => o.crash).length;
      const hangs = outcomes.filter((o) => o.timedOut).length;
      console.log(
        `pass 1: ${cases.length} documents, ${(bytesIn / 1e6).toFixed(1)} MB, ${seconds.toFixed(0)} s: ` +
          `${crashes} crashes, ${hangs} hangs, ${outcomes.filter((o) => o.status === "rejected").length} rejected`
      );
      console.log(
        "family                 documents  hangs  rejected  worst MB/s (≥10 KB, CPU)  worst output/input (≥1 KB): JSON  CSV"
      );
      for (const family of families) {
        const w = worst.get(family);
        const mine = outcomes.filter((_, i) => cases[i].family === family);
        const mbpsText = !w || w.mbps === Infinity ? "-" : w.mbps.toFixed(2);
        console.log(
          `${family.padEnd(22)} ${String(mine.length).padStart(9)}  ${String(mine.filter((o) => o.timedOut).length).padStart(5)}` +
            `  ${String(mine.filter((o) => o.status === "rejected").length).padStart(8)}  ${mbpsText.padStart(24)}` +
            `  ${(w ? w.json.toFixed(1) : "-").padStart(33)}  ${(w ? w.csv.toFixed(1) : "-").padStart(4)}`
        );
      }
    } else for (const _ of cases) outcomes.push({});

    // 2. How time grows.
    const pass2 = performance.now();
    const unit = scaleMB ? `${scaleMB} MB` : `${scale} characters`;
    if (passes.includes("2"))
      console.log(`pass 2: each family at ${unit} and twice that (CPU time; ratio should be ≤ 2.5, MB/s ≥ 1)`);
    for (const family of passes.includes("2") ? families : []) {
      const chars = scaleMB ? charsFor(family, seed0, scaleMB * 1e6) : scale;
      const small = makeCase(family, seed0, chars);
      const large = makeCase(family, seed0, 2 * chars);
      // Each size is run twice and the faster kept: a family's first run pays for compiling its paths, and the
      // machine is shared.
      const twice = async (c: Case, limitMs: number): Promise<Outcome> => {
        const first = await extractor.run(`case${c.ext}`, c.bytes, limitMs);
        if (first.timedOut || first.crash) return first;
        const again = await extractor.run(`case${c.ext}`, c.bytes, limitMs);
        return again.timedOut || again.crash || again.cpuMs! < first.cpuMs! ? again : first;
      };
      const a = await twice(small, 60_000);
      const b: Outcome = a.timedOut || a.crash ? {timedOut: true} : await twice(large, 120_000);
      const line = (c: Case, o: Outcome) =>
        o.crash
          ? "crash"
          : o.timedOut
            ? "timed out"
            : `${(o.cpuMs! / 1000).toFixed(2)} s (${mbps(c.bytes.length, o.cpuMs!).toFixed(2)} MB/s, ${o.status}, ${o.facts} facts)`;
      // A ratio means something only when both sizes were read the same way (a damaged page may be rejected at one).
      // Under 50 ms of CPU, timer noise and start-up costs decide the ratio.
      const ratio = a.cpuMs! >= 50 && b.cpuMs && a.status === b.status ? b.cpuMs / a.cpuMs! : NaN;
      console.log(
        `${family.padEnd(22)} ${(small.bytes.length / 1e6).toFixed(2)} MB: ${line(small, a)}; ` +
          `${(large.bytes.length / 1e6).toFixed(2)} MB: ${line(large, b)}; ×${ratio.toFixed(2)}`
      );
      const slow = scaleMB && a.status === "ok" && mbps(small.bytes.length, a.cpuMs!) < 1;
      if (ratio > 2.5 || a.timedOut || b.timedOut || slow)
        findings.push(`superlinear or slow: ${family} ×${ratio.toFixed(2)}\n  ${reproducer(large)}`);
      if (a.crash || b.crash)
        findings.push(`crash: ${family} at scale: ${(a.crash ?? b.crash)!.split("\n")[0]}\n  ${reproducer(large)}`);
    }
    extractor.stop();
    if (passes.includes("2")) console.log(`pass 2: ${((performance.now() - pass2) / 1000).toFixed(0)} s`);

    // 3. Together, beside the seeds.
    if (passes.includes("3")) findings.push(...folderPass(cases, outcomes, seed0));
  } finally {
    extractor.stop();
  }
  console.log(findings.length ? `findings (${findings.length}):\n${findings.join("\n")}` : "findings: none");
}

function folderPass(cases: Case[], outcomes: Outcome[], seed0: number): string[] {
  const findings: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "fuzz-campaign-"));
  try {
    const alone = join(dir, "seeds");
    const mixed = join(dir, "mixed");
    cpSync(join(root, "data"), alone, {recursive: true});
    cpSync(join(root, "data"), mixed, {recursive: true});
    const names = random(seed0 + 7);
    let written = 0;
    cases.forEach((c, i) => {
      if (outcomes[i].crash || outcomes[i].timedOut) return; // already reported; they would stop the run
      const sub = join(mixed, c.family);
      mkdirSync(sub, {recursive: true});
      writeFileSync(Buffer.concat([Buffer.from(`${sub}/`), oddName(names, i, c.ext)]), c.bytes);
      written++;
    });
    const runs = [alone, mixed, mixed].map((input, i) => {
      const out = join(dir, `out-${i}`);
      const workers = i === 2 ? "2" : "1";
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          join(root, "loaders", "run", "cli.ts"),
          input,
          "--out",
          out,
          "--quiet",
          "--workers",
          workers
        ],
        {
          cwd: root,
          encoding: "utf8",
          maxBuffer: 256 << 20,
          timeout: 30 * 60_000
        }
      );
      return {out, result, seconds: (performance.now() - started) / 1000};
    });
    const [seedRun, one, two] = runs;
    console.log(
      `pass 3: ${written} documents beside the seeds: --workers 1 ${one.seconds.toFixed(0)} s, --workers 2 ${two.seconds.toFixed(0)} s`
    );
    for (const {result} of runs)
      if (result.status !== 0)
        findings.push(`extract failed (${result.status ?? result.signal}): ${result.stderr.slice(-2000)}`);
    if (findings.length) return findings;
    const read = (out: string, table: string) => readFileSync(join(out, `${table}.json`));
    for (const table of ["documents", "articles", "facts", "places"]) {
      if (!read(one.out, table).equals(read(two.out, table)))
        findings.push(
          `--workers 1 and 2 differ in ${table}: ${firstDifference(read(one.out, table), read(two.out, table))}`
        );
    }
    const documents = JSON.parse(read(one.out, "documents").toString()) as {
      doc: string;
      status: string;
      reason: string | null;
    }[];
    const docs = new Set(documents.map((d) => d.doc));
    if (docs.size !== documents.length) findings.push(`a doc appears twice in documents`);
    if (documents.length !== written + 5)
      findings.push(`documents has ${documents.length} rows for ${written + 5} files`);
    const unnamed = documents.filter((d) => d.status === "rejected" && !d.reason);
    if (unnamed.length) findings.push(`rejected without a reason: ${unnamed.map((d) => d.doc).join(", ")}`);
    const warnings = (one.result.stderr.match(/^warning: /gm) ?? []).length;
    const rejected = documents.filter((d) => d.status === "rejected").length;
    if (warnings < rejected) findings.push(`${rejected} rejected documents but ${warnings} warnings`);
    const seedFacts = JSON.parse(read(seedRun.out, "facts").toString()) as {doc: string}[];
    const seedDocs = new Set(seedFacts.map((f) => f.doc));
    const mixedFacts = (JSON.parse(read(one.out, "facts").toString()) as {doc: string}[]).filter((f) =>
      seedDocs.has(f.doc)
    );
    if (JSON.stringify(mixedFacts) !== JSON.stringify(seedFacts))
      findings.push("the seeds' facts differ beside hostile neighbours");
    console.log(
      `pass 3: ${documents.length} documents rows (${rejected} rejected, ${warnings} warnings), seeds' ${seedFacts.length} facts checked`
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  return findings;
}

/** The first row two JSON tables differ in, as its doc and the columns that differ. */
function firstDifference(a: Buffer, b: Buffer): string {
  const rows = (bytes: Buffer) => JSON.parse(bytes.toString()) as Record<string, unknown>[];
  const [x, y] = [rows(a), rows(b)];
  if (x.length !== y.length) return `${x.length} rows against ${y.length}`;
  const i = x.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(y[i]));
  const columns = Object.keys(x[i]).filter((k) => JSON.stringify(x[i][k]) !== JSON.stringify(y[i][k]));
  return `row ${i} (${x[i].doc}): ${columns.map((k) => `${k} ${JSON.stringify(x[i][k])} / ${JSON.stringify(y[i][k])}`).join(", ")}`;
}

// `--write FAMILY SEED SIZE FILE`: the document a finding names, written to FILE.
if (process.argv[2] === "--write") {
  const [family, seed, size, file] = process.argv.slice(3);
  writeFileSync(file, makeCase(family as Family, Number(seed), Number(size)).bytes);
}
