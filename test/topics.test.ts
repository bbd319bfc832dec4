import {test} from "node:test";
import assert from "node:assert/strict";
import {classifyTopic, topicScores} from "../loaders/topics.js";
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
    const text = Array.from({length: 60}, () => alphabet[(seed = (seed * 16807) % 2147483647) % alphabet.length]).join("");
    assert.deepEqual([...countWords(wordCounter(words), text)], words.map((w) => byIndexOf(text, w)), text);
  }
});

test("topics by their words, a title's words counting double", () => {
  assert.deepEqual([...topicScores("发放孝善基金,孝心养老")], [["filial", 4]]);
  assert.equal(classifyTopic("建设扶贫车间,吸纳就业", "光伏电站发电"), "pv");
  assert.equal(classifyTopic("没有一个词"), "other");
});
