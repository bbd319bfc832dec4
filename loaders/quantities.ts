// Quantities in a sentence: each number with its unit, value in the contract's base units, kind, rate and qualifiers.
// Built on scanNumbers' single forward pass; every check here looks a bounded distance around one number, so the
// whole scan stays linear in the text. Conventions, where the contract leaves a choice:
// - 余/多 mark approx wherever they sit and never change the value: `70余万元` → 700000, `3000余亩` → 3000.
// - 几/数 give the open interval's ends: `几十人` → 10 … 100, `十几万元` → 100000 … 200000, approx.
// - Adjacent digits are an estimate: `七八个` → 7 … 8, approx. A stated range is not: `3至5人` → 3 … 5.
// - Words before the number (约, 近, 超过) and after the unit (左右, 以上) set approx but stay out of `raw`.
// - A lone 一 before a counter, person or household word is an article, not a count (`一个展示点`, `一名干部`).
import * as units from "./units.js";
import type {Unit} from "./units.js";
import * as countedKinds from "./data/counted-kinds.js";
import * as rates from "./data/rates.js";
import * as numerals from "./numerals/index.js";
import * as chars from "./chars.js";
import * as wordLists from "./word-list.js";
import type {NumberMention} from "./numerals/index.js";
import type {Kind, Per, Quantity} from "./types.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {APPROX_AFTER, charClass, scanNumbers, tidy} = numerals;
const {isAsciiLetter, isDigitCode} = charClass;
const {unitAt} = units;
const {charTable, codeAt} = chars;
const {hasWordIn, isWordAt, lastWordIn, wordAt, wordList} = wordLists;
const {COUNTED_KINDS, GENERAL_COUNTERS} = countedKinds;
const {
  CHANGE_VERBS,
  DISTRIBUTIVE_WORDS,
  NOT_RATE_AFTER,
  NOT_RATE_BEFORE,
  PER_CUES,
  PER_ENTITY_CUES,
  SPAN_WORDS,
  TOTAL_WORDS
} = rates;
/** Is the code unit at k (none before 0 or past the end) in the table? */
const isIn = (table: Uint8Array, text: string, k: number) => k >= 0 && table[codeAt(text, k)] === 1;
/** Is ch one of chars? (Unlike String#includes, the empty string past the text's end is in no set.) */
const has = (chars: string, ch: string | undefined) => !!ch && chars.includes(ch);
const code = (ch: string) => ch.charCodeAt(0);
/** The CJK Unified Ideographs block, U+4E00 to U+9FFF. */
const isUnified = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const SPACE = 32;

/** Currency signs written before a number: ￥300, $20. */
const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  "￥": "CNY",
  "¥": "CNY",
  $: "USD",
  "＄": "USD",
  "€": "EUR",
  "£": "GBP"
};
const CURRENCY_BY_UNIT = new Map(Object.entries(CURRENCY_SIGNS).map(([sign, iso]) => [code(sign), iso]));

/** Where a clause ends: rate words before a number are looked for back to here. */
const CLAUSE_END = charTable('，,。；;！!？?：:\n（(）)“”"');
const LOOKBACK = 16;

/** Characters that end a place name (十八里铺, 三家村, 五台山): a Chinese numeral and counter before them name a place. */
const PLACE_ENDS = "村庄屯寨镇乡铺营堡店集街洼坡岭沟山河湖桥园里寺堂湾";
/** …unless the word goes on as a common noun: 两户村民, 三处村级. */
const PLACE_NOT = "民级干委庄子务";

/** Every quantity in `text`, in order. Offsets are UTF-16 indices into `text`; `end` is exclusive. */
export function scanQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  let after = 0;
  for (const m of scanNumbers(text, "quantity")) {
    if (m.start < after) continue;
    const q = quantityOf(text, m, out.length ? out[out.length - 1] : null);
    if (q) {
      out.push(q);
      after = q.end;
    }
  }
  return out;
}

function quantityOf(text: string, m: NumberMention, previous: Quantity | null): Quantity | null {
  if (m.type === "ordinal" || !Number.isFinite(m.value)) return null;
  if (!plausibleNumber(text, m)) return null;

  if (m.type === "percent" || (m.notation === "分之" && !unitAt(text, m.unitAt))) {
    const scale = m.type === "percent" ? 1 : 100;
    const unit = m.type === "percent" ? m.notation : "分之";
    return finish(text, m, m.unitAt, unit, "percent", scale, null, previous);
  }

  let at = m.unitAt;
  if (codeAt(text, at) === SPACE && unitAt(text, at + 1)) at++;
  const u = unitAt(text, at);
  const symbol = CURRENCY_BY_UNIT.get(codeAt(text, m.start - 1));
  if (symbol && (!u || u.kind !== "money") && !m.range) {
    // ￥300, $20: the sign before the number is the unit.
    const q = finish(text, m, m.unitAt, text[m.start - 1], "money", 1, null, previous);
    return q && {...q, raw: text[m.start - 1] + q.raw, start: m.start - 1, currency: symbol};
  }
  if (!u) return bareCount(text, m, previous);
  const unitEnd = at + u.unit.length;
  const next = text[unitEnd] ?? "";
  let kind: Kind = u.kind;

  if (has(u.notBefore, next) || next === "儿") return null;
  if (isAsciiLetter(u.unit.charCodeAt(0)) && isAsciiLetter(codeAt(text, unitEnd))) return null;
  const han = isUnified(codeAt(text, unitEnd));
  const counts = u.countBefore;
  if (counts && (has(counts.chars, next) || (counts.han && han && !has(counts.except, next)))) kind = "count";
  if (u.plainOnly && (m.lone === "一" || m.lone === "两" || m.pair || m.range || han)) return null;
  if (m.value > u.maxValue) return null;
  // 十八里铺镇, 三家村, 五台山: a place name, not a count.
  if (m.chinese && !m.arabic && u.unit !== "个" && kind !== "money" && kind !== "percent") {
    if (has(PLACE_ENDS, next) && !has(PLACE_NOT, text[unitEnd + 1])) return null;
  }
  // “四个一”, “两场同建”: Chinese numerals opening a short quoted phrase are a slogan's, not a count.
  if (m.chinese && !m.arabic && has('“「『"', text[m.start - 1])) {
    const close = text.slice(m.start, m.start + 8).search(/[”」』"]/);
    if (close >= 0) return null;
  }
  if ((m.lone === "一" || m.lone === "壹" || m.lone === "幺") && !m.range) {
    if (kind === "count" || kind === "persons" || kind === "households") return null;
  }
  if ((m.lone === "二" || m.lone === "贰") && kind === "count") return null;

  // 713个贫困户, 上千家贫困户, 两个孩子: a general counter takes the kind of the household or person it counts.
  if (kind === "count" && has(GENERAL_COUNTERS, u.unit)) kind = countedKind(text, unitEnd) ?? kind;
  const written = text.slice(m.unitFrom, unitEnd).replace(/\s/g, "");
  return finish(text, m, unitEnd, written, kind, u.factor, u, previous);
}

/** Counted nouns longest first, by first character. */
const nounsByFirst = new Map<string, string[]>();
for (const noun of [...COUNTED_KINDS.keys()].sort((a, b) => b.length - a.length)) {
  const list = nounsByFirst.get(noun[0]) ?? [];
  list.push(noun);
  nounsByFirst.set(noun[0], list);
}

/** The household or person noun written at `at`, if any. */
function countedNounAt(text: string, at: number): string | null {
  for (const noun of nounsByFirst.get(text[at]) ?? []) if (text.startsWith(noun, at)) return noun;
  return null;
}

function countedKind(text: string, at: number): Kind | null {
  const noun = countedNounAt(text, at);
  return noun === null ? null : COUNTED_KINDS.get(noun)!;
}

/** 20万群众, 390多万贫困人口, 上万群众: a count in 万 or 亿 with no measure word, of a household or person noun,
 * takes the noun's kind; the noun is its unit. Smaller bare numbers before a noun are left alone (2020贫困户 …). */
function bareCount(text: string, m: NumberMention, previous: Quantity | null): Quantity | null {
  if (m.type !== "number" || m.unitFrom >= m.unitAt || m.notation) return null;
  const multiplier = text[m.unitAt - 1];
  if (!has("万萬亿億", multiplier)) return null;
  const noun = countedNounAt(text, m.unitAt);
  if (noun === null) return null;
  const unitEnd = m.unitAt + noun.length;
  const written = text.slice(m.unitFrom, unitEnd).replace(/\s/g, "");
  return finish(text, m, unitEnd, written, COUNTED_KINDS.get(noun)!, 1, null, previous);
}

const DATE_JOINS = charTable("-—/.");
const ORDINAL_BEFORE = charTable("届初周号#№");

/** Numbers that are codes, dates' parts or ordinals whatever follows them. */
function plausibleNumber(text: string, m: NumberMention): boolean {
  const before = codeAt(text, m.start - 1);
  if (m.arabic) {
    if (m.arabic.length > 1 && m.arabic[0] === "0") return false; // 0635…, 012: a code or phone number
    if (m.arabic.length >= 12) return false;
    if (isAsciiLetter(before)) return false; // G20, A2021…
  }
  if (isDigitCode(before)) return false;
  if (DATE_JOINS[before] === 1 && isDigitCode(codeAt(text, m.start - 2))) return false;
  // 十三届九次全会, 初十, 周一, 星期三, 3号楼
  if (ORDINAL_BEFORE[before] === 1) return false;
  if (m.start >= 2 && (isWordAt(text, m.start - 2, "星期", m.start) || isWordAt(text, m.start - 2, "礼拜", m.start)))
    return false;
  return true;
}

const [HALF, MORE, OVER] = [..."半多余"].map(code);
/** After 半, these make it part of the next word (半数, 半年), not half of the unit. */
const NOT_HALF_BEFORE = charTable("数价岛导径边场身截夜年月天日");
/** After 多 or 余, these still leave it the figure's (3块多的, 一吨多了): any other Han character starts a word. */
const MORE_THEN = charTable("的了钱点");
const APPROX_AFTER_WORDS = wordList(APPROX_AFTER);

function finish(
  text: string,
  m: NumberMention,
  unitEnd: number,
  unit: string,
  kind: Kind,
  factor: number,
  u: Unit | null,
  previous: Quantity | null
): Quantity | null {
  let end = unitEnd;
  let value = m.value;
  let valueMax = m.valueMax;
  let approx = m.approx;

  if (u && (u.unit === "元" || u.unit === "圆" || u.unit === "块") && kind === "money") {
    // 50元6角3分, 五元三毛
    const change = smallChange(text, end);
    if (change) {
      value += change.value;
      if (valueMax !== null) valueMax += change.value;
      end = change.end;
    } else if (text.startsWith("人民币", end)) end += 3;
  } else if (u && kind === "money" && u.unit !== "人民币" && text.startsWith("人民币", end)) end += 3;

  const half = codeAt(text, end) === HALF && !isIn(NOT_HALF_BEFORE, text, end + 1);
  if (half && !m.range && !m.pair && kind !== "percent") {
    value += 0.5;
    end++;
  } else if (half && kind === "percent" && unit === "成") {
    value += 0.5;
    end++;
  }
  // 3块多, 一吨多: but not 3户多次走访, where 多 starts the next word.
  const c = codeAt(text, end);
  const after = codeAt(text, end + 1);
  const more = (c === MORE || c === OVER) && !(isUnified(after) && !isIn(MORE_THEN, text, end + 1));
  if (more && kind !== "percent") {
    approx = true;
    end++;
  }
  if (wordAt(APPROX_AFTER_WORDS, text, end) >= 0) approx = true;

  const from = clauseStart(text, m.start);
  const per = perAfter(text, end) ?? rateBefore(text, from, m.start, kind, previous);
  const perEntity = entityAfter(text, end) ?? entityBefore(text, from, m.start);
  const q: Quantity = {
    value: tidy(value * factor),
    value_max: valueMax === null ? null : tidy(valueMax * factor),
    approx: approx || m.approx,
    raw: text.slice(m.start, end),
    unit,
    currency: kind === "money" ? (u?.currency ?? null) : null,
    kind,
    per,
    start: m.start,
    end
  };
  if (perEntity) q.per_entity = perEntity;
  return q;
}

/** 6角3分 after 元: the change in yuan and where it ends. */
function smallChange(text: string, at: number): {value: number; end: number} | null {
  let k = at;
  let value = 0;
  for (const [marks, scale] of [
    ["角毛", 0.1],
    ["分", 0.01]
  ] as const) {
    const d = digitValue(text, k);
    if (d !== null && has(marks, text[k + 1])) {
      value += d * scale;
      k += 2;
    }
  }
  return k > at ? {value: tidy(value), end: k} : null;
}

function digitValue(text: string, k: number): number | null {
  const i = "0123456789".indexOf(text[k]);
  if (i >= 0) return i;
  const j = "零一二三四五六七八九".indexOf(text[k]);
  return j >= 0 ? j : null;
}

/** Where the clause before a number starts, at most LOOKBACK characters back: where its rate words are. */
function clauseStart(text: string, start: number): number {
  let k = start;
  while (k > 0 && start - k < LOOKBACK && !isIn(CLAUSE_END, text, k - 1)) k--;
  return k;
}

const [SLASH, EVERY, DAY, SUN, MONTH, PIECE, YEAR, HOUSEHOLD, PERSON] = [..."/每天日月个年户人"].map(code);

/** A rate written right after the figure: 100元/月, 50元每天. */
function perAfter(text: string, end: number): Per {
  const c = codeAt(text, end);
  if (c !== SLASH && c !== EVERY) return null;
  const d = codeAt(text, end + 1);
  if (d === DAY || d === SUN) return "day";
  if (d === MONTH || (d === PIECE && codeAt(text, end + 2) === MONTH)) return "month";
  return d === YEAR ? "year" : null;
}

const PER_CUE_WORDS = wordList(PER_CUES.map(([cue]) => cue));
// What may make a cue's occurrence a date or a span instead of a rate: for 一天, 一年 … the characters on both
// sides (一年来, 第一天), for a cue that starts with its period (年接待, 日均) the character before (2019年收入).
const [NO_CHECK, CHECK_BEFORE, CHECK_BOTH] = [0, 1, 2];
const CUE_CHECKS = PER_CUES.map(([cue]) => {
  const periodFirst = cue.search(/[年月日天]/) === 0;
  if (cue[0] !== "每" && cue[0] !== "按" && !cue.endsWith("均")) {
    return cue[0] === "一" ? CHECK_BOTH : periodFirst ? CHECK_BEFORE : NO_CHECK;
  }
  return cue.endsWith("均") && periodFirst ? CHECK_BEFORE : NO_CHECK;
});
const NOT_RATE_BEFORE_CHARS = charTable(NOT_RATE_BEFORE);
const NOT_RATE_AFTER_CHARS = charTable(NOT_RATE_AFTER);
const DISTRIBUTIVE = wordList(DISTRIBUTIVE_WORDS);
/** Which cues one look-back has met already (by stamp): a cue counts at its last occurrence only. */
const cueSeen = new Int32Array(PER_CUES.length);
let cueStamp = 0;

/** day, month or year when the sentence states a rate: 一天能挣50块钱, 每月100元, 年接待5万余人次, 100元/月.
 * A rate said before the previous quantity is that one's, unless the two list amounts of one kind (每月100元、200元). */
export function rateOf(text: string, start: number, end: number, kind?: Kind, previous: Quantity | null = null): Per {
  return perAfter(text, end) ?? rateBefore(text, clauseStart(text, start), start, kind, previous);
}

/** The rate a cue in the clause [from, start) before a figure states, else the sentence's (sentenceRate). The cue
 * counted is the one whose last occurrence starts last and is not ruled out there (of those starting at one place,
 * the last of PER_CUES), found walking back from the figure. */
function rateBefore(text: string, from: number, start: number, kind: Kind | undefined, previous: Quantity | null): Per {
  if (++cueStamp === 0x7fffffff) (cueSeen.fill(0), (cueStamp = 1));
  const {first, groups} = PER_CUE_WORDS;
  let sharedOut: boolean | null = null;
  for (let p = start - 1; p >= from; p--) {
    const g = first[codeAt(text, p)];
    if (g === 0) continue;
    let per: Per = null;
    for (const w of groups[g - 1]) {
      const [cue, period] = PER_CUES[w];
      if (cueSeen[w] === cueStamp || !isWordAt(text, p, cue, start)) continue;
      cueSeen[w] = cueStamp;
      const cueEnd = p + cue.length;
      // Only a previous quantity inside the clause can use a rate up, so the words between are at most LOOKBACK long.
      if (previous && previous.end > cueEnd && previous.end <= start && previous.kind !== kind) {
        sharedOut ??= hasWordIn(DISTRIBUTIVE, text, previous.end, start);
        if (!sharedOut) continue;
      }
      const check = CUE_CHECKS[w];
      if (check === CHECK_BOTH && isIn(NOT_RATE_AFTER_CHARS, text, cueEnd)) continue;
      if (check !== NO_CHECK && isIn(NOT_RATE_BEFORE_CHARS, text, p - 1)) continue;
      per = period;
    }
    if (per) return per;
  }
  return sentenceRate(text, from, start, previous?.end ?? -1);
}

const SENTENCE_START = charTable("。；;！!？?\n");
const RANGE_MARKS = charTable("-—–~～至到");
const TOTALS = wordList(TOTAL_WORDS);
const SPANS = wordList(SPAN_WORDS);
const CHANGES = wordList(CHANGE_VERBS);
const EVERY_CUES = PER_CUES.filter(([cue]) => cue[0] === "每");
const EVERY_CUE_WORDS = wordList(EVERY_CUES.map(([cue]) => cue));

/** A 每-rate stated earlier in the sentence governs the number (每个月总会抽出两天…,送去一笔200元) unless its own
 * clause [clauseStart, start) calls it a total, or the rate is used up before the number: by a figure of its own
 * (每月100元…,给予10%), by a change it qualifies (每年增长,五年内投入5574万元) or by a span of several periods in
 * between (五年内, 以来, 2016—2020年). */
function sentenceRate(text: string, clauseStart: number, start: number, previousEnd: number): Per {
  if (hasWordIn(TOTALS, text, clauseStart, start)) return null;
  // Both walks are bounded: a clause longer than the reach has no earlier clause to look at.
  let end = clauseStart;
  while (end > 0 && clauseStart - end < 3 * LOOKBACK && !isIn(CLAUSE_END, text, end - 1)) end--;
  if (end > 0 && !isIn(CLAUSE_END, text, end - 1)) return null;
  let k = end;
  while (k > 0 && end - k < 3 * LOOKBACK && !isIn(SENTENCE_START, text, k - 1)) k--;
  // The cue whose last occurrence starts last (the first of the list of those starting there).
  const found = lastWordIn(EVERY_CUE_WORDS, text, k, end);
  if (found === null) return null;
  const [cue, per] = EVERY_CUES[found.word];
  const cueEnd = found.at + cue.length;
  if (previousEnd > cueEnd) return null;
  if (wordAt(CHANGES, text, cueEnd) >= 0) return null;
  if (hasWordIn(SPANS, text, cueEnd, start)) return null;
  for (let q = cueEnd + 1; q < start - 1; q++) {
    const yearRange =
      isIn(RANGE_MARKS, text, q) && isDigitCode(codeAt(text, q - 1)) && isDigitCode(codeAt(text, q + 1));
    if (yearRange) return null;
  }
  return per;
}

const ENTITY_CUES = wordList(PER_ENTITY_CUES.map(([cue]) => cue));

type Entity = "household" | "person" | null;

/** Averages over households or persons: 户均1.5万元, 每人每月100元, 200元/人. */
export function entityOf(text: string, start: number, end: number): Entity {
  return entityAfter(text, end) ?? entityBefore(text, clauseStart(text, start), start);
}

function entityAfter(text: string, end: number): Entity {
  const c = codeAt(text, end);
  if (c !== SLASH && c !== EVERY) return null;
  const d = codeAt(text, end + 1);
  return d === HOUSEHOLD ? "household" : d === PERSON ? "person" : null;
}

/** The cue whose last occurrence in the clause [from, start) starts last (the first of the list of those starting
 * there). */
function entityBefore(text: string, from: number, start: number): Entity {
  const found = lastWordIn(ENTITY_CUES, text, from, start);
  return found === null ? null : PER_ENTITY_CUES[found.word][1];
}
