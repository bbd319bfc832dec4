import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {scanQuantities} from "../loaders/quantities.js";
import {isSummable} from "../loaders/summable.js";
import type {Quantity} from "../loaders/types.js";

/** The one quantity in a sentence, or a failure naming what was found. */
function only(sentence: string): Quantity {
  const found = scanQuantities(sentence);
  assert.equal(found.length, 1, `${sentence} → ${found.map((q) => q.raw).join(", ")}`);
  return found[0];
}
const none = (sentence: string) =>
  assert.deepEqual(
    scanQuantities(sentence).map((q) => q.raw),
    [],
    sentence
  );

test("庭院小道铺设126户 → 126 households, with offsets of the raw text", () => {
  const q = only("截至目前庭院小道铺设126户,院墙改造");
  assert.deepEqual(q, {
    value: 126,
    value_max: null,
    approx: false,
    raw: "126户",
    unit: "户",
    currency: null,
    kind: "households",
    per: null,
    start: 10,
    end: 14
  });
});

test("full-width and grouped digits: １２６户, 党员1,064名", () => {
  assert.equal(only("铺设１２６户").value, 126);
  assert.deepEqual([only("共有党员1,064名").value, only("共有党员1,064名").kind], [1064, "persons"]);
});

test("money in yuan: 36.9万元 → 369000 CNY, unit as written", () => {
  const q = only("争取各项帮扶资金36.9万元");
  assert.deepEqual([q.value, q.unit, q.currency, q.kind], [369000, "万元", "CNY", "money"]);
  assert.equal(only("贴补８.３６６万元").value, 83660);
  assert.deepEqual([only("投资1.7亿美元").value, only("投资1.7亿美元").currency], [170000000, "USD"]);
  assert.equal(only("价值约三百元的图书").approx, true);
});

test("余 and 多 mark approx wherever they sit and never change the value", () => {
  const a = only("全区投入70余万元");
  assert.deepEqual([a.value, a.approx, a.raw, a.unit], [700000, true, "70余万元", "万元"]);
  const b = only("该项目占地3000余亩");
  assert.deepEqual([b.value, b.approx, b.raw, b.unit], [2000000, true, "3000余亩", "亩"]);
  assert.deepEqual([only("30多家骨干企业").value, only("30多家骨干企业").approx], [30, true]);
  assert.deepEqual([only("捐赠图书一千余册").value, only("捐赠图书一千余册").kind], [1000, "count"]);
  assert.deepEqual([only("近百人参加").value, only("近百人参加").approx], [100, true]);
  assert.deepEqual([only("上千户受益").value, only("上千户受益").approx], [1000, true]);
});

test("approximating words: 约, 近, 左右, 超过, 逾, 以上", () => {
  for (const s of ["约50人", "近50人", "50人左右", "超过50人", "逾50人", "50人以上"]) {
    const q = only(s);
    assert.deepEqual([q.value, q.approx], [50, true], s);
  }
  assert.equal(only("年满60周岁以上的老人").kind, "age");
});

test("几十, 数百, 十几万 give the open interval", () => {
  assert.deepEqual([only("几十名群众").value, only("几十名群众").value_max], [10, 100]);
  assert.deepEqual([only("数百户").value, only("数百户").value_max], [100, 1000]);
  const q = only("收入十几万元");
  assert.deepEqual([q.value, q.value_max, q.approx], [100000, 200000, true]);
});

test("ranges: 七八个, 三四百, 3至5人, 3-5户, 20—30万元", () => {
  const cases: [string, number, number][] = [
    ["其中七八个都是贫困户", 7, 8],
    ["一两个村", 1, 2],
    ["两三户", 2, 3],
    ["三四百人", 300, 400],
    ["每组3至5人", 3, 5],
    ["3-5户", 3, 5],
    ["投入20—30万元", 200000, 300000]
  ];
  for (const [s, lo, hi] of cases) assert.deepEqual([only(s).value, only(s).value_max], [lo, hi], s);
});

test("rates: per day, month and year; averages over households and persons", () => {
  const day = only("俺在这里干着活,一天能挣50块钱。");
  assert.deepEqual([day.value, day.kind, day.currency, day.per], [50, "money", "CNY", "day"]);
  const month = scanQuantities("子女孝善每位老人每月100元、200元的标准");
  assert.deepEqual(
    month.map((q) => [q.value, q.per, q.per_entity]),
    [
      [100, "month", "person"],
      [200, "month", "person"]
    ]
  );
  const year = only("年接待游客量达5万余人次");
  assert.deepEqual([year.value, year.kind, year.approx, year.per], [50000, "persons", true, "year"]);
  const avg = only("户均1.5万元");
  assert.deepEqual([avg.value, avg.per_entity], [15000, "household"]);
  assert.equal(only("100元/月").per, "month");
  assert.equal(only("2019年收入3000元").per, null);
  assert.equal(only("今年接待200人").per, null);
  assert.equal(only("贫困户人均月增收800元").per, "month");
});

test("a rate said before a count passes over it to the amount shared out to each (各, 分别)", () => {
  const [count, each] = scanQuantities("每年可为12个村各增加集体收入3万元");
  assert.equal(each.per, "year");
  assert.equal(count.raw, "12个");
  // Without the distributive word the rate stays used up by the count, as before.
  assert.equal(scanQuantities("每年可为12个村增加集体收入3万元")[1].per, null);
});

test("a 每-rate earlier in the sentence governs a number in a later clause, unless it is a total", () => {
  assert.equal(only("孙秋芳每个月总会赶回老家,给父亲送去一笔200元的“孝善金”").per, "month");
  assert.equal(only("帮扶干部每月走访,累计发放慰问金5000元").per, null);
  assert.equal(only("帮扶干部每月走访。发放慰问金5000元").per, null);
});

test("units to kinds, in the contract's base units", () => {
  const kinds: [string, string, number][] = [
    ["帮扶3户", "households", 3],
    ["姐妹三人", "persons", 3],
    ["7名干部", "persons", 7],
    ["三位老师", "persons", 3],
    ["一家三口", "persons", 3],
    ["5000人次", "persons", 5000],
    ["3块钱", "money", 3],
    ["2亩", "area", 1333.3333333333],
    ["6000平方米", "area", 6000],
    ["3公顷", "area", 30000],
    ["3360斤蔬菜", "weight", 1680],
    ["20公斤", "weight", 20],
    ["5吨", "weight", 5000],
    ["46个项目", "count", 46],
    ["40家企业", "count", 40],
    ["4处大棚", "count", 4],
    ["3座桥", "count", 3],
    ["200棵树苗", "count", 200],
    ["68岁", "age", 68],
    ["10%", "percent", 10],
    ["百分之八十", "percent", 80],
    ["八成", "percent", 80],
    ["提高3个百分点", "percent", 3]
  ];
  for (const [s, kind, value] of kinds) {
    const q = only(s);
    assert.equal(q.kind, kind, s);
    assert.ok(Math.abs(q.value - value) < 1e-6, `${s} → ${q.value}`);
  }
});

test("多 after a unit is approx only when it ends the quantity: 3块多, not 3户多次", () => {
  assert.deepEqual([only("卖了3块多").approx, only("卖了3块多").raw], [true, "3块多"]);
  assert.deepEqual([only("帮扶3户多次走访").approx, only("帮扶3户多次走访").raw], [false, "3户"]);
});

test("dates, times, ordinals and editions are not quantities", () => {
  for (const s of [
    "2020年",
    "8月31日下午",
    "每天下午四点半到七点半",
    "第3期",
    "第十七届",
    "市委十三届九次全会",
    "党的二十大"
  ])
    none(s);
});

test("codes and phone numbers are not quantities", () => {
  for (const s of ["热线:0635—8512627", "刊号:(鲁)1500004号", "登记号:PDY27174137150217D2152", "5G基站"]) none(s);
});

test("slogans, set phrases, place names and words like 一行 are not quantities", () => {
  for (const s of [
    "两不愁三保障",
    "“一帮一”干部",
    "持续抓好“六净一改善”",
    "持续清除三大堆",
    "一把手",
    "贫困户“一本通”账户",
    "十八里铺镇",
    "三里庄",
    "二十里铺",
    "五台山",
    "王峰一行",
    "一起",
    "一直",
    "坚持“四个一”工作标准",
    "落实的“最后一公里”",
    "打造一个展示点",
    "一名干部"
  ])
    none(s);
});

test("the seed page's quantities are exactly these, in order, with offsets of their raw text", () => {
  const text = readFileSync(new URL("../data/000_75a53e5b155eac84.txt", import.meta.url), "utf8");
  // Every quantity of the page: the gold facts and the few the gold leaves unscored (三位, 两批, 60周岁, 10%).
  assert.deepEqual(
    scanQuantities(text).map((q) => q.raw),
    [
      "三百元",
      "三位",
      "三位",
      "两批",
      "一千余册",
      "126户",
      "22户",
      "24户",
      "5户",
      "50块钱",
      "7人",
      "36.9万元",
      "3000余亩",
      "60周岁",
      "100元",
      "200元",
      "10%",
      "570人",
      "83.66万元",
      "8.366万元",
      "92.026万元",
      "30多家",
      "三人"
    ]
  );
  for (const q of scanQuantities(text)) assert.equal(text.slice(q.start, q.end), q.raw);
});

test("hostile inputs end: a megabyte of digits, of 一二三, and floods of ranges, groups, 两, 零 and fractions", () => {
  // A guard against hangs only: growth with size is measured in bench/quantities.bench.ts (bench/hostile-numbers.ts),
  // where a shared machine's load does not make a test fail.
  const inputs = ["1".repeat(1 << 20), "一二三".repeat(1 << 18), "3至".repeat(1 << 15), "1,000,".repeat(1 << 15)];
  inputs.push("二两".repeat(1 << 15), "十" + "零".repeat(1 << 16), "一两".repeat(1 << 15), "百分之".repeat(1 << 14));
  for (const text of inputs) {
    const t = performance.now();
    scanQuantities(text);
    assert.ok(performance.now() - t < 20_000, `${text.slice(0, 6)}… took ${performance.now() - t} ms`);
  }
});

test("a total over several years is a total, not a yearly rate, and adds up", () => {
  const per = (sentence: string, raw: string) => {
    const q = scanQuantities(sentence).find((x) => x.raw === raw);
    assert.ok(q, `${raw} in ${sentence}`);
    return q;
  };
  for (const [sentence, raw] of [
    ["2016-2020年,全区产业扶贫资金投入每年增长,五年内投入5574万元,发展产业项目46个", "5574万元"],
    ["2016-2020年,全区产业扶贫资金投入每年增长,五年内投入5574万元,发展产业项目46个", "46个"],
    ["2016—2020年累计投入扶贫资金8000万元", "8000万元"],
    ["全镇每年走访贫困户,2016—2020年投入资金300万元", "300万元"],
    ["帮扶资金每年递增,近三年来投入120万元", "120万元"],
    ["每年都组织专场招聘,2018年以来帮助就业1200人", "1200人"],
    ["每年增加投入,建成扶贫车间12处", "12处"]
  ] as const) {
    const q = per(sentence, raw);
    assert.equal(q.per, null, `${raw} in ${sentence}`);
    assert.equal(isSummable(q), true, `${raw} in ${sentence}`);
  }
});

test("a rate cue governs its own figures, not a figure of another kind after them", () => {
  const at = (sentence: string, raw: string) => scanQuantities(sentence).find((x) => x.raw === raw)?.per;
  // Kept: the cue's own clause, a list of amounts it governs, and a 每 opening the sentence with no figure of its own.
  assert.equal(at("五年内每年投入100万元", "100万元"), "year");
  assert.equal(at("每位老人每月100元、200元的标准", "200元"), "month");
  assert.equal(at("孙秋芳每个月总会抽出两天赶回老家,给父亲送去一笔200元", "200元"), "month");
  assert.equal(at("年均增收2000元", "2000元"), "year");
  // Not leaked: to a figure of another kind after the cue's own, within the clause or across clauses.
  assert.equal(at("年均增收2000元、新建项目5个", "5个"), null);
  assert.equal(at("每位老人每月100元、200元的标准,由区乡财政给予10%的孝心奖补", "10%"), null);
  assert.equal(at("每年投入100万元,五年内投入500万元", "500万元"), null);
  assert.equal(at("每年投入100万元,五年内投入500万元", "100万元"), "year");
});

test("a count without a measure word, or with a general counter, takes the kind of the noun counted", () => {
  const of = (sentence: string) => scanQuantities(sentence).map((q) => [q.raw, q.kind, q.value]);
  assert.deepEqual(of("动员20万群众参与"), [["20万群众", "persons", 200000]]);
  assert.deepEqual(of("全省390多万贫困人口脱贫"), [["390多万贫困人口", "persons", 3900000]]);
  assert.deepEqual(of("全县5000多名党员参与"), [["5000多名", "persons", 5000]]);
  assert.deepEqual(of("帮扶713个贫困户"), [["713个", "households", 713]]);
  assert.deepEqual(of("上千家贫困户受益"), [["千家", "households", 1000]]);
  assert.deepEqual(of("带动200个贫困户增收"), [["200个", "households", 200]]);
  assert.deepEqual(of("她有两个孩子"), [["两个", "persons", 2]]);
  // Counters of things keep their kind; a small bare number before a noun is no count; 万元 stays money.
  assert.deepEqual(of("建设12个扶贫车间"), [["12个", "count", 12]]);
  assert.deepEqual(of("2020贫困户"), []);
  assert.deepEqual(of("20万元群众"), [["20万元", "money", 200000]]);
});

test("numerals inside words are no quantities: 珠三角, 八角楼, 五角星, 一块“难啃的骨头”, 一心一意", () => {
  for (const s of ["珠三角地区", "长三角一体化", "参观八角楼", "五角星闪耀", "啃下一块“难啃的骨头”", "一心一意谋发展"])
    none(s);
  // The same characters still count where they are numbers.
  assert.deepEqual(
    scanQuantities("每斤三角钱").map((q) => [q.raw, q.value]),
    [["三角", 0.3]]
  );
  assert.deepEqual(
    scanQuantities("开垦两块“试验田”").map((q) => [q.raw, q.kind]),
    [["两块", "count"]]
  );
});
