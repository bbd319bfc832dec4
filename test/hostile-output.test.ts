// Output stays proportional to input (issue 13: ≤ 20× for text of ordinary density): a fact carries its whole
// sentence only while the sentence is short and holds few figures; else its own stretch of it, marked as cut.
import {test} from "node:test";
import assert from "node:assert/strict";
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {encodeRows, TABLES, type Staging} from "../loaders/run/write.js";
import {assembleTables} from "../loaders/run/tables.js";
import {figureWindows, SENTENCE_WINDOW, SHARED_FIGURES} from "../loaders/sentences.js";

const gazetteer = loadGazetteer();
const extract = (text: string) => extractDocument("page.txt", new TextEncoder().encode(text), gazetteer);
const sentenceChars = (text: string) => extract(text).facts.reduce((n, fact) => n + fact.sentence.length, 0);

test("a sentence dense with figures and no stop: each fact carries its own stretch, the whole at most twice", () => {
  const text = "每年共投入5万元帮扶3户".repeat(5000);
  const {facts} = extract(text);
  assert.equal(facts.length, 10_000);
  assert.ok(facts.every((fact) => fact.sentence_cut));
  assert.ok(sentenceChars(text) <= 2.1 * text.length, `${sentenceChars(text)} for ${text.length}`);
  assert.equal(facts[3].sentence, "…帮扶3户每年共投入…");
  assert.equal(facts[2].subject, facts[0].subject, "the subject is read from the stretch as from the sentence");
});

test("a short sentence with many figures is cut too; one with SHARED_FIGURES or fewer is carried whole", () => {
  const dense = ("1户".repeat(100) + "。\n").repeat(50);
  assert.ok(sentenceChars(dense) <= 3 * dense.length, `${sentenceChars(dense)} for ${dense.length}`);
  // Clauses part the figures: each fact keeps its own clause.
  const clauses = extract("共投入资金5万元，帮扶贫困户3户，".repeat(10) + "。").facts;
  assert.deepEqual(
    clauses.slice(2, 4).map((fact) => fact.sentence),
    ["…共投入资金5万元，…", "…帮扶贫困户3户，…"]
  );
  const few = "全镇共有贫困户312户、贫困人口768人，其中已脱贫298户、720人，新增就业岗位40个。";
  const {facts} = extract(few);
  assert.ok(facts.length > 1 && facts.length <= SHARED_FIGURES);
  assert.ok(facts.every((fact) => fact.sentence === few && !fact.sentence_cut));
});

test("figureWindows: stretches end at the neighbouring figures, capped to the window, marked where cut", () => {
  const text = "甲".repeat(400) + "3户" + "乙".repeat(10) + "4户" + "丙".repeat(400);
  const a = text.indexOf("3户");
  const b = text.indexOf("4户");
  const sentence = {start: 0, end: text.length};
  const windows = figureWindows(
    text,
    [
      {start: a, end: a + 2},
      {start: b, end: b + 2}
    ],
    () => sentence
  );
  assert.deepEqual(
    windows.map((w) => [w.end - w.start, w.text.slice(-4), w.cut]),
    [
      [SENTENCE_WINDOW, "乙乙乙…", true],
      [SENTENCE_WINDOW, "丙丙丙…", true]
    ]
  );
  assert.equal(windows[0].end, b, "the first stops where the second figure starts");
  assert.equal(windows[1].start, a + 2, "the second starts where the first figure ends");
  assert.equal(windows[1].offset, a + 2 - 1, "offset allows for the leading mark");
});

/** Bytes of the four tables of one document in a staging format, over its bytes. */
function outputRatio(text: string, staging: Staging): number {
  const bytes = new TextEncoder().encode(text);
  const tables = assembleTables([extractDocument("page.txt", bytes, gazetteer)]) as unknown as Record<string, object[]>;
  let out = 0;
  for (const table of TABLES) for (const piece of encodeRows(table, staging, tables[table])) out += piece.length;
  return out / bytes.length;
}

test("output is within 20× input in JSON and CSV for text with a figure every dozen characters", () => {
  // Denser than that, a fact row's fixed part (about 500 bytes of JSON, 180 of CSV, without its sentence) is itself
  // more than 20× the bytes of its figure: `1户1户…` is 120× in JSON, and only dropping facts would lower it.
  const pages = [
    "全村每年共投入帮扶资金5万元，带动贫困户3户，".repeat(2000),
    "张秋镇马庙村贫困户家庭收入增加3000元,种植面积扩大到5亩,养殖规模达到20头——\n".repeat(500)
  ];
  for (const page of pages)
    for (const staging of ["json", "csv"] as const) {
      const ratio = outputRatio(page, staging);
      assert.ok(ratio <= 20, `${page.slice(0, 8)}… in ${staging}: ${ratio.toFixed(1)}×`);
    }
});
