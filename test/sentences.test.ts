import {test} from "node:test";
import assert from "node:assert/strict";
import {sentenceIndex, sentences} from "../loaders/sentences.js";

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
  assert.ok(performance.now() - t0 < 2000);
});
