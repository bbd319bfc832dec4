// Words that make a quantity a rate (per day, month, year), an average (per household, per person) or a total.
// Compiled from the seed pages' phrasing and the standard wording of poverty-relief reports (《扶贫开发建档立卡工作
// 方案》's 人均纯收入, 户均; 统计公报's 年均, 累计); each entry is there because a composed or seed sentence needs it
// (test/quantities.test.ts). Read by loaders/quantities.ts.
import type {Per} from "../types.js";

/** Cues before a number that make it a rate: 每天, 一天能挣50块钱, 年接待5万余人次. */
export const PER_CUES: readonly [cue: string, per: Exclude<Per, null>][] = [
  ["每天", "day"],
  ["每日", "day"],
  ["一天", "day"],
  ["日均", "day"],
  ["天均", "day"],
  ["日工资", "day"],
  ["日薪", "day"],
  ["每月", "month"],
  ["每个月", "month"],
  ["一个月", "month"],
  ["月均", "month"],
  ["按月", "month"],
  ["月收入", "month"],
  ["月工资", "month"],
  ["月薪", "month"],
  ["月增收", "month"],
  ["每年", "year"],
  ["一年", "year"],
  ["年均", "year"],
  ["年接待", "year"],
  ["年收入", "year"],
  ["年纯收入", "year"],
  ["年人均", "year"],
  ["年产", "year"],
  ["年销售", "year"],
  ["年出栏", "year"],
  ["年增收", "year"],
  ["年营业", "year"],
  ["年营收", "year"],
  ["年创收", "year"],
  ["年发电", "year"],
  ["年分红", "year"],
  ["年租金", "year"],
  ["年利润", "year"],
  ["年可", "year"],
  ["年实现", "year"],
  ["年带动", "year"]
];

/** Before a cue's 年/月/日/天, these make it a date or a span, not a rate: 2019年收入, 今年接待, 第一天. */
export const NOT_RATE_BEFORE =
  "0123456789０１２３４５６７８９〇零一二三四五六七八九十今去明前后当同上本该翌近第这那全半";
/** After 一年/一天/一个月, these make it a span: 一年来, 一年多, 一天后. */
export const NOT_RATE_AFTER = "来多后前内以半中里的";

/** Cues of an average over households or persons: 户均1.5万元, 每人每月100元. */
export const PER_ENTITY_CUES: readonly [cue: string, who: "household" | "person"][] = [
  ["户均", "household"],
  ["每户", "household"],
  ["每家", "household"],
  ["人均", "person"],
  ["每人", "person"],
  ["每位", "person"],
  ["每名", "person"],
  ["每个人", "person"]
];

/** Words in a number's clause that make it a total, not a rate: 每月走访,累计发放5万元. Found anywhere in the clause,
 * so 共 stands for 共计 and 一共, 总 for 总计. */
export const TOTAL_WORDS: readonly string[] = ["累计", "合计", "共", "总"];

/** Words that state a span of several periods: a 每年 said before them does not make the figures after them yearly
 * (`资金投入每年增长,五年内投入5574万元`, `近三年来`, `2016年以来`, `“十三五”期间`). */
export const SPAN_WORDS: readonly string[] = [
  "年内",
  "年来",
  "以来",
  "期间",
  "至今",
  "先后",
  "累计",
  "共计",
  "总计",
  "合计"
];

/** Verbs of change: a 每年 right before one says how something grows (`每年增长`), and is not the rate of a figure
 * in a later clause. */
/** Words after a count that share something out to each of the counted (`为28个贫困村各增加5万元`): a rate said before
 * the count is the shared amount's, so it passes over the count. */
export const DISTRIBUTIVE_WORDS: readonly string[] = ["各", "分别"];

export const CHANGE_VERBS: readonly string[] = ["增长", "增加", "递增", "提高", "上升", "下降", "减少", "翻番", "攀升"];
