// Issues 13 and 15, at sizes where each path before its fix took minutes: a bound of 20 s fails without the fix (each
// timing below is of that code, in CPU seconds) and holds with it (each input now takes under 2 s). These guard
// against hangs; how time grows is measured in the benches (bench/fuzz.bench.ts, bench/quantities.bench.ts), where a
// shared machine's load cannot fail a test.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {placeForSpan, resolveArticlePlace} from "../loaders/places/index.js";
import {scanQuantities} from "../loaders/quantities.js";
import {repair} from "../loaders/repair.js";

const BOUND_MS = 20_000;
const gazetteer = loadGazetteer();

function within<T>(label: string, f: () => T): T {
  const started = performance.now();
  const result = f();
  const ms = performance.now() - started;
  assert.ok(ms < BOUND_MS, `${label} took ${ms.toFixed(0)} ms`);
  return result;
}

test("numeral floods end: 二两, 一两, 三两, 十 then 零, 百分之 (the reader re-scanned the run at each position)", () => {
  // Before 143a9f7 a quarter of each took 7–9 s, so each of these about 2 minutes.
  const inputs = {
    二两: "二两".repeat(1 << 17),
    一两: "一两".repeat(1 << 17),
    三两: "三两".repeat(1 << 17),
    十零: "十" + "零".repeat(1 << 18),
    百分之: "百分之".repeat(1 << 16)
  };
  for (const [name, text] of Object.entries(inputs)) within(name, () => scanQuantities(text));
});

test("a page jump left open before a flood of spaces is text, found in linear time (\\s*第?\\s* backtracked)", () => {
  // Before 704f970: 50k spaces took 3.1 s, growing with the square, so 400k about 200 s.
  const {paragraphs} = within("page jump", () => repair(`测试(转${" ".repeat(400_000)}测试。\n测试(转第3版)。`));
  assert.ok(paragraphs[0].text.startsWith("测试(转"), "the open jump stays text");
  assert.equal(paragraphs.at(-1)!.text, "测试。", "the closed jump is gone");
});

/** How many figures (runs of digits) of `text` get a place, asked in order as the engine asks. */
function placedFigures(title: string, text: string): number {
  const article = resolveArticlePlace(title, text, gazetteer);
  let placed = 0;
  for (const match of text.matchAll(/[0-9]+/g))
    if (placeForSpan(text, match.index, match.index + match[0].length, article)) placed++;
  return placed;
}

test("focus walks are linear: 8,000 lines of figures in one paragraph; 240k sentences naming the county", () => {
  // Before 2a4a438: 2,000 such lines took 15 s and 60k such sentences 10 s, each growing with the square.
  const line = "张秋镇马庙村贫困户家庭收入增加3000元,种植面积扩大到5亩,养殖规模达到20头——\n";
  const lines = "阳谷县张秋镇扶贫工作简报。\n" + line.repeat(8000);
  assert.equal(
    within("lines", () => placedFigures("阳谷县张秋镇扶贫工作简报", lines)),
    24_000
  );
  assert.equal(
    within("sentences", () => placedFigures("", "阳谷县3户。".repeat(240_000))),
    240_000
  );
});

test("an HTML page flooded with numeric entities for numerals is read in linear time", () => {
  const page = "<p>" + "&#x4e8c;&#x4e24;".repeat(100_000) + "</p>";
  const result = within("entities", () => extractDocument("page.html", new TextEncoder().encode(page), gazetteer));
  assert.equal(result.document.status, "ok");
});

test("a UTF-8 page with a few stray NUL bytes is kept, read as without them (a fault in part of a page)", () => {
  const page = readFileSync(new URL("../data/000_75a53e5b155eac84.txt", import.meta.url));
  const damaged: number[] = [];
  // A NUL after every 1,000th byte that starts a character: under decode's 1% share for control characters.
  page.forEach((byte, i) => {
    if (i % 1000 === 0 && (byte & 0xc0) !== 0x80) damaged.push(0);
    damaged.push(byte);
  });
  const clean = extractDocument("page.txt", page, gazetteer);
  const read = extractDocument("page.txt", Uint8Array.from(damaged), gazetteer);
  assert.equal(read.document.status, "ok", read.document.reason ?? "");
  assert.deepEqual(read.facts, clean.facts);
  // Binary data is still binary: NULs beyond that share are no stray faults.
  const binary = extractDocument("page.txt", Uint8Array.from([0x61, 0, 0, 0, 1, 2, 0x62, 0x63, 0, 0x64]), gazetteer);
  assert.match(binary.document.reason ?? "", /^binary/);
});
