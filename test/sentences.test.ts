import {test} from "node:test";
import assert from "node:assert/strict";
import {SENTENCE_WINDOW, sentenceIndex, sentences, sentenceWindow} from "../loaders/sentences.js";

const text = "2019年,争取各项帮扶资金36.9万元。“户均增收1.5万元！”他说\n截至目前庭院小道铺设126户;院墙改造22户";

test("sentences end at 。！？； and line breaks, keeping a closing quote", () => {
  assert.deepEqual(
    sentences(text).map(({start, end}) => text.slice(start, end)),
    ["2019年,争取各项帮扶资金36.9万元。", "“户均增收1.5万元！”", "他说", "截至目前庭院小道铺设126户;", "院墙改造22户"]
  );
});

test("each quantity finds its sentence", () => {
  const sentenceOf = sentenceIndex(sentences(text));
  const at = (s: string) => text.indexOf(s);
  const around = (s: string) => {
    const {start, end} = sentenceOf(at(s));
    return text.slice(start, end);
  };
  assert.equal(around("36.9万元"), "2019年,争取各项帮扶资金36.9万元。");
  assert.equal(around("126户"), "截至目前庭院小道铺设126户;");
  assert.equal(around("22户"), "院墙改造22户");
});

test("a megabyte without punctuation is one sentence, found in linear time", () => {
  const long = "扶贫".repeat(500_000);
  const t0 = performance.now();
  assert.equal(sentences(long).length, 1);
  assert.ok(performance.now() - t0 < 20_000);
});

test("a sentence longer than the window is cut around the figure and marked; a short one is whole", () => {
  const text = "甲".repeat(1000) + "投入资金5万元" + "乙".repeat(1000);
  const span = {start: 0, end: text.length};
  const at = text.indexOf("5万元");
  const w = sentenceWindow(text, span, at, at + 3);
  assert.equal(w.cut, true);
  assert.equal(w.end - w.start, SENTENCE_WINDOW);
  assert.ok(w.start < at && w.end > at + 3);
  assert.equal(w.text, `…${text.slice(w.start, w.end)}…`);
  // At an edge, the window keeps its size on the other side.
  const head = sentenceWindow(text, span, 2, 3);
  assert.deepEqual(
    [head.start, head.end, head.text.startsWith("…"), head.text.endsWith("…")],
    [0, SENTENCE_WINDOW, false, true]
  );
  const short = sentenceWindow("投入资金5万元。", {start: 0, end: 8}, 4, 7);
  assert.deepEqual(short, {
    start: 0,
    end: 8,
    text: "投入资金5万元。",
    cut: false,
    offset: 0,
    sentence: {start: 0, end: 8}
  });
  // A surrogate pair is never split.
  const rare = "𠀀".repeat(400);
  const cut = sentenceWindow(rare, {start: 0, end: rare.length}, 401, 402);
  assert.ok(!/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(cut.text.replace(/…/g, "")));
});
