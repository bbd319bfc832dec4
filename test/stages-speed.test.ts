// The per-character rewrites of the text stages (issue 12) against the regexes and calls they replaced, kept here as
// the definition: each fast path must agree with its definition on pages, on hostile strings and on random strings
// drawn from the characters that matter to it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, readdirSync} from "node:fs";
import {anyCue, cued, cueTable, mayMatch} from "../loaders/cues.js";
import {LEAD_OPENERS, NAVIGATION, SOURCE_LINES} from "../loaders/data/layout.js";
import {decode, normalise} from "../loaders/decode.js";
import {endsSentence, FURNITURE, isHeadingLike, repair} from "../loaders/repair.js";
import {closingByline, echoes, isByline, segment} from "../loaders/segment.js";
import {articleTopic, classifyTopic, isPovertyRelief} from "../loaders/topics.js";

const seeds = readdirSync(new URL("../data/", import.meta.url))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(new URL(`../data/${f}`, import.meta.url), "utf8"));

/** Random strings of up to `max` characters from `alphabet`, reproducible. */
function* randomStrings(alphabet: string, count: number, max: number): Generator<string> {
  const chars = [...alphabet];
  let seed = 12;
  const next = () => (seed = (seed * 16807) % 2147483647);
  for (let k = 0; k < count; k++) {
    const length = next() % (max + 1);
    yield Array.from({length}, () => chars[next() % chars.length]).join("");
  }
}

test("cues: a line is put only to the patterns it holds a cue of; no cues, always tried", () => {
  const table = cueTable(["讯电", "息", undefined]);
  assert.equal(cued(table, "开发区讯"), 0b101);
  assert.equal(cued(table, "央视网消息"), 0b110);
  assert.equal(cued(table, "无"), 0b100);
  assert.equal(cued(table, "新华社北京电", 0, 3), 0b100, "only the range asked about");
  assert.ok(mayMatch(0b101, 0) && !mayMatch(0b101, 1) && mayMatch(0b101, 2));
  assert.ok(anyCue(table, "a]b讯") && !anyCue(table, "abc") && !anyCue(table, "a讯", 0, 1));
  assert.ok(anyCue(cueTable(["]\\-"]), "x-y"), "class characters are escaped");
  assert.throws(() => cueTable(Array.from({length: 33}, () => "a")), /at most 32/);
});

test("cues: every example of a cued pattern matches it and holds one of its cues", () => {
  for (const {pattern, example, cues} of [...NAVIGATION, ...SOURCE_LINES, ...LEAD_OPENERS]) {
    assert.ok(pattern.test(example), `${pattern} matches ${example}`);
    assert.ok(cues === undefined || [...cues].some((c) => example.includes(c)), `${example} holds one of ${cues}`);
  }
  // Furniture as the seeds print it is still dropped, for the reason its pattern gives.
  const dropped = seeds.flatMap((page) => repair(page).dropped.map((d) => d.reason));
  for (const reason of ["masthead", "editorial credits"]) assert.ok(dropped.includes(reason), reason);
  for (const {pattern, cues} of FURNITURE) {
    for (const line of [
      "主办：聊城市委",
      "第3版",
      "A3版",
      "责任编辑：王珊",
      "2020年8月31日 星期一",
      "张三 摄",
      "准印证"
    ]) {
      if (pattern.test(line)) assert.ok(cues === undefined || [...cues].some((c) => line.includes(c)), `${line}`);
    }
  }
});

test("repair: a line's end, its heading shape and its stem read by code unit as the regexes they replaced", () => {
  const ENDS_SENTENCE = /([。！？!?…；;]|——)[”’"'」』)）》]*$|(^|[。！？!?”’…])\s*[(（][^()（）]{1,40}[)）]$/;
  const headingLike = (line: string) =>
    line.length <= 45 &&
    !/[。；;]/.test(line) &&
    !/[,，、:：…]$/.test(line) &&
    !/[的和在把被将从于而或但也又更给跟每这那该]$/.test(line) &&
    (line.match(/[,，]/g)?.length ?? 0) < 3;
  const alphabet = "。！？!?…；;—”’\"'」』)）》(（ \u3000\t王珊a1，,、:：的";
  for (const line of [...randomStrings(alphabet + "王王王王", 40_000, 60), "（王珊）", "好。（完）", "文——", ""]) {
    assert.equal(endsSentence(line), ENDS_SENTENCE.test(line), JSON.stringify(line));
    assert.equal(isHeadingLike(line), headingLike(line), JSON.stringify(line));
  }
  // A photo caption that repeats a headline, stops and dashes aside, is dropped as the caption it is.
  const {dropped} = repair("——产业兴起来\n正文在这里，说了很多话。\n产业兴起来。 \n后文。");
  assert.deepEqual(
    dropped.map((d) => d.reason),
    ["photo caption"]
  );
});

test("segment: closing bylines and echoed headlines as the regex and pair sets defined them", () => {
  const CLOSING = /(^|[。！？!?”’…」）)])\s*[(（]([^()（）]{2,40})[)）]\s*$/;
  const byRegex = (paragraph: string) => {
    const tail = paragraph.slice(-60);
    const m = CLOSING.exec(tail);
    if (!m || !isByline(m[2])) return null;
    const start = paragraph.length - tail.length + m.index + m[1].length;
    return {body: paragraph.slice(0, start).trimEnd(), byline: m[2].trim()};
  };
  for (const p of randomStrings("。！？!?…”’」）)(（ \u3000王珊李张记者通讯员，、a", 30_000, 90)) {
    assert.deepEqual(closingByline(p), byRegex(p), JSON.stringify(p));
  }
  const pairs = (s: string) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++)
      if (/^[\u4e00-\u9fff]{2}$/.test(s.slice(i, i + 2))) out.add(s.slice(i, i + 2));
    return out;
  };
  const bySets = (heading: string, body: string) => {
    const wanted = pairs(heading);
    const lead = pairs(body.slice(0, 120));
    const found = [...wanted].filter((p) => lead.has(p)).length;
    return wanted.size >= 3 && found >= 2 && found >= wanted.size * 0.4;
  };
  assert.ok(echoes("习近平会见南非总统", "国家主席习近平18日在人民大会堂会见南非总统拉马福萨。"));
  assert.ok(!echoes("春之声", "春天来了,村里的合作社开始育苗。"));
  const texts = [...randomStrings("习近平会见南非总统国家主席在人民大会堂春之声", 5000, 130)];
  for (let k = 0; k + 1 < texts.length; k++) {
    const heading = texts[k].slice(0, k % 7 === 0 ? 80 : 20);
    assert.equal(echoes(heading, texts[k + 1]), bySets(heading, texts[k + 1]), `${heading} / ${texts[k + 1]}`);
    assert.equal(echoes(heading, heading + texts[k + 1]), bySets(heading, heading + texts[k + 1]), heading);
  }
});

test("topics: one pass gives an article's topic and poverty-relief flag as the two counts did", () => {
  const articles = seeds.flatMap((page) => segment(repair(page).paragraphs));
  assert.ok(articles.length > 20);
  for (const {text, title} of articles) {
    const expected = {topic: classifyTopic(text, title), povertyRelief: isPovertyRelief(text, title)};
    assert.deepEqual(articleTopic(text, title), expected, title);
  }
  // 低保 is a topic word (social_security) and evidence (weight 1) at once: both count.
  assert.deepEqual(articleTopic("为贫困户办理低保。落实低保政策。发放低保金。", ""), {
    topic: "social_security",
    povertyRelief: true
  });
});

test("decode: UTF-8 by isUtf8 and transcode reads as the strict TextDecoder did", () => {
  const strict = new TextDecoder("utf-8", {fatal: true});
  const cases = [
    "聊城扶贫",
    "\ufeff带BOM的页面\n第二行",
    "\ufeff\ufeff两个BOM",
    "astral 𠀀𪚥 😀 and ASCII",
    "控制字符\r\n换行\u2028分隔\u00a0空格\u200b零宽\t制表"
  ];
  for (const s of cases) {
    const bytes = new TextEncoder().encode(s);
    assert.deepEqual(decode(bytes), {
      text: normalise(strict.decode(bytes)),
      encoding: s.startsWith("\ufeff") ? "utf-8-bom" : "utf-8",
      html: false,
      published: null,
      repairs: 0
    });
  }
  // A page cut inside its last character keeps the text before the cut, as before.
  const cut = new TextEncoder().encode("聊城扶贫").subarray(0, 11);
  assert.deepEqual(decode(cut), {text: "聊城扶\ufffd", encoding: "utf-8", html: false, published: null, repairs: 1});
});
