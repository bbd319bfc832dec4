// Figures printed in headlines are facts (issue 11, item 2), and a fact's sentence stays bounded on a page without
// stops (issue 13): composed pages through the whole of extractDocument.
import {test} from "node:test";
import assert from "node:assert/strict";
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {SENTENCE_WINDOW} from "../loaders/sentences.js";

const gazetteer = loadGazetteer();
const extract = (text: string) => extractDocument("page.txt", new TextEncoder().encode(text), gazetteer);

const page = [
  "冠县3.2万户贫困户实现稳定脱贫",
  "",
  "本报讯 截至目前,冠县3.2万户贫困户实现稳定脱贫,全县投入扶贫资金1.5亿元,建成扶贫车间86处。",
  "",
  "阳谷县新建扶贫车间12处 带动600人就业",
  "",
  "本报讯 今年以来,阳谷县新建扶贫车间12处,吸纳贫困群众就业。"
].join("\n");

test("a headline's figures are facts of their article, with the headline as sentence and offsets in it", () => {
  const {articles, facts} = extract(page);
  assert.equal(articles.length, 2);
  const titled = facts.filter((f) => f.in_title);
  assert.deepEqual(
    titled.map((f) => [f.article_id, f.raw, f.value, f.kind, f.sentence]),
    [
      [articles[0].article_id, "3.2万户", 32000, "households", articles[0].title],
      [articles[1].article_id, "12处", 12, "count", articles[1].title],
      [articles[1].article_id, "600人", 600, "persons", articles[1].title]
    ]
  );
  for (const f of titled) assert.equal(f.sentence.slice(f.start, f.end), f.raw);
  // Placed at the article's place.
  assert.equal(titled[0].county, "冠县");
  assert.equal(titled[1].county, "阳谷县");
});

test("a headline figure the body repeats is not summed twice; one the body does not state is", () => {
  const {facts} = extract(page);
  const of = (raw: string, inTitle: boolean) => facts.filter((f) => f.raw === raw && f.in_title === inTitle);
  assert.equal(of("3.2万户", true)[0].summable, false);
  assert.equal(of("3.2万户", false)[0].summable, true);
  assert.equal(of("12处", true)[0].summable, false);
  assert.equal(of("600人", true)[0].summable, true);
  const households = facts.filter((f) => f.summable && f.kind === "households").reduce((sum, f) => sum + f.value, 0);
  assert.equal(households, 32000);
});

test("fact ids stay unique when a headline offset equals a body offset, and stable from run to run", () => {
  const {facts} = extract(page);
  assert.equal(new Set(facts.map((f) => f.fact_id)).size, facts.length);
  assert.deepEqual(
    extract(page).facts.map((f) => f.fact_id),
    facts.map((f) => f.fact_id)
  );
});

test("a subtitle's figures are headline facts too", () => {
  const {articles, facts} = extract(
    [
      "莘县扶贫工作稳步推进",
      "——全县发放扶贫资金5000万元",
      "",
      "莘县讯 11月18日,莘县召开扶贫工作推进会,部署下一步工作。"
    ].join("\n")
  );
  const subtitle = articles[0].subtitle;
  if (subtitle === null) return assert.fail(`no subtitle: ${JSON.stringify(articles[0].title)}`);
  const fact = facts.find((f) => f.raw === "5000万元");
  assert.ok(fact);
  assert.equal(fact.in_title, true);
  assert.equal(fact.sentence, subtitle);
  assert.equal(fact.summable, true);
});

test("a long sentence dense with figures gives facts with bounded sentences: output proportional to input", () => {
  // Far longer than the window, with a figure every 13 characters and no stop. (Kept to 20 KB: placing each fact
  // still walks its sentence in places.ts, issue 15.)
  const page = (repeats: number) =>
    `开发区扶贫\n\n本报讯 ${"开发区为贫困户发放扶贫资金5万元,帮扶贫困户12户,".repeat(repeats)}。`;
  const sizes = [400, 800].map((repeats) => {
    const text = page(repeats);
    const {facts} = extract(text);
    assert.equal(facts.length, 2 * repeats);
    for (const f of facts) {
      assert.ok(f.sentence.length <= SENTENCE_WINDOW + 2, `${f.sentence.length}`);
      assert.equal(f.sentence_cut, true);
      assert.ok(f.sentence.includes(f.raw));
    }
    assert.ok(facts[0].sentence.endsWith("…") && !facts[0].sentence.startsWith("…"));
    assert.ok(facts[400].sentence.startsWith("…") && facts[400].sentence.endsWith("…"));
    // Subjects are still read from the window around the figure.
    assert.equal(facts[400].subject, facts[2].subject);
    return new TextEncoder().encode(JSON.stringify(facts)).length / new TextEncoder().encode(text).length;
  });
  // Output per byte of input does not grow with the sentence: the JSON of the facts is a fixed multiple of the page.
  assert.ok(sizes[1] <= sizes[0] * 1.05, `${sizes[0].toFixed(1)}× then ${sizes[1].toFixed(1)}×`);
  assert.ok(sizes[1] < 40, `${sizes[1].toFixed(1)}× the input`);
});

test("a short sentence is carried whole and not marked cut", () => {
  const {facts} = extract("开发区扶贫\n\n本报讯 开发区为贫困户发放扶贫资金5万元。");
  assert.equal(facts.length, 1);
  assert.ok(facts[0].sentence.endsWith("开发区为贫困户发放扶贫资金5万元。"));
  assert.equal(facts[0].sentence_cut, false);
});

test("a subtitle repeating its title's figure is not summed twice", () => {
  const {facts} = extract(
    [
      "冠县投入扶贫资金5000万元",
      "——全县投入扶贫资金5000万元助力脱贫",
      "",
      "冠县讯 11月18日,冠县召开扶贫工作推进会。"
    ].join("\n")
  );
  const figures = facts.filter((f) => f.raw === "5000万元");
  assert.deepEqual(
    figures.map((f) => [f.in_title, f.summable]),
    [
      [true, true],
      [true, false]
    ]
  );
});
