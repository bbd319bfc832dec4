import {test} from "node:test";
import assert from "node:assert/strict";
import {parseNumeral, scanNumbers} from "../loaders/numerals/index.js";

test("Arabic, full-width, grouped and decimal numerals", () => {
  assert.equal(parseNumeral("126"), 126);
  assert.equal(parseNumeral("１２６"), 126);
  assert.equal(parseNumeral("1,064"), 1064);
  assert.equal(parseNumeral("83.66"), 83.66);
  assert.equal(parseNumeral("８.３６６"), 8.366);
});

test("Chinese numerals of every form", () => {
  assert.equal(parseNumeral("三百"), 300);
  assert.equal(parseNumeral("一千二百三十四"), 1234);
  assert.equal(parseNumeral("两万"), 20000);
  assert.equal(parseNumeral("十四"), 14);
  assert.equal(parseNumeral("廿"), 20);
  assert.equal(parseNumeral("廿二"), 22);
  assert.equal(parseNumeral("〇"), 0);
  assert.equal(parseNumeral("零"), 0);
  assert.equal(parseNumeral("壹拾贰"), 12);
  assert.equal(parseNumeral("一千零一"), 1001);
  assert.equal(parseNumeral("四亿五千六百四十二万零一十五"), 456420015);
  assert.equal(parseNumeral("四万万"), 400000000);
  assert.equal(parseNumeral("二〇二〇"), 2020);
  assert.equal(parseNumeral("十五点七"), 15.7);
});

test("colloquial endings count in the next place down", () => {
  assert.equal(parseNumeral("一万三"), 13000);
  assert.equal(parseNumeral("两千四百五"), 2450);
  assert.equal(parseNumeral("一百二"), 120);
  assert.equal(parseNumeral("一万零三"), 10003);
});

test("mixed Arabic and Chinese, with 万 and 亿 applied once", () => {
  assert.equal(parseNumeral("3.5万"), 35000);
  assert.equal(parseNumeral("1.2亿"), 120000000);
  assert.equal(parseNumeral("2千"), 2000);
  assert.equal(parseNumeral("5万余"), 50000);
  assert.equal(parseNumeral("83.66万"), 836600);
  assert.equal(parseNumeral("4.78万亿"), 4780000000000);
  assert.equal(parseNumeral("3万4000"), 34000);
  assert.equal(parseNumeral("一点五万"), 15000);
});

test("amounts written as on a cheque", () => {
  assert.equal(parseNumeral("玖仟陆佰陆拾伍圆壹角捌分"), 9665.18);
  assert.equal(parseNumeral("壹拾壹元整"), 11);
});

test("what is not one numeral is null", () => {
  for (const s of ["", "万", "负", "零点", "点零", "元整", "10.1万零100", "三个"])
    assert.equal(parseNumeral(s), null, s);
});

test("几 and 数 give an open interval, adjacent digits a pair", () => {
  const [few] = scanNumbers("十几万");
  assert.deepEqual([few.value, few.valueMax, few.approx], [100000, 200000, true]);
  const [tens] = scanNumbers("数十名");
  assert.deepEqual([tens.value, tens.valueMax], [10, 100]);
  const [pair] = scanNumbers("三四百");
  assert.deepEqual([pair.value, pair.valueMax, pair.pair], [300, 400, true]);
});

test("words that hold numerals are not numbers: 一切, 一起, 四川, 统一, 入伍, 陆地", () => {
  for (const s of ["一切正常", "一起去", "四川", "全国统一", "入伍", "登陆部队", "十分重要"])
    assert.deepEqual(scanNumbers(s), [], s);
});

test("percentages and ordinals in running text", () => {
  const found = scanNumbers("第三季度增长百分之八十，八成贫困户，10%").map((m) => [m.type, m.value]);
  assert.deepEqual(found, [
    ["ordinal", 3],
    ["percent", 80],
    ["percent", 80],
    ["percent", 10]
  ]);
});

test("a time of day is not a decimal: 四点半, 三点二十", () => {
  assert.deepEqual(
    scanNumbers("下午四点半").map((m) => m.value),
    [4]
  );
  assert.deepEqual(
    scanNumbers("三点二十分").map((m) => m.value),
    [3, 20]
  );
});
