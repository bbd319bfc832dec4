// Words around numerals: what makes a numeral part of a word (not a number), what before or after a number makes it
// approximate, and the words after 成 that make it a verb or noun, not a tenth. Compiled from the seed pages, the
// 《现代汉语词典》 (第7版) entries that begin with or contain a numeral, the set phrases of poverty-relief reports
// (一户一策, 两不愁三保障, 四个不摘) and Recognizers-Text's Chinese number specs (test/fixtures, conformance.test.ts).
// Read by loaders/numerals/scan.ts; each list is checked for duplicates and shadowed entries by test/lexicons.test.ts.

/** Words and set phrases whose numeral characters count nothing, matched where their first numeral character is (so
 * an entry may begin before it: 珠三角). Longest first wins. */
export const NOT_NUMBERS: readonly string[] = [
  "一切",
  "一看",
  "一起",
  "一直",
  "一行",
  "一些",
  "一般",
  "一样",
  "一定",
  "一旦",
  "一致",
  "一律",
  "一同",
  "一道",
  "一带一路",
  "一边",
  "一面",
  "一向",
  "一心",
  "一体",
  "一线",
  "一再",
  "一举",
  "一并",
  "一手",
  "一把手",
  "一揽子",
  "一流",
  "一下",
  "一会",
  "一阵",
  "一番",
  "一概",
  "一贯",
  "一味",
  "一早",
  "一本通",
  "一帮一",
  "一对一",
  "一成不变",
  "一五一十",
  "一心一意",
  "一亩三分地",
  "一点儿",
  "一点点",
  "一块儿",
  "一口气",
  "一户一策",
  "一户一档",
  "一村一品",
  "一人一岗",
  "壹切",
  "一时",
  "一度",
  "一经",
  "一代",
  "一方面",
  "一部分",
  "一门心思",
  "万一",
  "万万",
  "千万",
  "十分",
  "十足",
  "十字",
  "十全十美",
  "百分百",
  "四川",
  "两岸",
  "两两",
  "三五成群",
  "五湖四海",
  "七上八下",
  "乱七八糟",
  "三心二意",
  "千方百计",
  "九九重阳",
  "三八节",
  "三八红旗手",
  "五一劳动节",
  "六一儿童节",
  "四个不摘",
  "四个全面",
  "四个意识",
  "四个自信",
  "两个维护",
  "两个确保",
  "两个一百年",
  "三个代表",
  "八项规定",
  "三严三实",
  "五个一批",
  "六个精准",
  "三位一体",
  "三大堆",
  "三会一课",
  "两学一做",
  "两不愁三保障",
  "六净一改善",
  "独一无二",
  "九牛一毛",
  "一模一样",
  "数一数二",
  "接二连三",
  "三番五次",
  "三令五申",
  "四面八方",
  "十有八九",
  "七七八八",
  "一二三四",
  "三三两两",
  // Places, buildings and shapes whose 三角/八角/五角 are no money (issue 11, item 7).
  "珠三角",
  "长三角",
  "金三角",
  "三角洲",
  "三角形",
  "三角区",
  "八角楼",
  "八角亭",
  "八角形",
  "五角星",
  "五角大楼"
];

/** A character before a numeral that makes it part of a word: 统一, 唯一, 之一, 逐一, 同一, 进一步. */
export const NOT_AFTER_CHAR: Readonly<Record<string, string>> = {
  一: "统唯专划之不如同逐进单独纯万后",
  二: "不独",
  三: "不再",
  四: "不",
  九: "重"
};

/** Financial digits that are common characters elsewhere (入伍, 陆地, 拾取, 放肆): numerals only beside other numerals. */
export const FINANCIAL_COMMON = "伍陆陸拾肆";

/** Approximating words before a number: [word, characters before it that make it part of another word (签约,
 * 附近), only before a bare 百/千/万 (上百, 过千)]. Matched in order, ending right before the number: a word must come
 * before any word it ends with (超过了 before 超过 … before 超, 过). */
export const PREFIXES: readonly [word: string, notAfter: string, bareOnly: boolean][] = [
  ["超过了", "", false],
  ["大约有", "", false],
  ["超过", "", false],
  ["大约", "", false],
  ["大概", "", false],
  ["将近", "", false],
  ["接近", "", false],
  ["约有", "", false],
  ["不足", "", false],
  ["不到", "", false],
  ["至少", "", false],
  ["逾", "", false],
  ["约", "节制合签公条违预相特履邀集婚和大", false],
  ["近", "附最临靠亲就邻贴挨远接将", false],
  ["超", "赶", false],
  ["上", "以", true],
  ["过", "", true]
];

/** Before 过, these make it "over" even before digits (占比过20). */
export const RATIO_WORDS = "比率量额均";

/** Words right after a number that make it approximate: 五百以上, 100人左右. */
export const APPROX_AFTER: readonly string[] = ["左右", "以上", "以下", "上下", "开外", "有余", "出头"];

/** Characters after N成 that make 成 a verb or part of a noun (三成员, 建成立, 九成熟), not N tenths. Also the unit
 * table's exclusion for 成 (loaders/units.ts). */
export const NOT_TENTHS_AFTER = "员立为功本果效绩熟交品型都年长就片群";

/** Units 半 may precede as half of one: 半斤, 半亩. */
export const HALF_UNITS: readonly string[] = ["斤", "公斤", "亩", "吨", "元", "块", "两", "平方米", "公顷"];

/** Units that begin with 千 or 兆: after Arabic digits `12千米` is 12 km, not 12000 m. */
export const PREFIXED_UNITS: readonly string[] = [
  "千克",
  "千米",
  "千瓦",
  "千卡",
  "千焦",
  "千字节",
  "兆瓦",
  "兆字节",
  "兆赫",
  "兆帕"
];

/** Two adjacent digits read as an estimate (七八个 = 7 … 8, 三五天): Recognizers-Text's pairs. */
export const DIGIT_PAIRS: readonly string[] = ["1,2", "2,3", "3,4", "4,5", "5,6", "6,7", "7,8", "8,9", "3,5"];
