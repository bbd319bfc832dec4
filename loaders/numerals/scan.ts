// Numbers in running text, in one forward pass: where numerals start (and where a numeral is part of a word, not a
// number), approximating words around them, ranges, percentages, ordinals.
import * as chars from "../chars.js";
import * as lexicon from "../data/numerals.js";
import * as classes from "./classes.js";
import * as read from "./read.js";
import type {Numeral, ReadOptions} from "./read.js";

// Local bindings: an imported binding is read through a getter when tsx compiles modules to CommonJS, which costs a
// call per character on this path.
const {
  APPROX,
  arabicValue,
  BIG,
  CLASS,
  classAt,
  DIGIT,
  isAsciiLetter,
  isDigitCode,
  NONE,
  POINT,
  skipSpaces,
  SMALL,
  VALUE
} = classes;
const {
  APPROX_AFTER,
  FINANCIAL_COMMON,
  HALF_UNITS,
  NOT_AFTER_CHAR,
  NOT_NUMBERS,
  NOT_TENTHS_AFTER,
  PREFIXES,
  RATIO_WORDS
} = lexicon;
const {readNumeral, tidy} = read;
const {codeAt} = chars;

export {APPROX_AFTER};

// --- Words that contain numerals but are not numbers -----------------------------------------------------------------

/** A NOT_NUMBERS word, with where its first numeral character sits in it. */
interface NotNumber {
  word: string;
  offset: number;
}
/** NOT_NUMBERS by their first numeral character and the character after it (every word goes on after its
 * numeral), longest first: a numeral followed by a character no word has there costs one lookup. */
const notNumberGroup = new Uint8Array(0x10000);
const notNumberNext: Map<number, NotNumber[]>[] = [new Map()];
for (const word of [...NOT_NUMBERS].sort((a, b) => b.length - a.length)) {
  let offset = 0;
  while (offset < word.length && CLASS[word.charCodeAt(offset)] === NONE) offset++;
  if (offset === word.length) offset = 0;
  if (offset === word.length - 1) throw new Error(`NOT_NUMBERS: ${word} ends with its numeral`);
  const numeral = word.charCodeAt(offset);
  if (!notNumberGroup[numeral]) notNumberGroup[numeral] = notNumberNext.push(new Map()) - 1;
  const byNext = notNumberNext[notNumberGroup[numeral]];
  const next = word.charCodeAt(offset + 1);
  const list = byNext.get(next) ?? [];
  list.push({word, offset});
  byNext.set(next, list);
}
const notAfterChar = new Map(
  Object.entries(NOT_AFTER_CHAR).map(([numeral, before]) => [numeral.charCodeAt(0), before])
);
const FINANCIAL_COMMON_CHARS = chars.charTable(FINANCIAL_COMMON);

/** Whether `word` is written at `at` (code by code: no substring, no builtin call). */
function wordAt(text: string, at: number, word: string): boolean {
  if (at < 0) return false;
  for (let q = 0; q < word.length; q++) if (codeAt(text, at + q) !== word.charCodeAt(q)) return false;
  return true;
}

/** Length of the rest of a not-a-number word from i (0 if none), or 1 when the numeral at i is the tail of one. */
export function notNumberAt(text: string, i: number): number {
  const c = codeAt(text, i);
  const group = notNumberGroup[c];
  if (group) {
    const list = notNumberNext[group].get(codeAt(text, i + 1));
    if (list) {
      for (let k = 0; k < list.length; k++) {
        const {word, offset} = list[k];
        if (wordAt(text, i - offset, word)) return word.length - offset;
      }
    }
  }
  const before = notAfterChar.get(c);
  if (before && i > 0 && before.includes(text[i - 1])) return 1;
  // Financial digits that are common characters elsewhere (入伍, 陆地, 拾取, 放肆) count only beside other numerals.
  if (
    FINANCIAL_COMMON_CHARS[c] === 1 &&
    classAt(text, skipSpaces(text, i + 1)) === NONE &&
    classAt(text, i - 1) === NONE
  )
    return 1;
  return 0;
}

// --- Numbers -----------------------------------------------------------------------------------------------------

export interface NumberMention {
  /** Where the numeral (or 第, or 百分之) starts; an approximating word before it (约, 近, 超过) is not included. */
  start: number;
  /** End of the numeral as Recognizers-Text spans it (a trailing 余/多 with nothing after it left out). */
  end: number;
  /** Where a unit may start: after any trailing 余/多. */
  unitAt: number;
  /** Where the unit as written starts when a 万/亿 run belongs to it (`万元`), else unitAt. */
  unitFrom: number;
  value: number;
  valueMax: number | null;
  approx: boolean;
  /** 七八, 三四百: an estimate given as two adjacent digits. */
  pair: boolean;
  /** 3至5, 20—30万: an explicit range. */
  range: boolean;
  type: "number" | "percent" | "ordinal";
  /** How a percentage or fraction is written: `%`, `百分之`, `千分之`, `万分之`, `个百分点`, `成`, `折`, `分之`. */
  notation: string;
  /** Of the first numeral: its single Chinese digit, its Arabic digits, whether it has Chinese numerals. */
  lone: string;
  arabic: string;
  chinese: boolean;
}

export type ScanMode = "number" | "quantity";

const RANGE_MARKS = "至到-—–~～〜－―";
const RANGE_MARK_CHARS = chars.charTable(RANGE_MARKS);
const PERCENT_PREFIX: Readonly<Record<string, number>> = {百: 1, 佰: 1, 千: 0.1, 仟: 0.1, 万: 0.01, 萬: 0.01};

/** The end of `word` at k, letting up to four spaces sit between its characters (`个 百 分点`), or -1. */
function spacedWord(text: string, k: number, word: string): number {
  let at = k;
  for (let q = 0; q < word.length; q++) {
    if (q > 0) at = skipSpaces(text, at);
    const ch = text[at];
    const want = word[q];
    if (ch !== want && !(want === "个" && ch === "個") && !(want === "点" && ch === "點")) return -1;
    at++;
  }
  return at;
}

interface Prefix {
  approx: boolean;
  /** Only before a bare 百/千/万 (上百, 过千). */
  bareOnly: boolean;
}

const PREFIX_ENDS = chars.charTable(PREFIXES.map(([word]) => word[word.length - 1]).join(""));

/** An approximating word right before i: 约三百元, 近百人, 超过1/2, 上万元. Bounded look-back. */
export function prefixBefore(text: string, i: number): Prefix | null {
  if (i === 0 || PREFIX_ENDS[codeAt(text, i - 1)] !== 1) return null;
  for (const [word, notAfter, bareOnly] of PREFIXES) {
    const at = i - word.length;
    if (at < 0 || !text.startsWith(word, at)) continue;
    if (notAfter && at > 0 && notAfter.includes(text[at - 1])) return null;
    // 占比过20: after a ratio word 过 reads as "over" even before digits.
    const ratio = word === "过" && at > 0 && RATIO_WORDS.includes(text[at - 1]);
    return {approx: true, bareOnly: bareOnly && !ratio};
  }
  return null;
}

const isNumeralStart = (c: number) => CLASS[c] !== NONE && CLASS[c] !== APPROX && CLASS[c] !== POINT;

function mention(num: Numeral, patch: Partial<NumberMention> = {}): NumberMention {
  return {
    start: num.start,
    end: num.end,
    unitAt: num.approxEnd,
    unitFrom: num.multStart,
    value: num.value,
    valueMax: num.valueMax,
    approx: num.approx,
    pair: num.pair,
    range: false,
    type: "number",
    notation: num.fraction ? "分之" : "",
    lone: num.lone,
    arabic: num.arabic,
    chinese: num.chinese,
    ...patch
  };
}

/** A second numeral after a range mark (3至5, 20—30万, 一到五): the merged mention, or null. */
function rangeAfter(text: string, first: Numeral, opts: ReadOptions, wide: boolean): NumberMention | null {
  let k = first.approxEnd;
  if (wide) k = skipSpaces(text, k);
  if (k >= text.length || RANGE_MARK_CHARS[codeAt(text, k)] !== 1) return null;
  let m = k + 1;
  if (wide) m = skipSpaces(text, m);
  if (!isNumeralStart(codeAt(text, m))) return null;
  const second = readNumeral(text, m, {...opts, wide, bare: false});
  if (!second || second.fraction || first.fraction) return null;
  let low = first.value;
  // 20—30万元: the multiplier written once belongs to both ends.
  if (first.mult === 1 && second.mult > 1 && low * second.mult <= second.value) low *= second.mult;
  const high = second.valueMax ?? second.value;
  if (!(low < high)) return null;
  return mention(first, {
    end: second.end,
    unitAt: second.approxEnd,
    unitFrom: second.multStart,
    value: tidy(low),
    valueMax: tidy(high),
    approx: first.approx || second.approx,
    range: true
  });
}

const [NEGATIVE, NEGATIVE_TRADITIONAL, ORDINAL, HALF] = [..."负負第半"].map((ch) => ch.charCodeAt(0));
/** Where a number can start when scanning for every number (mode "number"): -3, －3, .5, 对折. */
const WIDE_STARTS = [..."-－.对對"].map((ch) => ch.charCodeAt(0));
// Where a number can start, by code unit: 1 where it can, 2 where it can if a numeral follows (负3), 0 elsewhere, so
// that the scan passes over most of a text with one table read per character.
const [ANYWAY, BEFORE_NUMERAL] = [1, 2];
const QUANTITY_STARTS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isNumeralStart(c)) QUANTITY_STARTS[c] = ANYWAY;
QUANTITY_STARTS[ORDINAL] = QUANTITY_STARTS[HALF] = ANYWAY;
QUANTITY_STARTS[NEGATIVE] = QUANTITY_STARTS[NEGATIVE_TRADITIONAL] = BEFORE_NUMERAL;
const NUMBER_STARTS = QUANTITY_STARTS.slice();
for (const c of WIDE_STARTS) NUMBER_STARTS[c] = ANYWAY;

/**
 * Every number in a text, one forward pass: numerals with their approximation and ranges, percentages (`10%`,
 * `百分之八十`, `八成`, `3个百分点`) and, in number mode, ordinals (`第三`) and Recognizers-Text's wider syntax.
 * "quantity" mode is the reading scanQuantities builds on: no exponents or k/M suffixes, no discounts (折).
 */
export function scanNumbers(text: string, mode: ScanMode = "number"): NumberMention[] {
  const starts = mode === "number" ? NUMBER_STARTS : QUANTITY_STARTS;
  const out: NumberMention[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // By code unit: a one-character string per position of a Chinese text would be an allocation each.
    // i < n: charCodeAt itself, no call, on the one per-character path.
    const start = starts[text.charCodeAt(i)];
    if (start === 0 || (start === BEFORE_NUMERAL && !isNumeralStart(codeAt(text, i + 1)))) {
      i++;
      continue;
    }
    const skip = notNumberAt(text, i);
    if (skip) {
      i += skip;
      continue;
    }
    const found = mentionAt(text, i, mode);
    if (found) {
      out.push(found);
      i = Math.max(found.end, found.unitAt, i + 1);
    } else i++;
  }
  return out;
}

const [ORDINAL_MARK, TO_HALVE, TO_HALVE_TRADITIONAL, HUNDRED, TENTHS, DISCOUNT, DASH, WIDE_DASH, DOT] = [
  ..."第对對百成折-－."
].map((ch) => ch.charCodeAt(0));
const PERCENT_SCALE = new Map(Object.entries(PERCENT_PREFIX).map(([ch, scale]) => [ch.charCodeAt(0), scale]));

function mentionAt(text: string, i: number, mode: ScanMode): NumberMention | null {
  const wide = mode === "number";
  const c = codeAt(text, i);
  const prevCode = i > 0 ? codeAt(text, i - 1) : 0;

  if (c === ORDINAL_MARK) {
    const at = skipSpaces(text, i + 1);
    if (!isNumeralStart(codeAt(text, at))) return null;
    const num = readNumeral(text, at, {});
    return num ? mention(num, {start: i, type: "ordinal"}) : null;
  }
  if ((c === TO_HALVE || c === TO_HALVE_TRADITIONAL) && text[i + 1] === "折") {
    return i > 0 && text[i - 1] === "打" ? percent(i, i + 2, 50, "折") : null;
  }
  if (c === HALF) {
    const next = codeAt(text, i + 1);
    if (next === HUNDRED) return {...percent(i, i + 2, 50, ""), type: "number"};
    if (next === TENTHS) return percent(i, i + 2, 5, "成");
    if (wide && next === DISCOUNT) return percent(i, i + 2, 50, "折");
    if (halfUnit(text, i + 1)) return {...percent(i, i + 1, 0.5, ""), type: "number", unitAt: i + 1, unitFrom: i + 1};
    return null;
  }
  if (
    (c === DASH || c === WIDE_DASH || c === DOT) &&
    (isDigitCode(prevCode) || isAsciiLetter(prevCode) || prevCode === 46)
  )
    return null;

  // 百分之八十, 千分之五, 万分之三
  const scale = PERCENT_SCALE.get(c);
  if (scale !== undefined) {
    const ch = text[i];
    const after = spacedWord(text, skipSpaces(text, i + 1), "分之");
    if (after > 0) {
      const at = skipSpaces(text, after);
      if (text[at] === "百" || text[at] === "佰") {
        if (classAt(text, at + 1) === NONE) return percent(i, at + 1, 100 * scale, notationOf(ch));
      }
      const num = readNumeral(text, at, {wide, bare: false});
      if (!num) return null;
      return mention(num, {
        approx: num.approx || prefixBefore(text, i) !== null || approxAfter(text, num.approxEnd),
        start: i,
        value: tidy(num.value * scale),
        valueMax: num.valueMax === null ? null : tidy(num.valueMax * scale),
        type: "percent",
        notation: notationOf(ch),
        lone: "",
        unitAt: num.approxEnd,
        unitFrom: num.approxEnd
      });
    }
  }

  const prefix = prefixBefore(text, i);
  const bareStart = CLASS[c] === SMALL || CLASS[c] === BIG;
  const num = readNumeral(text, i, readOptions(wide, prefix !== null));
  if (!num) return null;
  if (wide && isDigitCode(prevCode) && (c === DASH || c === WIDE_DASH)) return null;
  // 上 and 过 before digits are verbs (上3个台阶): the number is read plainly.
  const approxByPrefix = prefix !== null && (!prefix.bareOnly || bareStart);
  const ranged = rangeAfter(text, num, readOptions(wide, false), wide);
  const m = ranged ?? mention(num);
  // m is this call's own object: set in place, its fields keep their order.
  if (approxByPrefix || approxAfter(text, m.unitAt)) m.approx = true;
  if (!wide) return m;

  // Number mode: percentages and discounts written after the numeral, and dozens.
  const k = m.unitAt;
  const sym = text[k];
  if (sym === "%" || sym === "％") return {...m, end: k + 1, unitAt: k + 1, type: "percent", notation: "%"};
  if (sym === "‰") return {...m, end: k + 1, value: tidy(m.value / 10), type: "percent", notation: "‰"};
  const points = spacedWord(text, skipSpaces(text, m.end), "个百分点");
  if (points > 0) return {...m, end: points, unitAt: points, type: "percent", notation: "个百分点"};
  const markAt = skipSpaces(text, m.end);
  const mark = text[markAt];
  if (mark === "成" && m.value > 0 && m.value <= 10 && !m.range) {
    let v = m.value;
    let e = markAt + 1;
    if (text[e] === "半") {
      v += 0.5;
      e++;
    } else {
      const d = skipSpaces(text, e);
      const dc = codeAt(text, d);
      if (d > e && (CLASS[dc] === DIGIT || isDigitCode(dc)) && classAt(text, d + 1) === NONE) {
        v += (CLASS[dc] === DIGIT ? VALUE[dc] : arabicValue(dc)) / 10;
        e = d + 1;
      }
    }
    if (!NOT_TENTHS_AFTER.includes(text[e] ?? "_") || e > markAt + 1)
      return {
        ...m,
        end: e,
        unitAt: e,
        value: tidy(v * 10),
        valueMax: m.valueMax && tidy(m.valueMax * 10),
        type: "percent",
        notation: "成"
      };
  }
  if (mark === "折" && !m.range && m.value > 0 && m.value < 100 && m.value !== 10) {
    const v = m.value < 10 ? m.value * 10 : m.value;
    return {...m, end: markAt + 1, unitAt: markAt + 1, value: tidy(v), type: "percent", notation: "折"};
  }
  if (text[m.end] === "打" && num.chinese && !m.range) {
    return {...m, end: m.end + 1, unitAt: m.end + 1, value: m.value * 12};
  }
  return m;
}

/** The options mentionAt reads a numeral with, made once: an object per call would be an allocation per number. */
const READ_OPTIONS: ReadOptions[] = [false, true].flatMap((wide) =>
  [false, true].map((bare) => Object.freeze({wide, fractions: true, bare}))
);
const readOptions = (wide: boolean, bare: boolean) => READ_OPTIONS[(wide ? 2 : 0) + (bare ? 1 : 0)];

const APPROX_AFTER_FIRST = chars.charTable(APPROX_AFTER.map((word) => word[0]).join(""));

/** 以上, 左右 … right after a number: 五百以上, 100人左右 (the unit is checked by scanQuantities). */
function approxAfter(text: string, at: number): boolean {
  return APPROX_AFTER_FIRST[codeAt(text, at)] === 1 && APPROX_AFTER.some((w) => text.startsWith(w, at));
}

function notationOf(ch: string): string {
  return ch === "百" || ch === "佰" ? "百分之" : ch === "千" || ch === "仟" ? "千分之" : "万分之";
}

function percent(start: number, end: number, value: number, notation: string): NumberMention {
  return {
    start,
    end,
    unitAt: end,
    unitFrom: end,
    value,
    valueMax: null,
    approx: false,
    pair: false,
    range: false,
    type: "percent",
    notation,
    lone: "",
    arabic: "",
    chinese: true
  };
}

/** 半斤, 半亩: 半 before a weight, area or money unit is 0.5 of it. */
function halfUnit(text: string, at: number): boolean {
  return HALF_UNITS.some((u) => text.startsWith(u, at));
}
