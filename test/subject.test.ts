import {test} from "node:test";
import assert from "node:assert/strict";
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
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

test("a subject is words only: no %, > or < that a page's markup or arithmetic leaves beside the quantity", () => {
  assert.equal(subject("产业项目>12个", "12个"), "产业项目");
  assert.equal(subject("更多>>募集资金50万元", "50万元"), "资金");
  assert.equal(subject("<b>扶贫资金</b>36.9万元", "36.9万元"), null);
  assert.equal(subject("为贫困户<img src=x>发放扶贫资金36.9万元", "36.9万元"), "扶贫资金");
  assert.equal(subject("按标准奖励他们所出资金的80%或100%。", "100%"), null);
});

test("an HTML page's facts carry no markup in their subjects", () => {
  const html = `<html><body><h1>开发区扶贫</h1>
<p>开发区东城街道为贫困户发放<span class="x">扶贫资金</span>36.9万元,帮扶<b>贫困户</b>126户。</p>
<p><a href="/more">更多&gt;&gt;</a>投入资金70万元,其中产业项目</ p>12个。</p></body></html>`;
  const {facts} = extractDocument("page.html", new TextEncoder().encode(html), loadGazetteer());
  assert.deepEqual(
    facts.map((f) => [f.raw, f.subject]),
    [
      ["36.9万元", "街道为贫困户发放扶贫资金"],
      ["126户", "帮扶贫困户"],
      ["70万元", "资金"],
      ["12个", "产业项目"]
    ]
  );
  // The sentence keeps what the page prints (更多&gt;&gt; is text); the end tag written </ p> is markup, dropped.
  assert.equal(facts[2].sentence, "更多>>投入资金70万元,其中产业项目12个。");
});
