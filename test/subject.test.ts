import {test} from "node:test";
import assert from "node:assert/strict";
import {subjectOf} from "../loaders/subject.js";

function subject(sentence: string, raw: string): string | null {
  const start = sentence.indexOf(raw);
  return subjectOf(sentence, start, start + raw.length);
}

test("the phrase before a quantity names what was counted", () => {
  assert.equal(subject("截至目前庭院小道铺设126户,院墙改造22户", "126户"), "庭院小道铺设");
  assert.equal(subject("截至目前庭院小道铺设126户,院墙改造22户", "22户"), "院墙改造");
  assert.equal(subject("2019年,争取各项帮扶资金36.9万元", "36.9万元"), "帮扶资金");
  assert.equal(subject("全区孝善基金累计达92.026万元", "92.026万元"), "全区孝善基金");
});

test("a counted noun right after the quantity wins", () => {
  assert.equal(subject("带动126户贫困户增收", "126户"), "贫困户");
  assert.equal(subject("共发放83.66万元孝善基金", "83.66万元"), "孝善基金");
});

test("a count names what it counts after its unit", () => {
  const start = "在社区建设4处扶贫车间".indexOf("4处");
  assert.equal(subjectOf("在社区建设4处扶贫车间", start, start + 2, "count"), "扶贫车间");
  const at = "东城街道共有党员1064名。".indexOf("1064名");
  assert.equal(subjectOf("东城街道共有党员1064名。", at, at + 5, "persons"), "东城街道共有党员");
});

test("no subject when the sentence gives none", () => {
  assert.equal(subject("3000余亩", "3000余亩"), null);
});
