// zh-CN formatting of the contract's values, and English glosses for its kinds and topics.
// No imports, so that Node tests and every page can use it as it is.

/** The contract's `kind` values: what the Chinese reader calls them, an English gloss, and the unit shown. */
export const kinds = {
  households: {zh: "户数", en: "households", unit: "户"},
  persons: {zh: "人数", en: "persons", unit: "人"},
  money: {zh: "资金", en: "money", unit: "元"},
  area: {zh: "面积", en: "area", unit: "亩"},
  weight: {zh: "重量", en: "weight", unit: "公斤"},
  count: {zh: "数量", en: "count", unit: "个"},
  age: {zh: "年龄", en: "age", unit: "岁"},
  percent: {zh: "比例", en: "percent", unit: "%"},
  other: {zh: "其他", en: "other", unit: ""}
};

/** The contract's `topic` values, in the order the contract lists them. */
export const topics = {
  industry: {zh: "产业扶贫", en: "industry"},
  employment: {zh: "就业扶贫", en: "employment"},
  housing: {zh: "住房/人居环境", en: "housing & living conditions"},
  education: {zh: "教育扶贫", en: "education"},
  health: {zh: "健康扶贫", en: "health"},
  social_security: {zh: "社保兜底/低保", en: "social security"},
  filial: {zh: "孝善扶贫", en: "filial-piety funds"},
  pv: {zh: "光伏扶贫", en: "solar power"},
  culture: {zh: "文化扶贫", en: "culture"},
  infrastructure: {zh: "基础设施", en: "infrastructure"},
  other: {zh: "其他", en: "other"}
};

/** Currencies as a Chinese paper writes them after 万 or 亿. */
export const currencies = {CNY: "元", USD: "美元", EUR: "欧元", HKD: "港元", JPY: "日元", GBP: "英镑"};

/**
 * Square metres in one 亩 (1/15 of a hectare), as the engine converts them (loaders/units.ts; test/format.test.ts
 * holds the two to the same value): the one figure every page, chart axis and the methods page use.
 */
export const squareMetresPerMu = 10000 / 15;

const numberFormat = new Intl.NumberFormat("zh-CN", {maximumFractionDigits: 2});

/** `1234.5` → `"1,234.5"`; null and NaN → `""`. */
export function formatNumber(x) {
  return x == null || Number.isNaN(+x) ? "" : numberFormat.format(+x);
}

/** Yuan always in 万元, as the papers total their funds: `2209820` → `"220.98 万元"`. */
export function formatWan(yuan) {
  return `${formatNumber(yuan / 1e4)} 万元`;
}

/**
 * Yuan in 万元 from ten thousand up (`369000` → `"36.9 万元"`), in 元 below (`50` → `"50 元"`).
 * @param {number | null | undefined} value
 * @param {{currency?: string | null}} [options]
 */
export function formatMoney(value, {currency = "CNY"} = {}) {
  if (value == null || Number.isNaN(+value)) return "";
  const unit = currencies[currency ?? "CNY"] ?? ` ${currency}`;
  return Math.abs(value) >= 1e4 ? `${formatNumber(value / 1e4)} 万${unit}` : `${formatNumber(value)} ${unit}`;
}

/**
 * A value in the contract's base units shown in the unit a reader expects: `126, "households"` → `"126 户"`.
 * @param {number | null | undefined} value
 * @param {string} kind
 * @param {{currency?: string | null, unit?: string | null}} [options] a fact's own currency and unit
 */
export function formatValue(value, kind, {currency, unit} = {}) {
  if (value == null || Number.isNaN(+value)) return "";
  if (kind === "money") return formatMoney(value, {currency});
  if (kind === "area") return `${formatNumber(value / squareMetresPerMu)} 亩`;
  if (kind === "percent") return `${formatNumber(value)}%`;
  const shown = kind === "count" || kind === "other" ? (unit ?? kinds[kind].unit) : (kinds[kind]?.unit ?? unit ?? "");
  return shown ? `${formatNumber(value)} ${shown}` : formatNumber(value);
}

/** Axis ticks for a kind: money in 万, area in 亩, others as numbers (the unit goes in the axis label). */
export function tickFormat(kind) {
  if (kind === "money") return (d) => formatNumber(d / 1e4);
  if (kind === "area") return (d) => formatNumber(d / squareMetresPerMu);
  return formatNumber;
}

/** The axis label for a sum of a kind: `"money"` → `"资金 money (万元)"`. */
export function axisLabel(kind) {
  const {zh, en, unit} = kinds[kind] ?? kinds.other;
  return `${zh} ${en}${unit ? ` (${kind === "money" ? "万元" : unit})` : ""}`;
}

/** `"industry"` → `"产业扶贫 industry"`; unknown topics are shown as they are. */
export function topicLabel(topic) {
  const gloss = topics[topic];
  return gloss ? `${gloss.zh} ${gloss.en}` : topic == null ? "未分类 unclassified" : String(topic);
}

/** `"households"` → `"户数 households"`. */
export function kindLabel(kind) {
  const gloss = kinds[kind];
  return gloss ? `${gloss.zh} ${gloss.en}` : String(kind);
}

/** A place name with its pinyin beside it, from the `places` table: `"茌平区"` → `"茌平区 Chípíng Qū"`. */
export function placeLabeler(places = []) {
  const pinyin = new Map();
  for (const place of places) if (place.pinyin && !pinyin.has(place.name)) pinyin.set(place.name, place.pinyin);
  return (name) => (name == null ? "未知 unknown" : pinyin.has(name) ? `${name} ${pinyin.get(name)}` : String(name));
}

/** The contract's dates as precise as known: `"2020-08-31"` → `"2020年8月31日"`, `"2020"` → `"2020年"`. */
export function formatDate(date, {inferred = false} = {}) {
  if (date == null || date === "") return "";
  const [year, month, day] = String(date).split("-");
  const text = `${year}年${month ? `${+month}月` : ""}${day ? `${+day}日` : ""}`;
  return inferred ? `${text}（推断）` : text;
}
