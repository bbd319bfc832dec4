// The units a quantity may carry, as data: what each measures (the contract's `kind`), the factor to the contract's
// base unit, and the currency for money. Sources: 《中华人民共和国法定计量单位》 and the 市制 conversions it keeps
// (1 亩 = 10000/15 m², 1 斤 = 0.5 kg, 1 两 = 50 g); ISO 4217 for currencies. Lengths, power and volume have no column
// of their own in the contract: they are `other`, in metres, watts and cubic metres.
// Words a unit's characters begin (名单, 元旦) and the readings that depend on the next character (一块地, 两口井) are
// columns of the same table, so that quantities.ts applies one rule to every unit.
import {codeAt} from "./chars.js";
import {NOT_TENTHS_AFTER} from "./data/numerals.js";
import type {Kind} from "./types.js";

export interface Unit {
  unit: string;
  kind: Kind;
  /** Multiply the number as written by this to get the contract's base unit. */
  factor: number;
  currency: string | null;
  /** Characters right after the unit that make it part of another word (`名单`, `位于`, `元旦`): not this unit. */
  notBefore: string;
  /** The unit counts things instead when followed by one of `chars`, or by any Han character but those of `except`
   * when `han` is set: `一块地`, `两块“试验田”`, `两口井` (but `3块多`, `两块钱`). */
  countBefore: {han: boolean; chars: string; except: string} | null;
  /** Read only after a plain number and never before a Han character: 两 the weight (`三两`), not 两 the numeral
   * (`一两个`, `七八两`, `二两酒` … are left alone). */
  plainOnly: boolean;
  /** The largest number the unit is read with: 成 counts tenths (up to 十成), 角 dimes (10 角 are 1 元). */
  maxValue: number;
}

/** Square metres in one 亩 (市制: 1 亩 = 60 平方丈 = 10000/15 m²). */
export const MU_SQUARE_METRES = 10000 / 15;
const MU = MU_SQUARE_METRES;

export const UNIT_TABLE: [unit: string, kind: Kind, factor: number, currency?: string][] = [
  ["户", "households", 1],
  ["户次", "households", 1],
  ["人", "persons", 1],
  ["名", "persons", 1],
  ["位", "persons", 1],
  ["口", "persons", 1],
  ["人次", "persons", 1],
  ["元", "money", 1, "CNY"],
  ["圆", "money", 1, "CNY"],
  ["块钱", "money", 1, "CNY"],
  ["块", "money", 1, "CNY"],
  ["角", "money", 0.1, "CNY"],
  ["毛钱", "money", 0.1, "CNY"],
  ["人民币", "money", 1, "CNY"],
  ["美元", "money", 1, "USD"],
  ["美金", "money", 1, "USD"],
  ["美圆", "money", 1, "USD"],
  ["欧元", "money", 1, "EUR"],
  ["日元", "money", 1, "JPY"],
  ["港元", "money", 1, "HKD"],
  ["港币", "money", 1, "HKD"],
  ["英镑", "money", 1, "GBP"],
  ["台币", "money", 1, "TWD"],
  ["新台币", "money", 1, "TWD"],
  ["韩元", "money", 1, "KRW"],
  ["卢布", "money", 1, "RUB"],
  ["瑞士法郎", "money", 1, "CHF"],
  ["奈拉", "money", 1, "NGN"],
  ["亩", "area", MU],
  ["平方米", "area", 1],
  ["平米", "area", 1],
  ["平方", "area", 1],
  ["㎡", "area", 1],
  ["m²", "area", 1],
  ["公顷", "area", 10000],
  ["平方公里", "area", 1e6],
  ["平方千米", "area", 1e6],
  ["斤", "weight", 0.5],
  ["公斤", "weight", 1],
  ["千克", "weight", 1],
  ["kg", "weight", 1],
  ["KG", "weight", 1],
  ["克", "weight", 0.001],
  ["毫克", "weight", 1e-6],
  ["微克", "weight", 1e-9],
  ["吨", "weight", 1000],
  ["两", "weight", 0.05],
  ["岁", "age", 1],
  ["周岁", "age", 1],
  ["个月大", "age", 1 / 12],
  ["周大", "age", 7 / 365],
  ["天大", "age", 1 / 365],
  ["%", "percent", 1],
  ["％", "percent", 1],
  ["‰", "percent", 0.1],
  ["个百分点", "percent", 1],
  ["成", "percent", 10],
  ["公里", "other", 1000],
  ["千米", "other", 1000],
  ["km", "other", 1000],
  ["米", "other", 1],
  ["延米", "other", 1],
  ["厘米", "other", 0.01],
  ["公分", "other", 0.01],
  ["立方米", "other", 1],
  ["瓦", "other", 1],
  ["千瓦", "other", 1e3],
  ["兆瓦", "other", 1e6],
  ["kW", "other", 1e3],
  ["MW", "other", 1e6]
];

// Counters (量词) that count things. 期, 届, 级, 号, 节 and 轮 are left out: after a numeral they are nearly always
// ordinals or names (二期工程, 十三届, 三八节, 三轮车).
const counters = "个家处项座栋幢台册份批辆棵株只头匹条张间套所支场次篇本件眼盏部架艘根袋箱桶盒颗种趟遍";
for (const c of counters) if (!UNIT_TABLE.some(([u]) => u === c)) UNIT_TABLE.push([c, "count", 1]);

/** Words that begin with a unit's characters but are not that unit (`名单`, `位于`, `元旦`). */
export const NOT_BEFORE: Readonly<Record<string, string>> = {
  名: "单称片义誉字牌次额",
  位: "数置于列居",
  人: "民大均工为心士",
  户: "籍口外型主",
  家: "庭长人属里中门乡务禽具电园风访",
  处: "理置于长罚分",
  台: "账阶上下湾前",
  元: "旦宵素月化首",
  块: "儿",
  支: "持付出部撑柱",
  所: "以有在得属谓",
  部: "门署分长",
  条: "件款例",
  场: "地所景面合",
  头: "脑",
  份: "额",
  只: "有是要能见",
  种: "植养子粮地",
  座: "谈",
  批: "准示复评",
  成: NOT_TENTHS_AFTER,
  岁: "月",
  口: "号",
  本: "地村市县镇",
  次: "日",
  套: "餐",
  两: "个位人名户次种天年"
};

/** Readings that depend on the next character: 块 is money (`三块`, `3块多`) but counts before a noun or a quoted
 * one (`一块地`, `一块“难啃的骨头”`); 口 counts persons (`三口人`) but wells and ponds before 井, 塘 …. */
const COUNT_BEFORE: Readonly<Record<string, Unit["countBefore"]>> = {
  块: {han: true, chars: '“「『"', except: "多余左一"},
  口: {han: false, chars: "井塘池锅缸窑", except: ""}
};
const PLAIN_ONLY = new Set(["两"]);
const MAX_VALUE: Readonly<Record<string, number>> = {成: 10, 角: 9.99};

export const UNITS: ReadonlyMap<string, Unit> = new Map(
  UNIT_TABLE.map(([unit, kind, factor, currency]) => [
    unit,
    {
      unit,
      kind,
      factor,
      currency: currency ?? null,
      notBefore: NOT_BEFORE[unit] ?? "",
      countBefore: COUNT_BEFORE[unit] ?? null,
      plainOnly: PLAIN_ONLY.has(unit),
      maxValue: MAX_VALUE[unit] ?? Infinity
    }
  ])
);

/** Units by first code unit, longest first, so a lookup tries `平方公里` before `平方`; most characters after a number
 * begin no unit, and a table read says so. */
const firstGroup = new Uint8Array(0x10000);
const byFirst: Unit[][] = [[]];
for (const u of UNITS.values()) {
  const unit = u.unit.charCodeAt(0);
  if (!firstGroup[unit]) firstGroup[unit] = byFirst.push([]) - 1;
  const list = byFirst[firstGroup[unit]];
  list.push(u);
  list.sort((a, b) => b.unit.length - a.unit.length);
}

/** The longest unit written at `at`, if any. */
export function unitAt(text: string, at: number): Unit | null {
  const group = at >= 0 ? firstGroup[codeAt(text, at)] : 0;
  if (!group) return null;
  for (const u of byFirst[group]) if (text.startsWith(u.unit, at)) return u;
  return null;
}
