import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {readDocument} from "../loaders/document.js";
import {classifyTopic, isPovertyRelief, povertyReliefScore, topicScores} from "../loaders/topics.js";
import {countWords, wordCounter} from "../loaders/words.js";

/** Occurrences as repeated indexOf from the end of the last one counts them: the definition countWords keeps. */
function byIndexOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

test("one pass counts each word as indexOf would: overlapping words both count, a word never overlaps itself", () => {
  const words = ["孝善", "孝善基金", "基金", "哈哈", "扶贫", "扶贫"];
  const counts = countWords(wordCounter(words), "孝善基金哈哈哈扶贫,孝善基金发放");
  assert.deepEqual([...counts], [2, 2, 2, 1, 1, 1]);
  let seed = 1;
  const alphabet = "孝善基金哈扶贫,";
  for (let k = 0; k < 200; k++) {
    const next = () => (seed = (seed * 16807) % 2147483647) % alphabet.length;
    const text = Array.from({length: 60}, () => alphabet[next()]).join("");
    assert.deepEqual(
      [...countWords(wordCounter(words), text)],
      words.map((w) => byIndexOf(text, w)),
      text
    );
  }
});

test("topics by their words, a title's words counting double", () => {
  assert.deepEqual([...topicScores("发放孝善基金,孝心养老")], [["filial", 4]]);
  assert.equal(classifyTopic("建设扶贫车间,吸纳就业", "光伏电站发电"), "pv");
  assert.equal(classifyTopic("没有一个词"), "other");
});

const seedArticle = (name: string, title: string) => {
  const {articles} = readDocument(name, new Uint8Array(readFileSync(new URL(`../data/${name}`, import.meta.url))));
  const article = articles.find((a) => a.title === title);
  assert.ok(article, title);
  return article;
};

test("training poor women for jobs is poverty relief, though it never names the campaign: 贫困育龄妇女", () => {
  const article = seedArticle("002_72051a4ed1e9c469.txt", "莘县妹冢镇:为贫困育龄妇女提供家政培训");
  assert.deepEqual(povertyReliefScore(article.text, article.title), {title: 1, text: 2, sentences: 2, of: 2});
  assert.equal(isPovertyRelief(article.text, article.title), true);
});

test("air-pollution control that ends 坚决打赢大气污染防治攻坚战 is not poverty relief: 攻坚 names other campaigns", () => {
  const article = seedArticle("000_75a53e5b155eac84.txt", "莘县县委书记王峰就大气污染防治工作进行现场办公");
  assert.equal(isPovertyRelief(article.text, article.title), false);
  for (const [name, title] of [
    ["003_a86968a7765ce166.txt", "开发区召开党工委(扩大)会议"], // 以更大决心打好三大攻坚战
    ["003_a86968a7765ce166.txt", "全区生态环境保护工作推进会召开"] // 全力打赢污染防治攻坚战
  ]) {
    const other = seedArticle(name, title);
    assert.equal(isPovertyRelief(other.text, other.title), false, title);
  }
});

test("a mention in passing is not enough; a title, or a text that keeps returning to it, is", () => {
  const meeting = "会议强调,要统筹推进疫情防控和经济社会发展。要抓好安全生产。要做好脱贫攻坚工作。要抓好食品安全。";
  assert.equal(isPovertyRelief(meeting, "全市工作会议召开"), false, "one sentence among a meeting's business");
  assert.equal(isPovertyRelief(meeting, "全市脱贫攻坚工作会议召开"), true, "the title names it");
  const long = "会议强调,要巩固脱贫成果。" + "要抓好安全生产。".repeat(28) + "要落实帮扶责任。";
  assert.equal(isPovertyRelief(long, "全市工作会议召开"), false, "two sentences in thirty");
  assert.equal(isPovertyRelief("为10户贫困户送去米面。帮扶干部逐户走访。", ""), true);
  assert.equal(isPovertyRelief("小张贫血,住院治疗。", "好人好事"), false, "贫 alone is not poverty");
});
