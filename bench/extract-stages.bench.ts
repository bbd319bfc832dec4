// Where extraction's time goes: each stage of extractDocument (loaders/extract.ts) run on its own over the whole
// synthetic corpus, in the order the engine runs them, timed by CPU time (user + system, so the other processes of
// a busy machine do not count), as MB/s of input and as how many times slower than one plain JS pass over the text.
// The stages' calls mirror extract.ts and document.ts; the last rows time the real extractDocument and the writers,
// so a stage added there and not here shows as a gap between the sum of the stages and the whole.
import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {listDocuments} from "../loaders/run/corpus.js";
import {
  findIssueDate,
  inferYear,
  readTimeAt,
  asciiDigits,
  resolveDateline,
  sentencePeriod,
  timeExpressions
} from "../loaders/dates.js";
import {decode, type Decoded} from "../loaders/decode.js";
import {extractDocument, factId, type DocumentResult} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {
  homeCounty,
  placeForSpan,
  resolveArticlePlace,
  withHomeCounty,
  type ArticlePlace
} from "../loaders/places/index.js";
import {scanQuantities} from "../loaders/quantities.js";
import {repair, type Repaired} from "../loaders/repair.js";
import {segment, type Article} from "../loaders/segment.js";
import {sentenceIndex, sentences, type Span} from "../loaders/sentences.js";
import {subjectOf} from "../loaders/subject.js";
import {articleTopic, classifyTopic} from "../loaders/topics.js";
import type {Quantity} from "../loaders/types.js";
import {openTables, type Format} from "../loaders/run/write.js";
import {placeTally} from "../loaders/run/tables.js";
import {syntheticCorpus} from "./corpus.js";

/** CPU seconds (user + system) `work` takes. */
function cpu(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const {user, system} = process.cpuUsage(before);
  return (user + system) / 1e6;
}

async function cpuAsync(work: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const {user, system} = process.cpuUsage(before);
  return (user + system) / 1e6;
}

interface Stage {
  name: string;
  /** The first run, cold: V8 compiles the stage's code as it goes. */
  seconds: number;
  /** A second run over the same text, the code compiled: what a worker pays after its first documents. */
  warm: number;
}

export interface StageProfile {
  bytes: number;
  plain: number;
  stages: Stage[];
  whole: number;
  writing: Record<Format, number>;
}

/** Times every stage over the documents of `dir`. */
export async function profileStages(dir: string): Promise<StageProfile> {
  const files = listDocuments([dir]).map((file) => ({doc: file.doc, bytes: new Uint8Array(readFileSync(file.path))}));
  const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  const gazetteer = loadGazetteer();
  const stages: Stage[] = [];
  const stage = (name: string, work: () => void) => stages.push({name, seconds: cpu(work), warm: cpu(work)});

  let decoded: Decoded[] = [];
  stage("hash (sha256)", () => {
    for (const {bytes} of files) createHash("sha256").update(bytes).digest("hex");
  });
  stage("decode", () => {
    decoded = files.map(({doc, bytes}) => decode(bytes, {format: doc.endsWith(".html") ? "html" : "auto"}) as Decoded);
  });
  const texts = decoded.map((d) => d.text);
  let plainSum = 0;
  // The fastest of three, so that the baseline is the pass itself, not its compilation.
  const plain = Math.min(
    ...[1, 2, 3].map(() =>
      cpu(() => {
        for (const text of texts) for (let i = 0; i < text.length; i++) plainSum = (plainSum + text.charCodeAt(i)) | 0;
      })
    )
  );
  let repaired: Repaired[] = [];
  stage("repair", () => {
    repaired = texts.map((text) => repair(text));
  });
  let segmented: Article[][] = [];
  stage("segment", () => {
    segmented = repaired.map(({paragraphs}) => segment(paragraphs));
  });
  stage("dates (issue, year, datelines)", () => {
    for (const [i, text] of texts.entries()) {
      const issueDate = findIssueDate(text);
      const year = issueDate ? Number(issueDate.slice(0, 4)) : (inferYear(text)?.year ?? null);
      for (const article of segmented[i]) {
        const at = article.source?.search(/[0-9０-９]/) ?? -1;
        const sourceMonth = at >= 0 ? (readTimeAt(asciiDigits(article.source!), at)?.month ?? null) : null;
        resolveDateline(article.dateline, {year, issueDate, sourceMonth});
      }
    }
  });
  const articles = segmented.flat().filter((article) => !article.notice);
  let located: ArticlePlace[] = [];
  stage("places (articles)", () => {
    located = articles.map((article) => resolveArticlePlace(article.title, article.text, gazetteer));
    const home = homeCounty(
      gazetteer,
      located.map((l) => l.place)
    );
    located = located.map((l, i) => withHomeCounty(l, articles[i].text, home));
  });
  stage("topics (articles)", () => {
    for (const article of articles) articleTopic(article.text, article.title);
  });
  let quantities: Quantity[][] = [];
  stage("quantities", () => {
    quantities = articles.map((article) => scanQuantities(article.text));
  });
  let spans: Span[][] = [];
  let factSpans: Span[][] = [];
  stage("sentences", () => {
    spans = articles.map((article) => sentences(article.text));
    factSpans = quantities.map((qs, i) => {
      const sentenceOf = sentenceIndex(spans[i]);
      return qs.map((q) => sentenceOf(q.start));
    });
  });
  // The sentences that hold a quantity, each once, as extract.ts reads them.
  const held = factSpans.map((ss, i) => {
    const unique: {span: Span; sentence: string}[] = [];
    for (const span of ss)
      if (unique.at(-1)?.span.start !== span.start)
        unique.push({span, sentence: articles[i].text.slice(span.start, span.end)});
    return unique;
  });
  stage("topics (sentences)", () => {
    for (const list of held) for (const {sentence} of list) classifyTopic(sentence);
  });
  stage("dates (sentences)", () => {
    for (const [i, qs] of quantities.entries()) {
      let at = -1;
      let times: ReturnType<typeof timeExpressions> = [];
      for (const [k, q] of qs.entries()) {
        const span = factSpans[i][k];
        const sentence = articles[i].text.slice(span.start, span.end);
        if (span.start !== at) ((at = span.start), (times = timeExpressions(sentence)));
        sentencePeriod(sentence, null, q.start - span.start, times);
      }
    }
  });
  stage("places (facts)", () => {
    for (const [i, qs] of quantities.entries())
      for (const q of qs) placeForSpan(articles[i].text, q.start, q.end, located[i]);
  });
  stage("subjects", () => {
    for (const [i, qs] of quantities.entries()) {
      for (const [k, q] of qs.entries()) {
        const span = factSpans[i][k];
        subjectOf(articles[i].text.slice(span.start, span.end), q.start - span.start, q.end - span.start, q.kind);
      }
    }
  });
  stage("fact ids (sha1)", () => {
    for (const [i, qs] of quantities.entries()) for (const q of qs) factId(`${i}`, q.start);
  });

  let results: DocumentResult[] = [];
  const whole = cpu(() => {
    results = files.map(({doc, bytes}) => extractDocument(doc, bytes, gazetteer));
  });
  const writing = {} as Record<Format, number>;
  for (const format of ["json", "csv", "parquet"] as Format[]) {
    const out = mkdtempSync(join(tmpdir(), "bench-write-"));
    writing[format] = await cpuAsync(async () => {
      const tables = openTables(out, format);
      const places = placeTally();
      for (const result of results) {
        tables.write("documents", [result.document]);
        tables.write("articles", result.articles);
        tables.write("facts", result.facts);
        places.add(result);
      }
      tables.write("places", places.rows(gazetteer));
      await tables.close();
    });
    rmSync(out, {recursive: true, force: true});
  }
  if (plainSum === 0.5) console.log(""); // keeps the plain pass from being optimised away
  return {bytes, plain, stages, whole, writing};
}

export function formatProfile({bytes, plain, stages, whole, writing}: StageProfile): string {
  const mb = bytes / 1e6;
  const rate = (seconds: number) => mb / Math.max(seconds, 1e-6);
  const row = (name: string, seconds: number, warm?: number) =>
    `| ${name.padEnd(34)} | ${seconds.toFixed(2).padStart(7)} | ${rate(seconds).toFixed(1).padStart(8)} | ` +
    `${(seconds / plain).toFixed(0).padStart(6)}× | ${warm === undefined ? "".padStart(9) : rate(warm).toFixed(1).padStart(9)} |`;
  const sum = (key: "seconds" | "warm") => stages.reduce((total, s) => total + s[key], 0);
  return [
    `${mb.toFixed(1)} MB, CPU seconds per stage, cold (its first run) and warm (its second, over the same text);`,
    `× = times slower than one plain JS pass over the decoded text`,
    `| ${"stage".padEnd(34)} | CPU s   |     MB/s |  ratio | warm MB/s |`,
    `| ${"-".repeat(34)} | ------- | -------- | ------ | --------- |`,
    row("plain pass (charCodeAt sum)", plain),
    ...stages.map((s) => row(s.name, s.seconds, s.warm)),
    row("sum of the stages", sum("seconds"), sum("warm")),
    row("extractDocument, whole", whole),
    ...(Object.entries(writing) as [Format, number][]).map(([format, seconds]) => row(`writing ${format}`, seconds))
  ].join("\n");
}

export default async function run(): Promise<void> {
  console.log(formatProfile(await profileStages(syntheticCorpus(10))));
}
