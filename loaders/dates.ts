// Dates: the issue date a masthead prints, each article's dateline as printed and the date it stands for, the year a
// page speaks of when nothing prints it, and the period a single sentence names (for dating facts).
// Dates are ISO strings as precise as the text allows: "2020-08-31", "2020-08" or "2020".
import * as chars from "./chars.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {asciiDigits, charTable, codeAt, SPACE_CHARS, SPACE_RANGES} = chars;

// Kept importable from here for callers written before chars.ts held it.
export {asciiDigits};

/** How a date is completed when the text leaves part of it out, in the order the rules are tried, with why. */
export const DATE_INFERENCE_RULES: readonly {rule: string; reason: string}[] = [
  {rule: "masthead date (2020年1月16日 星期四) → issue_date and the page's year", reason: "printed: nothing inferred"},
  {
    rule: "an event marker that pins a year (YEAR_MARKERS, kind pins) → that year",
    reason: "“今年是脱贫攻坚的收官之年” can only be written in 2020, whatever older years the page also cites"
  },
  {
    rule: "else the issue date from the page's HTML metadata (publishdate, article:published_time, <time datetime>)",
    reason: "the CMS that published the page wrote it"
  },
  {
    rule: "else the date in the file's path (2020-05-29/…, 20200529…, 2020/05/29/…)",
    reason: "archives file pages by their issue date"
  },
  {
    rule: "else the latest year reported at a clause start (2019年,… · 2016-2020年,…), if no year in passing is later",
    reason: "a year in passing (合作社是2016年4月成立的) dates an event, not the page; a wrong year is worse than none"
  },
  {
    rule: "else an event's lower bound (党的二十大 → 2022), if no year in passing is later",
    reason: "the markers are the campaign's own milestones, reported in the year they happen"
  },
  {
    rule: "a dateline without a year takes the page's year; a month after the issue's month is last year's",
    reason: "a 1月 issue reporting 12月30日 reports last December"
  },
  {
    rule: "a day-only dateline (15日) takes its month from the source line (本报聊城3月15日讯), else the issue month",
    reason: "the source line and the masthead are the only month the article is written against"
  },
  {rule: "近日, 日前, 近期 → the issue month, else the year", reason: "“recently” means shortly before publication"},
  {
    rule: "今年/去年/明年 → the article's year, −1, +1",
    reason: "relative words count from when the article was written"
  },
  {rule: "no dateline → the page's year, inferred", reason: "an undated item on a page is news of that page's year"},
  {rule: "no page year → no date: a dateline without a year stays undated", reason: "a wrong year is worse than none"}
];

export interface YearMarker {
  pattern: RegExp;
  year: number;
  /** pins: the page is from exactly this year; atLeast: not before it. */
  kind: "pins" | "atLeast";
  reason: string;
}

export const YEAR_MARKERS: readonly YearMarker[] = [
  {
    pattern: /(脱贫攻坚|十三五|全面建成小康社会)[^。！？\n]{0,8}收官之年/,
    year: 2020,
    kind: "pins",
    reason: "the poverty campaign and the 13th Five-Year Plan ended in 2020 (收官之年)"
  },
  {pattern: /十四五[^。\n]{0,4}开局之年/, year: 2021, kind: "pins", reason: "first year of the 14th Five-Year Plan"},
  {pattern: /建党(100|一百)周年|建党百年/, year: 2021, kind: "pins", reason: "the Party's centenary, July 2021"},
  {
    pattern: /党的二十大|二十大精神/,
    year: 2022,
    kind: "atLeast",
    reason: "the 20th Party Congress met in October 2022"
  },
  {
    pattern: /党的十九大|十九大精神/,
    year: 2017,
    kind: "atLeast",
    reason: "the 19th Party Congress met in October 2017"
  },
  {pattern: /新冠|新型冠状病毒/, year: 2020, kind: "atLeast", reason: "COVID-19 reached Shandong in January 2020"},
  {
    pattern: /决战决胜脱贫攻坚|决战决胜·脱贫攻坚|决战脱贫攻坚/,
    year: 2020,
    kind: "atLeast",
    reason: "2020's campaign slogan"
  },
  {pattern: /乡村振兴局/, year: 2021, kind: "atLeast", reason: "poverty-relief offices were renamed in 2021"}
];

export interface YMD {
  year: number | null;
  month: number | null;
  day: number | null;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  两: 2
};

/** 3, 12, 十二, 二十三, 廿二, 三十一 → number; null when not a small numeral. */
function smallNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === "十") return 10;
  const m = /^([一二三])?(十|廿)([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[2] === "廿" ? 20 : (m[1] ? CN_DIGITS[m[1]] : 1) * 10) + (m[3] ? CN_DIGITS[m[3]] : 0);
  return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : null;
}

function year4(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (s.length !== 4) return null;
  let y = 0;
  for (const c of s) {
    if (!(c in CN_DIGITS)) return null;
    y = y * 10 + CN_DIGITS[c];
  }
  return y;
}

const pad = (n: number) => String(n).padStart(2, "0");
export function isoDate({year, month, day}: YMD): string | null {
  if (year === null) return null;
  if (month === null) return String(year);
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

export function parseIso(date: string | null): YMD {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  return {
    year: m ? Number(m[1]) : null,
    month: m?.[2] ? Number(m[2]) : null,
    day: m?.[3] ? Number(m[3]) : null
  };
}

const validDay = (y: number, m: number, d: number) => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

// The years a masthead of these papers can print: they are papers of the People's Republic, so none is dated before
// 1949, and a slip such as 0474 (for 2014) is not a date (it also made documents.year NaN).
const ISSUE_YEARS = {first: 1949, last: 2100};

// Lines that print the issue's date: the masthead's (with the weekday, issue number or lunar date), a date alone on
// its line near the top (2016年10月16日 under the masthead), a web page's 发布时间 line.
const FULL_DATE = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/;
const MASTHEAD_CUE = /星期|周[一二三四五六日天]|第\s*\d+\s*期|农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年/;
const DATE_ALONE = /^\s*\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2})\s*$/;
const PUBLISHED_LINE = /(?:发布时间|发布日期|发表时间|出版日期|日期|时间)\s*[:：]\s*$/;
/** How many non-blank lines from the top a date alone on its line is still the masthead's. */
const DATE_ALONE_LINES = 12;

/** The masthead's date: a full date on a short line that also prints the weekday, issue number or lunar date. */
export function findIssueDate(text: string): string | null {
  let lines = 0;
  let from = 0;
  while (from < text.length && lines < 60) {
    const nl = text.indexOf("\n", from);
    const line = text.slice(from, nl < 0 ? text.length : nl);
    from = nl < 0 ? text.length : nl + 1;
    if (!line.trim()) continue;
    lines++;
    if (line.length > 120) continue;
    const folded = asciiDigits(line);
    const m = FULL_DATE.exec(folded);
    if (!m) continue;
    const printed =
      MASTHEAD_CUE.test(folded) ||
      (lines <= DATE_ALONE_LINES && DATE_ALONE.test(folded)) ||
      PUBLISHED_LINE.test(folded.slice(Math.max(0, m.index - 8), m.index));
    if (!printed) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < ISSUE_YEARS.first || y > ISSUE_YEARS.last) continue;
    if (mo >= 1 && mo <= 12 && validDay(y, mo, d)) return isoDate({year: y, month: mo, day: d});
  }
  return null;
}

/**
 * Where archives put the issue date in a file's path, tried on every folder and the file name: 2020-05-29/…,
 * 2020_05_29, 2020/05/29/…, 2020/0529/…, 20200529… (a 14-digit timestamp too). The last date in the path wins: it is
 * nearest the file.
 */
export const PATH_DATES: readonly RegExp[] = [
  /(?<!\d)((?:19|20)\d{2})[-_.]([01]?\d)[-_.]([0-3]?\d)(?!\d)/g,
  /(?<!\d)((?:19|20)\d{2})\/([01]\d)\/?([0-3]\d)(?!\d)/g,
  // Not inside a run of hex digits: a content hash (75a53e5b…) can hold eight decimal digits by chance.
  /(?<![\da-fA-F])((?:19|20)\d{2})([01]\d)([0-3]\d)(?:[0-2]\d[0-5]\d(?:[0-5]\d)?)?(?![\da-fA-F])/g,
  /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/g
];

/** The issue date a file's path gives (see PATH_DATES), or null. */
export function dateFromPath(doc: string): string | null {
  let best: {at: number; date: string} | null = null;
  const path = doc.slice(-400);
  for (const pattern of PATH_DATES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(path); m; m = pattern.exec(path)) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (mo < 1 || mo > 12 || !validDay(y, mo, d) || y > ISSUE_YEARS.last) continue;
      if (!best || m.index > best.at) best = {at: m.index, date: isoDate({year: y, month: mo, day: d})!};
    }
  }
  return best?.date ?? null;
}

export interface YearInference {
  year: number;
  /** Which rule decided, and the text that showed it. */
  rule: "pinned by event" | "reported year" | "event lower bound";
  evidence: string;
}

// What may stand before a year that reports the time of the news (`2019年,`, `2016-2020年,` at a clause start).
const CLAUSE_START = charTable("。！？!?；;，,：:\n" + SPACE_CHARS, SPACE_RANGES);

/**
 * The year a page speaks of when neither the page, its metadata nor its path gives a date (DATE_INFERENCE_RULES).
 * A year counts only where it reports when the news happened: opening a clause and closing it (`2019年,争取…`,
 * `2016-2020年,全区…`, `2019年8月20日,…`). A year in passing (`合作社是2016年4月成立的`, `于2018年五一期间开园`,
 * `《…2018年…方案》`) only says the page is not older; when it is later than every reported year, the page's year
 * is not known and none is given: a wrong year is worse than none.
 */
export function inferYear(text: string): YearInference | null {
  const folded = asciiDigits(text);
  let pinned: YearInference | null = null;
  let bound: YearInference | null = null;
  for (const marker of YEAR_MARKERS) {
    const m = marker.pattern.exec(folded);
    if (!m) continue;
    if (marker.kind === "pins") pinned ??= {year: marker.year, rule: "pinned by event", evidence: m[0]};
    else if (!bound || marker.year > bound.year) bound = {year: marker.year, rule: "event lower bound", evidence: m[0]};
  }
  if (pinned) return pinned;
  let reported: YearInference | null = null;
  let passing = 0;
  const years = /(\d{4})(?:\s*[-—–~～至到]\s*(\d{4}))?\s*年/g;
  for (let m = years.exec(folded); m; m = years.exec(folded)) {
    const y = Number(m[2] ?? m[1]);
    if (y < 1949 || y > 2100 || at(DIGIT, folded, m.index - 1)) continue;
    const before = folded.slice(Math.max(0, m.index - 2), m.index);
    const after = folded.slice(years.lastIndex, years.lastIndex + 12);
    if (/(^|[^截])[到至]$|力争$|预计$/.test(before) || /^(前|底前|远景)/.test(after)) continue;
    const opens = m.index === 0 || at(CLAUSE_START, folded, m.index - 1);
    const closes = /^(?:\d{1,2}月(?:\d{1,2}[日号])?)?[，,]/.test(after);
    if (opens && closes) {
      if (!reported || y > reported.year) reported = {year: y, rule: "reported year", evidence: m[0]};
    } else passing = Math.max(passing, y);
  }
  const floor = Math.max(passing, bound?.year ?? 0);
  if (reported) return reported.year >= floor ? reported : null;
  return bound && bound.year >= passing ? bound : null;
}

export interface TimeExpression extends YMD {
  raw: string;
  start: number;
  end: number;
  /** For a range (2016-2020年), the first year; the expression's own year is the last. */
  fromYear?: number;
  /** 今年, 去年, 近日 …: the word, when the expression is relative. */
  relative?: string;
  /** 上午, 以来, 初, 份 …: what follows the date, kept in the raw text. */
  suffix?: string;
}

const RELATIVE_YEARS: Record<string, number> = {今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2, 明年: 1, 后年: 2};
const RECENT = ["近日", "日前", "近期", "连日来", "近来", "近段时间", "目前"];
// Longer forms first: 份以来 before 份, 晚上 before 晚.
const SUFFIXES = "上午 下午 中午 晚上 傍晚 凌晨 早上 夜间 晚 以来 份以来 初 中旬 上旬 下旬 底 末 期间 份".split(" ");
const NUM = "(\\d{1,2}|[一二三]?[十廿][一二三四五六七八九]?|[一二三四五六七八九十])";
const YEAR = "(\\d{4}|[〇零一二三四五六七八九]{4})";
const DATE_AT = new RegExp(
  `^(?:${YEAR}\\s*(?:[-—–~～至到]\\s*${YEAR}\\s*)?年(?:\\s*[至到-]\\s*${YEAR}\\s*年)?)?(?:${NUM}月)?(?:${NUM}[日号])?`
);

/** How far a date expression is looked for from its start. */
const HEAD = 40;
const WORD_FIRST = charTable([...Object.keys(RELATIVE_YEARS), ...RECENT].map((word) => word[0]).join(""));
// What DATE_AT can match before its first 年, 月, 日 or 号 (digits, numerals, spaces, range marks), and what it can
// start with: where the run from a position does not stop at one of those four, DATE_AT matches nothing there.
const DATE_FIRST = charTable("0123456789〇零一二三四五六七八九十廿");
const DATE_RUN = charTable("0123456789〇零一二三四五六七八九十廿-—–~～至到" + SPACE_CHARS, SPACE_RANGES);
const DATE_MARK = charTable("年月日号");

/** Whether DATE_AT may match something at `at`: a few table reads rule out most positions without running it. */
function mayBeDate(s: string, at: number): boolean {
  if (DATE_FIRST[codeAt(s, at)] !== 1) return false;
  const to = Math.min(s.length, at + HEAD);
  let k = at + 1;
  while (k < to && DATE_RUN[s.charCodeAt(k)] === 1) k++;
  return k < to && DATE_MARK[codeAt(s, k)] === 1;
}

/** The date expression starting at `at` in `s` (digits folded), or null. */
export function readTimeAt(s: string, at: number): TimeExpression | null {
  if (WORD_FIRST[codeAt(s, at)] === 1) {
    const word = relativeWordAt(s, at);
    if (word !== null) return word;
  }
  if (!mayBeDate(s, at)) return null;
  return dateAt(s, at, s.slice(at, at + HEAD));
}

/** 今年…, 去年以来, 近日 …: a relative word at `at`, as readTimeAt reads it, or null. */
function relativeWordAt(s: string, at: number): TimeExpression | null {
  const head = s.slice(at, at + HEAD);
  for (const word of Object.keys(RELATIVE_YEARS)) {
    if (!head.startsWith(word)) continue;
    const rest = readTimeAt(s, at + word.length);
    if (rest && rest.year === null && rest.month !== null && rest.relative === undefined) {
      return {...rest, raw: word + rest.raw, start: at, relative: word};
    }
    let raw = word;
    const suffix = ["以来", "年初", "年底", "上半年", "下半年"].find((x) => head.startsWith(x, word.length));
    if (suffix) raw += suffix;
    return {year: null, month: null, day: null, raw, start: at, end: at + raw.length, relative: word, suffix};
  }
  for (const word of RECENT) {
    if (!head.startsWith(word)) continue;
    return {year: null, month: null, day: null, raw: word, start: at, end: at + word.length, relative: word};
  }
  return null;
}

function dateAt(s: string, at: number, head: string): TimeExpression | null {
  const m = DATE_AT.exec(head);
  if (!m || !m[0]) return null;
  const a = m[1] ? year4(m[1]) : null;
  const b = m[2] ? year4(m[2]) : m[3] ? year4(m[3]) : null;
  const month = m[4] ? smallNumber(m[4]) : null;
  const day = m[5] ? smallNumber(m[5]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (m[4] === undefined && m[5] === undefined && a === null) return null;
  // A bare Chinese numeral before 日 (一日, 十日) is more often a count of days than a date.
  if (month === null && day !== null && a === null && !/^\d/.test(m[5] ?? "")) return null;
  let raw = m[0];
  const suffix = SUFFIXES.find((x) => head.startsWith(x, raw.length));
  if (suffix) raw += suffix;
  const year = b ?? a;
  const out: TimeExpression = {year, month, day, raw, start: at, end: at + raw.length};
  if (b !== null && a !== null) out.fromYear = a;
  if (suffix) out.suffix = suffix;
  return out;
}

/** Words that can open an article as its dateline: dates, 近日/日前/近期, 今年以来, 8月份以来. */
function isDateline(t: TimeExpression): boolean {
  if (t.relative) return RECENT.includes(t.relative) ? t.relative !== "目前" : t.suffix === "以来" || t.month !== null;
  if (t.fromYear !== undefined) return false;
  return t.month !== null || t.day !== null || t.suffix === "以来" || t.start === 0;
}

const CLAUSE_OPENER = charTable(',，;；。！？!?”":：' + SPACE_CHARS, SPACE_RANGES);
const COMMA = charTable(",，");
/** The characters readTimeAt can start on: digits, numerals (廿 too), and the first of its relative words. */
const DATE_START = charTable(
  "0123456789〇零一二三四五六七八九十廿" + [...Object.keys(RELATIVE_YEARS), ...RECENT].map((word) => word[0]).join("")
);
const DIGIT = charTable("0123456789");
/** Whether the character at k (none before 0 or past the end) is in the class. */
const at = (table: Uint8Array, s: string, k: number) => k >= 0 && k < s.length && table[s.charCodeAt(k)] === 1;

/**
 * The dateline of an article: the first date at the start of a clause near the top of its first paragraph
 * (`8月31日下午,`, `15日,`, `近日,`, `8月份以来,`, `2020年以来,`), as printed, with where it was found.
 */
export function findDateline(paragraph: string): TimeExpression | null {
  const s = asciiDigits(paragraph.slice(0, 200));
  for (let i = 0; i < s.length; i++) {
    if (!at(DATE_START, s, i)) continue;
    if (i > 0 && !at(CLAUSE_OPENER, s, i - 1)) continue;
    if (i > 0 && at(COMMA, s, i - 1) && at(DIGIT, s, i - 2)) continue;
    const t = readTimeAt(s, i);
    if (t && isDateline(t)) return {...t, raw: paragraph.slice(t.start, t.end)};
  }
  return null;
}

export interface DateContext {
  /** The page's year (printed or inferred). */
  year: number | null;
  /** The masthead date, when printed. */
  issueDate: string | null;
  /** The month in the source line (本报聊城3月15日讯 → 3), when printed. */
  sourceMonth?: number | null;
}

export interface ResolvedDate {
  date: string | null;
  inferred: boolean;
}

/** A dateline as printed, completed from the page (DATE_INFERENCE_RULES). */
export function resolveDateline(dateline: string | null, context: DateContext): ResolvedDate {
  const issue = parseIso(context.issueDate);
  const fallback: ResolvedDate =
    context.year === null ? {date: null, inferred: false} : {date: String(context.year), inferred: true};
  if (!dateline) return fallback;
  const t = readTimeAt(asciiDigits(dateline), 0);
  if (!t) return fallback;
  if (t.relative) {
    if (RECENT.includes(t.relative)) {
      return issue.year !== null ? {date: isoDate({...issue, day: null}), inferred: true} : fallback;
    }
    if (context.year === null) return {date: null, inferred: false};
    const year = context.year + RELATIVE_YEARS[t.relative];
    return {date: isoDate({year, month: t.month, day: t.day}), inferred: true};
  }
  if (t.year !== null) return {date: isoDate(t), inferred: false};
  let year = issue.year ?? context.year;
  if (year === null) return {date: null, inferred: false};
  let month = t.month;
  const day = t.day;
  if (month !== null) {
    const later =
      issue.month !== null && (month > issue.month || (month === issue.month && (day ?? 0) > (issue.day ?? 31)));
    if (later) year -= 1;
  } else if (day !== null) {
    const sourceMonth = context.sourceMonth ?? null;
    if (sourceMonth !== null) {
      month = sourceMonth;
      if (issue.month !== null && month > issue.month) year -= 1;
    } else if (issue.month !== null) {
      month = issue.month;
      // A day after the issue's day, with only the issue to go by, is last month's.
      if (issue.day !== null && day > issue.day) month -= 1;
      if (month === 0) [month, year] = [12, year - 1];
    }
  }
  if (month === null) return {date: String(year), inferred: true};
  if (day !== null && !validDay(year, month, day)) return {date: isoDate({year, month, day: null}), inferred: true};
  return {date: isoDate({year, month, day}), inferred: true};
}

/** 今年 → the article's year, 去年 → one before, 明年 → one after; null for a word that is not relative. */
export function resolveRelativeYear(word: string, articleDate: string | null): number | null {
  const {year} = parseIso(articleDate);
  const offset = RELATIVE_YEARS[word];
  return year === null || offset === undefined ? null : year + offset;
}

export interface Period extends ResolvedDate {
  raw: string;
  start: number;
  end: number;
  /** First year of a range (2016-2020年 → 2016; `date` is then the last year, 2020). */
  from?: string;
}

/**
 * The period a sentence names for itself, for dating a fact: `2019年,争取…` → 2019; `2016-2020年,…` → 2020 with
 * from 2016; `今年6月份` → the article's year and June; `8月15日` → the article's year. With `at` (an offset in the
 * sentence), the last expression starting before it, else the first. Dates inside 《》 are titles, not periods.
 * `all` is the sentence's timeExpressions, for a caller dating several quantities of one sentence.
 */
export function sentencePeriod(
  sentence: string,
  articleDate: string | null,
  at?: number,
  all: TimeExpression[] = timeExpressions(sentence)
): Period | null {
  if (all.length === 0) return null;
  let chosen: TimeExpression | undefined;
  if (at === undefined) chosen = all[0];
  else {
    // The last expression starting at or before `at` that may date it, found from the end: a binary search, then a
    // step back past each date in passing (rare), so a sentence dense with dates and figures stays linear.
    const clauseStart = clauseStartBefore(sentence, at);
    let [lo, hi] = [0, all.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && !chosen; k--) {
      const t = all[k];
      if (t.end > clauseStart || datesLaterClauses(sentence, t, at)) chosen = t;
    }
  }
  if (!chosen) return null;
  const t = chosen;
  if (t.relative && RECENT.includes(t.relative)) return periodOf(sentence, t, articleDate, true);
  if (t.relative) {
    const year = resolveRelativeYear(t.relative, articleDate);
    return periodOf(sentence, t, year === null ? null : isoDate({year, month: t.month, day: t.day}), true);
  }
  if (t.year !== null) {
    const out = periodOf(sentence, t, isoDate(t), false);
    if (t.fromYear !== undefined) out.from = String(t.fromYear);
    return out;
  }
  const article = parseIso(articleDate);
  if (t.month === null) {
    return periodOf(sentence, t, article.month !== null ? isoDate({...article, day: t.day}) : articleDate, true);
  }
  const year = article.year;
  return periodOf(sentence, t, year === null ? null : isoDate({year, month: t.month, day: t.day}), true);
}

/** A literal, not {...base, …}: a spread with added fields takes V8's slow path, and this runs once per fact. */
function periodOf(sentence: string, t: TimeExpression, date: string | null, inferred: boolean): Period {
  return {raw: sentence.slice(t.start, t.end), start: t.start, end: t.end, date, inferred};
}

const CLAUSE_BOUNDARY = charTable("，,；;：:");
/** A date dates the clauses after it unless it tells when something began or was done (合作社是2016年4月成立的) and
 * a later clause speaks of now (如今已发展社员210户). */
const EVENT_CLAUSE = /^[^，,；;：:]{0,20}?的(?=[，,；;：:])/;
const NOW = /如今|目前|现在|现已|当前|至今/;

function datesLaterClauses(sentence: string, t: TimeExpression, at: number): boolean {
  const before = sentence.charCodeAt(t.start - 1);
  const event = (before === 0x662f || before === 0x4e8e) && EVENT_CLAUSE.test(sentence.slice(t.end, t.end + 24));
  return !(event && NOW.test(sentence.slice(t.end, Math.min(at, t.end + CLAUSE_MAX))));
}

/** How far back a clause is looked for: a longer run without a comma is cut there (keeps the walk bounded). */
const CLAUSE_MAX = 200;

/** Where the clause holding offset `to` starts (just past the last boundary before it). */
function clauseStartBefore(sentence: string, to: number): number {
  for (let k = to - 1; k >= Math.max(0, to - CLAUSE_MAX); k--) if (at(CLAUSE_BOUNDARY, sentence, k)) return k + 1;
  return to > CLAUSE_MAX ? to - CLAUSE_MAX : 0;
}

const [OPEN_TITLE, CLOSE_TITLE] = [..."《》"].map((ch) => ch.charCodeAt(0));
const TIME_START = charTable("0123456789〇零一二三四五六七八九十今本当去上前明后近日连目");
const CN_NUMERAL = charTable("〇零一二三四五六七八九十");
const HAN = charTable("", [[0x4e00, 0x9fff]]);
const DATE_PREPOSITION = charTable("年于在至到从自是");

/** Every date expression in a string, left to right, skipping those inside 《》 titles. */
export function timeExpressions(text: string): TimeExpression[] {
  const s = asciiDigits(text);
  const out: TimeExpression[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN_TITLE) depth++;
    else if (c === CLOSE_TITLE) depth = Math.max(0, depth - 1);
    if (depth > 0 || !at(TIME_START, s, i)) continue;
    if (at(DIGIT, s, i - 1)) continue;
    // 统一月报, 唯一日程: a numeral inside a word is not a date.
    if (at(CN_NUMERAL, s, i) && at(HAN, s, i - 1) && !at(DATE_PREPOSITION, s, i - 1)) continue;
    const t = readTimeAt(s, i);
    if (!t || (t.relative && !(t.relative in RELATIVE_YEARS) && !RECENT.includes(t.relative))) continue;
    if (!t.relative && t.year === null && t.month === null) continue;
    out.push(t);
    i = t.end - 1;
  }
  return out;
}
