// Chinese and Arabic numerals, read in one forward pass.
// No npm library reads Chinese quantities with approximation, ranges and units at news-scan speed (Recognizers-Text's
// JavaScript build reads about 27,000 characters a second; cn2an is Python and reads whole strings only), so this is a
// hand-written, table-driven reader over UTF-16 code units: every character is looked at a bounded number of times,
// nothing backtracks, and a megabyte of digits is one token.

const NONE = 0;
const ARABIC = 1; // 0-9, ０-９
const DIGIT = 2; // 一 … 九, 两, 壹 … 玖
const ZERO = 3; // 零 〇 ○
const SMALL = 4; // 十 百 千
const BIG = 5; // 万 亿 兆
const POINT = 6; // 点
const APPROX = 7; // 余 多 来
const FEW = 8; // 几
const SOME = 9; // 数 (数十, 数百)
const TENS = 10; // 廿 卅 卌

const CLASS = new Uint8Array(65536);
const VALUE = new Float64Array(65536);
function define(chars: string, cls: number, values: number | number[]): void {
  [...chars].forEach((ch, k) => {
    CLASS[ch.charCodeAt(0)] = cls;
    VALUE[ch.charCodeAt(0)] = typeof values === "number" ? values : values[k];
  });
}
define("0123456789", ARABIC, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
define("０１２３４５６７８９", ARABIC, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
define("一二两兩倆三四五六七八九幺", DIGIT, [1, 2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
define("壹贰貳弍叁參肆伍陆陸柒捌玖", DIGIT, [1, 2, 2, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9]);
define("零〇○", ZERO, 0);
define("十拾", SMALL, 10);
define("百佰", SMALL, 100);
define("千仟", SMALL, 1000);
define("万萬", BIG, 1e4);
define("亿億", BIG, 1e8);
define("兆", BIG, 1e12);
define("点點", POINT, 0);
define("余餘多来來", APPROX, 0);
define("几幾", FEW, 0);
define("数數", SOME, 0);
define("廿卅卌", TENS, [20, 30, 40]);

/** The class of the character at k; NONE past either end. */
const classAt = (text: string, k: number) => (k >= 0 && k < text.length ? CLASS[text.charCodeAt(k)] : NONE);
const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigitCode = (c: number) => CLASS[c] === ARABIC;
const isCjkDigit = (c: number) => CLASS[c] === DIGIT || CLASS[c] === ZERO;
const arabicValue = (c: number) => (c >= 0xff10 ? c - 0xff10 : c - 48);

/** Skip at most four spaces: Recognizers-Text's cases space numerals out (`一百 五 十 二`); a longer gap ends one. */
function skipSpaces(text: string, j: number): number {
  let k = j;
  while (k < text.length && k - j < 4 && isSpace(text.charCodeAt(k))) k++;
  return k;
}

/** Round away binary noise (83.66 × 10000 = 836600.0000000001) without touching exact integers. */
export function tidy(x: number): number {
  return Number.isInteger(x) || !Number.isFinite(x) ? x : Number(x.toPrecision(14));
}

export interface Numeral {
  start: number;
  /** End of the numeral proper (exclusive); a trailing 余/多 with nothing after it is left out, as in `四百多` → `四百`. */
  end: number;
  /** End including that trailing 余/多: where a unit may start. */
  approxEnd: number;
  value: number;
  /** Upper bound for 七八, 三四百 (the larger reading) and 几十, 十几万 (the open interval's upper end), else null. */
  valueMax: number | null;
  /** 余, 多, 来, 几, 数 or an adjacent pair of digits. */
  approx: boolean;
  /** 七八, 三四百: two adjacent digits. */
  pair: boolean;
  /** Contains Chinese numeral characters. */
  chinese: boolean;
  /** The character when the numeral is a single Chinese digit (一, 二, 两 …), else "". */
  lone: string;
  /** Integer digits when the numeral is one Arabic token (`0635`, `1,064`), else "". */
  arabic: string;
  /** The trailing run of 万/亿 (and 千 right after Arabic digits) that ends at approxEnd: where a unit as written
   * (`万元`) starts, and the product of the run. multStart = approxEnd and mult = 1 when there is none. */
  multStart: number;
  mult: number;
  fraction: boolean;
}

export interface ReadOptions {
  /** Allow a bare 百/千/万/亿 (`近百人`, `上万元`). */
  bare?: boolean;
  /** Recognizers-Text's wider number syntax: `-5`, `2e5`, `2^5`, `40k`, `1 3/5`, `一打`. */
  wide?: boolean;
  /** Read `三分之一` and `又`. */
  fractions?: boolean;
}

// Units that begin with 千 or 兆: after Arabic digits `12千米` is 12 km, not 12000 m.
const PREFIXED_UNITS = ["千克", "千米", "千瓦", "千卡", "千焦", "千字节", "兆瓦", "兆字节", "兆赫", "兆帕"];
const startsPrefixedUnit = (text: string, j: number) => PREFIXED_UNITS.some((u) => text.startsWith(u, j));

const PAIRS = new Set(["1,2", "2,3", "3,4", "4,5", "5,6", "6,7", "7,8", "8,9", "3,5"]);

interface Arabic {
  end: number;
  value: number;
  int: string;
  decimal: boolean;
}

/** text[from, to) with full-width digits made ASCII. (Module-level: tsx names every closure made in a call, which
 * costs a property definition per call on this per-number path.) */
function asciiPart(text: string, from: number, to: number, full: boolean): string {
  const part = text.slice(from, to);
  return full ? part.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)) : part;
}

const isSlash = (text: string, at: number) => text[at] === "/" || text[at] === "／";

/** An Arabic number at j: digits, thousands groups (`1,064`; `，` only between full-width digits), a decimal part. */
function readArabic(text: string, j: number): Arabic | null {
  const n = text.length;
  let k = j;
  let full = false;
  while (k < n && isDigitCode(text.charCodeAt(k))) {
    if (text.charCodeAt(k) >= 0xff10) full = true;
    k++;
  }
  let s = asciiPart(text, j, k, full);
  for (;;) {
    const c = text.charCodeAt(k);
    if (!(s && (c === 44 || (c === 0xff0c && full)))) break;
    let m = k + 1;
    while (m < n && m - k <= 4 && isDigitCode(text.charCodeAt(m))) m++;
    if (m - k !== 4) break;
    s += asciiPart(text, k + 1, m, full);
    k = m;
  }
  const int = s;
  let decimal = false;
  const dot = text.charCodeAt(k);
  if ((dot === 46 || dot === 0xff0e) && isDigitCode(text.charCodeAt(k + 1))) {
    decimal = true;
    const from = ++k;
    while (k < n && isDigitCode(text.charCodeAt(k))) k++;
    if (text.charCodeAt(from) >= 0xff10 || text.charCodeAt(k - 1) >= 0xff10) full = true;
    s += "." + asciiPart(text, from, k, full);
  }
  if (!s) return null;
  return {end: k, value: s.length > 400 ? Infinity : Number(s), int, decimal};
}

/** Chinese decimal digits after 点 (`五五四四`, or Arabic `123` as cn2an allows): the fraction, or null. */
function readDecimals(text: string, j: number): {end: number; value: number} | null {
  let k = j;
  let s = "0.";
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (isCjkDigit(c) && c !== 0x4e24 && c !== 0x5169 && c !== 0x5006) s += String(VALUE[c]);
    else if (isDigitCode(c)) s += String(arabicValue(c));
    else break;
    k++;
  }
  return k === j ? null : {end: k, value: Number(s)};
}

/**
 * Read the longest numeral starting at i, or null when none starts there. Values are exact for integers up to 2^53.
 * 几 and 数 give an open interval: `几十` → 10 … 100, `十几万` → 100000 … 200000 (the value is the lower end).
 */
export function readNumeral(text: string, i: number, opts: ReadOptions = {}): Numeral | null {
  const n = text.length;
  let j = i;
  let sign = 1;
  const c0 = text.charCodeAt(j);
  if (c0 === 0x8d1f || c0 === 0x8ca0) {
    sign = -1;
    j = skipSpaces(text, j + 1);
  } else if (opts.wide && (c0 === 45 || c0 === 0xff0d || c0 === 0x2212)) {
    sign = -1;
    j++;
  } else if (text.startsWith("零下", j) && classAt(text, j + 2) !== NONE) {
    sign = -1;
    j += 2;
  }
  const first = j;

  let loTotal = 0;
  let hiTotal = 0;
  let loSec = 0;
  let hiSec = 0;
  let pending = false;
  let pLo = 0;
  let pHi = 0;
  let pendingDigitAt = -1; // where a single Chinese digit was read (for 一万三 and the trailing 两)
  let lastBig = 0;
  let lastSmall = 0;
  let lastUnit = 0;
  let zeroGap = false;
  let decimalDone = false;
  let consumed = false;
  let prev = NONE;
  let end = j;
  let approx = false;
  let marked = false; // a 余/多/来 has been read
  let approxEnd = -1;
  let pair = false;
  let chinese = false;
  let lone = "";
  let arabicInt = "";
  let arabicTokens = 0;
  let cjkTokens = 0;
  let multStart = -1;
  let multEnd = -1;
  let mult = 1;
  let sequence: {value: number; end: number} | null = null;
  // State is plain locals updated inline: helper closures over it made every call 25 times slower.

  while (j < n) {
    let k = j;
    let c = text.charCodeAt(k);
    if (consumed && isSpace(c)) {
      k = skipSpaces(text, j);
      c = text.charCodeAt(k);
      const cls = CLASS[c];
      const prevUnit = prev === SMALL || prev === BIG;
      const ok =
        cls === SMALL ||
        cls === BIG ||
        cls === TENS ||
        (cls === POINT && chinese) ||
        (cls === APPROX && chinese) ||
        (prevUnit && (cls === DIGIT || cls === ZERO || cls === FEW || cls === ARABIC));
      if (!ok) break;
    }
    const cls = opts.wide && !consumed && c === 46 && isDigitCode(text.charCodeAt(k + 1)) ? ARABIC : CLASS[c];
    if (cls === ARABIC) {
      if (consumed && !(prev === SMALL || prev === BIG || prev === ZERO)) break;
      if (decimalDone) break;
      const a = readArabic(text, k);
      if (!a) break;
      if (!consumed) arabicInt = a.int;
      arabicTokens++;
      pending = true;
      pLo = pHi = a.value;
      pendingDigitAt = -1;
      if (a.decimal) decimalDone = true;
      j = end = a.end;
      prev = ARABIC;
      consumed = true;
      continue;
    }
    if (cls === DIGIT || cls === ZERO) {
      if (pending || decimalDone) break;
      // Only the next two characters decide how a run of digits is read; the run's end is looked for only when it is
      // read whole, digit by digit (and then consumed), so a flood of digits is never walked from each position.
      const two = isCjkDigit(text.charCodeAt(k + 1));
      const three = two && isCjkDigit(text.charCodeAt(k + 2));
      const d1 = VALUE[c];
      const d2 = VALUE[text.charCodeAt(k + 1)];
      const isPair = two && !three && cls === DIGIT && PAIRS.has(`${d1},${d2}`) && classAt(text, k + 2) !== POINT;
      // Beyond 一两 and 两三, 两 is never a digit in a run (两两, 二两 = 2 liang): such a run is read digit by digit.
      const len = !two || (!isPair && (text[k] === "两" || text[k + 1] === "两")) ? 1 : 2;
      if (len >= 2) {
        if (isPair) {
          pending = true;
          pLo = d1;
          pHi = d2;
          pendingDigitAt = k;
          pair = true;
          approx = true;
          chinese = true;
          cjkTokens += 2;
          j = end = k + 2;
          prev = DIGIT;
          consumed = true;
          continue;
        }
        if (consumed) {
          if (cls === ZERO) {
            zeroGap = true;
            j = end = k + 1;
            prev = ZERO;
            continue;
          }
          break;
        }
        // 一七二零, 二〇〇二: digit by digit, then perhaps 点 and more digits, and nothing else.
        let run = k + 2;
        while (run < n && isCjkDigit(text.charCodeAt(run))) run++;
        let s = "";
        for (let q = k; q < run && q - k <= 400; q++) s += String(VALUE[text.charCodeAt(q)]);
        let e = run;
        let v = run - k > 400 ? Infinity : Number(s);
        if (classAt(text, run) === POINT) {
          const d = readDecimals(text, run + 1);
          if (d) {
            v += d.value;
            e = d.end;
          }
        }
        sequence = {value: v, end: e};
        chinese = true;
        consumed = true;
        end = e;
        break;
      }
      chinese = true;
      if (cls === ZERO) {
        if (!consumed && classAt(text, k + 1) !== SMALL) {
          pending = true;
          pLo = pHi = 0;
        } else zeroGap = true;
        pendingDigitAt = -1;
      } else {
        pending = true;
        pLo = pHi = VALUE[c];
        pendingDigitAt = k;
        if (!consumed) lone = text[k];
      }
      cjkTokens++;
      j = end = k + 1;
      prev = cls;
      consumed = true;
      continue;
    }
    if (cls === SMALL || cls === TENS) {
      const u = cls === TENS ? 10 : VALUE[c];
      if (decimalDone || (lastSmall && u >= lastSmall)) break;
      if (u === 1000 && arabicTokens > 0 && cjkTokens === 0 && startsPrefixedUnit(text, k)) break;
      let d = 1;
      if (cls === TENS) {
        if (pending) break;
        d = VALUE[c] / 10;
      } else if (pending) {
        d = pLo;
      } else if (!consumed && u > 10 && !opts.bare) {
        const next = classAt(text, k + 1);
        if (!(next === DIGIT || next === APPROX)) return null;
      }
      const dHi = pending && cls !== TENS ? pHi : d;
      loSec += d * u;
      hiSec += dHi * u;
      pending = false;
      pendingDigitAt = -1;
      lastSmall = u;
      lastUnit = u;
      zeroGap = false;
      chinese = true;
      cjkTokens++;
      if (arabicTokens === 1 && cjkTokens === 1 && u === 1000) {
        multStart = k;
        mult = u;
        multEnd = k + 1;
      }
      j = end = k + 1;
      prev = SMALL;
      consumed = true;
      continue;
    }
    if (cls === BIG) {
      const U = VALUE[c];
      if (U === 1e12 && startsPrefixedUnit(text, k)) break;
      if (!consumed && !opts.bare && classAt(text, k + 1) !== APPROX) return null;
      let vLo = loSec + (pending ? pLo : 0);
      let vHi = hiSec + (pending ? pHi : 0);
      if (!consumed) vLo = vHi = 1;
      if (vLo === 0 && vHi === 0 && loTotal > 0) {
        loTotal *= U;
        hiTotal *= U;
      } else if (U > lastBig) {
        loTotal = (loTotal + vLo) * U;
        hiTotal = (hiTotal + vHi) * U;
        lastBig = U;
      } else {
        loTotal += vLo * U;
        hiTotal += vHi * U;
      }
      loSec = hiSec = 0;
      pending = false;
      pendingDigitAt = -1;
      lastSmall = 0;
      lastUnit = U;
      zeroGap = false;
      chinese = true;
      cjkTokens++;
      if (multEnd === k) mult *= U;
      else {
        multStart = k;
        mult = U;
      }
      multEnd = k + 1;
      j = end = k + 1;
      prev = BIG;
      consumed = true;
      continue;
    }
    if (cls === POINT) {
      if (!consumed || decimalDone || prev === POINT || (arabicTokens > 0 && cjkTokens === 0)) break;
      const d = readDecimals(text, skipSpaces(text, k + 1));
      if (!d) break;
      // 三点二十 is a time of day, not 3.2.
      const after = classAt(text, d.end);
      if (after === SMALL || after === TENS) break;
      if (pending && pendingDigitAt >= 0 && lastUnit >= 100 && !zeroGap) {
        // 一万三 = 13000, 两千四百五 = 2450: a last digit right after a unit counts in the next place down.
        pLo *= lastUnit / 10;
        pHi *= lastUnit / 10;
      }
      const lo = (pending ? pLo : 0) + d.value;
      const hi = (pending ? pHi : 0) + d.value;
      pending = true;
      pLo = lo;
      pHi = hi;
      pendingDigitAt = -1;
      decimalDone = true;
      lastSmall = 1;
      j = end = d.end;
      prev = POINT;
      consumed = true;
      continue;
    }
    if (cls === APPROX) {
      if (!consumed || marked || prev === POINT) break;
      marked = true;
      if ((c === 0x6765 || c === 0x4f86) && !(prev === SMALL || prev === BIG) && !(prev === ARABIC && pLo % 10 === 0))
        break;
      const next = skipSpaces(text, k + 1);
      approx = true;
      if (classAt(text, next) === BIG) {
        j = next;
        continue;
      }
      approxEnd = k + 1;
      break;
    }
    if (cls === FEW || cls === SOME) {
      if (pending) break;
      const next = classAt(text, k + 1);
      if (!consumed) {
        if (!(next === SMALL || next === BIG)) return null;
        pending = true;
        pLo = 1;
        pHi = 10;
      } else {
        if (cls === SOME) break;
        pending = true;
        pLo = 0;
        pHi = 10;
      }
      pendingDigitAt = -1;
      approx = true;
      chinese = true;
      cjkTokens++;
      j = end = k + 1;
      prev = cls;
      consumed = true;
      continue;
    }
    break;
  }
  if (!consumed) return null;

  let lo: number;
  let hi: number;
  if (sequence) {
    lo = hi = sequence.value;
  } else {
    // 两 ends a numeral only before a unit (两千); after one (两万两, 三千两百两) it is the weight 两.
    const two = text[pendingDigitAt] === "两" || text[pendingDigitAt] === "兩";
    if (pending && pendingDigitAt >= 0 && lastUnit > 0 && two) {
      pending = false;
      end = pendingDigitAt;
      approxEnd = -1;
    }
    if (pending && pendingDigitAt >= 0 && lastUnit >= 100 && !zeroGap) {
      pLo *= lastUnit / 10;
      pHi *= lastUnit / 10;
    }
    lo = loTotal + loSec + (pending ? pLo : 0);
    hi = hiTotal + hiSec + (pending ? pHi : 0);
    if (end === first) return null;
  }
  if (approxEnd < 0) approxEnd = end;
  if (multEnd !== approxEnd) {
    multStart = approxEnd;
    mult = 1;
  }
  let result: Numeral = {
    start: i,
    end,
    approxEnd,
    value: tidy(sign * lo),
    valueMax: hi !== lo ? tidy(sign * hi) : null,
    approx,
    pair,
    chinese,
    lone: cjkTokens === 1 && !sequence && end - first === 1 && lone ? lone : "",
    arabic: arabicTokens === 1 && cjkTokens === 0 ? arabicInt : "",
    multStart,
    mult,
    fraction: false
  };
  if (opts.wide && result.arabic && !approx) result = widen(text, result, sign);
  if (opts.fractions && !approx) result = fractionOf(text, result, opts);
  return result;
}

/** `五分之一`, `三百五又三分之一`, and in wide mode `3/5`, `1 3/5`. */
function fractionOf(text: string, num: Numeral, opts: ReadOptions): Numeral {
  let k = skipSpaces(text, num.end);
  if (text[k] === "分") {
    k = skipSpaces(text, k + 1);
    if (text[k] === "之" && Number.isInteger(num.value) && num.value !== 0 && num.valueMax === null) {
      const top = readNumeral(text, skipSpaces(text, k + 1), {wide: opts.wide, bare: false});
      if (top && !top.approx && top.valueMax === null) {
        const value = tidy(top.value / num.value);
        return {...num, end: top.end, approxEnd: top.end, value, multStart: top.end, mult: 1, fraction: true};
      }
    }
    return num;
  }
  if (text[k] === "又") {
    const rest = readNumeral(text, skipSpaces(text, k + 1), {...opts, bare: false});
    if (rest?.fraction && rest.value >= 0) {
      const value = tidy(num.value + Math.sign(num.value || 1) * rest.value);
      return {...rest, start: num.start, value, chinese: num.chinese || rest.chinese, lone: "", arabic: ""};
    }
    return num;
  }
  if (opts.wide && num.arabic && !num.arabic.includes(".")) {
    if (isSlash(text, num.end) && isDigitCode(text.charCodeAt(num.end + 1))) {
      const b = readArabic(text, num.end + 1);
      if (b && b.value !== 0) {
        const value = tidy(num.value / b.value);
        return {...num, end: b.end, approxEnd: b.end, multStart: b.end, value, fraction: true, arabic: ""};
      }
    }
    // 1 3/5: a whole number, one space, a fraction.
    if (isSpace(text.charCodeAt(num.end)) && isDigitCode(text.charCodeAt(num.end + 1))) {
      const a = readArabic(text, num.end + 1);
      if (a && !a.decimal && isSlash(text, a.end) && isDigitCode(text.charCodeAt(a.end + 1))) {
        const b = readArabic(text, a.end + 1);
        if (b && b.value !== 0) {
          const value = tidy(num.value + Math.sign(num.value || 1) * (a.value / b.value));
          return {...num, end: b.end, approxEnd: b.end, multStart: b.end, value, fraction: true, arabic: ""};
        }
      }
    }
  }
  return num;
}

/** Recognizers-Text's wider syntax after an Arabic number: exponents (`2e5`, `2^-1`) and k/M suffixes (`40k`). */
function widen(text: string, num: Numeral, sign: number): Numeral {
  let k = num.end;
  const c = text[k];
  const magnitude = Math.abs(num.value);
  if (c === "e" || c === "E") {
    let m = k + 1;
    let s = 1;
    if (text[m] === "+") m++;
    else if (text[m] === "-" || text[m] === "－") {
      s = -1;
      m++;
    }
    const e = readArabic(text, m);
    if (e && !e.decimal && !isAsciiLetter(text.charCodeAt(e.end))) {
      const value = tidy(sign * magnitude * 10 ** (s * e.value));
      return {...num, end: e.end, approxEnd: e.end, multStart: e.end, value};
    }
  }
  if (c === "^") {
    let m = k + 1;
    let s = 1;
    while (text[m] === "+" || text[m] === "-") if (text[m++] === "-") s = -s;
    const e = readArabic(text, m);
    if (e) {
      const value = tidy(sign * magnitude ** (s * e.value));
      return {...num, end: e.end, approxEnd: e.end, multStart: e.end, value};
    }
  }
  if (isSpace(text.charCodeAt(k)) && "kKＫM".includes(text[k + 1] ?? "_")) k++;
  const suffix = text[k];
  const kilo = suffix === "k" || suffix === "K" || suffix === "Ｋ";
  if ((kilo || suffix === "M") && !isAsciiLetter(text.charCodeAt(k + 1))) {
    const value = tidy(sign * magnitude * (suffix === "M" ? 1e6 : 1e3));
    return {...num, end: k + 1, approxEnd: k + 1, multStart: k + 1, value};
  }
  return num;
}

// --- Whole strings -------------------------------------------------------------------------------------------------

/**
 * The number a whole string spells, or null when it is not exactly one numeral: Chinese (`一千二百三十四`, `两万`,
 * `廿`, `〇`), financial (`壹拾贰`, `玖仟陆佰陆拾伍圆壹角捌分`), Arabic and full-width (`１２６`, `1,064`, `８.３６６`)
 * and mixed (`3.5万`, `1.2亿`, `5万余`, `100万三千`).
 */
export function parseNumeral(s: string): number | null {
  const t = s.trim();
  if (!t) return null;
  const money = parseRmb(t);
  if (money !== null) return money;
  const num = readNumeral(t, 0, {wide: true, fractions: true});
  if (!num || num.approxEnd !== t.length) return null;
  return num.value;
}

/** Amounts written as on a cheque: `壹拾壹元整`, `壹元零壹分`, `肆角叁分`. */
function parseRmb(t: string): number | null {
  if (!/[元圆角分]/.test(t)) return null;
  let k = 0;
  let sign = 1;
  if (t[0] === "负" || t[0] === "負") {
    sign = -1;
    k = 1;
  }
  let total = 0;
  let any = false;
  for (const mark of ["元圆", "角", "分"]) {
    if (t[k] === "零" && k > 0) k++;
    const num = readNumeral(t, k, {});
    if (num && mark.includes(t[num.end])) {
      total += num.value * (mark === "角" ? 0.1 : mark === "分" ? 0.01 : 1);
      k = num.end + 1;
      any = true;
    }
  }
  if (t[k] === "整" || t[k] === "正") k++;
  return any && k === t.length ? tidy(sign * total) : null;
}

// --- Words that contain numerals but are not numbers -----------------------------------------------------------------

/** Words and set phrases whose numeral characters count nothing. Checked where a numeral would start. */
export const NOT_NUMBERS: readonly string[] = [
  "一切", "一看", "一起", "一直", "一行", "一些", "一般", "一样", "一定", "一旦", "一致", "一律", "一同", "一道",
  "一带一路", "一边", "一面", "一向", "一心", "一体", "一线", "一再", "一举", "一并", "一手", "一把手", "一揽子",
  "一流", "一下", "一会", "一阵", "一番", "一概", "一贯", "一味", "一早", "一本通", "一帮一", "一对一", "一成不变",
  "一五一十", "一心一意", "一亩三分地", "一点儿", "一点点", "一块儿", "一口气", "一户一策", "一户一档", "一村一品",
  "一人一岗", "壹切", "一时", "一度", "一经", "一贯", "一代", "一方面", "一部分", "一门心思",
  "万一", "万万", "千万", "十分", "十足", "十字", "十全十美", "百分百", "四川", "两岸", "两两", "三五成群",
  "五湖四海", "七上八下", "乱七八糟", "三心二意", "千方百计", "九九重阳", "三八节", "三八红旗手", "五一劳动节",
  "六一儿童节", "四个不摘", "四个全面", "四个意识", "四个自信", "两个维护", "两个确保", "两个一百年", "三个代表",
  "八项规定", "三严三实", "五个一批", "六个精准", "三位一体", "三大堆", "三会一课", "两学一做", "两不愁三保障",
  "六净一改善", "独一无二", "九牛一毛", "一模一样", "数一数二", "接二连三", "三番五次", "三令五申", "四面八方",
  "十有八九", "七七八八", "一二三四", "三三两两"
];

/** A character before a numeral that makes it part of a word: 统一, 唯一, 之一, 逐一, 同一, 进一步. */
const NOT_AFTER_CHAR: Readonly<Record<string, string>> = {
  一: "统唯专划之不如同逐进单独纯万后",
  二: "不独",
  三: "不再",
  四: "不",
  九: "重"
};

const byFirst = new Map<string, string[]>();
for (const w of NOT_NUMBERS) {
  const list = byFirst.get(w[0]) ?? [];
  list.push(w);
  list.sort((a, b) => b.length - a.length);
  byFirst.set(w[0], list);
}

/** Length of a not-a-number word starting at i (0 if none), or 1 when the numeral at i is the tail of one. */
export function notNumberAt(text: string, i: number): number {
  const list = byFirst.get(text[i]);
  if (list) for (const w of list) if (text.startsWith(w, i)) return w.length;
  const before = NOT_AFTER_CHAR[text[i]];
  if (before && i > 0 && before.includes(text[i - 1])) return 1;
  // Financial digits that are common characters elsewhere (入伍, 陆地, 拾取, 放肆) count only beside other numerals.
  if ("伍陆陸拾肆".includes(text[i]) && classAt(text, skipSpaces(text, i + 1)) === NONE && classAt(text, i - 1) === NONE)
    return 1;
  return 0;
}

export const charClass = {isSpace, isAsciiLetter, isDigitCode, isCjkDigit, skipSpaces};

// --- Numbers in running text -----------------------------------------------------------------------------------------

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

const PREFIXES: [word: string, notAfter: string, bareOnly: boolean][] = [
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

/** An approximating word right before i: 约三百元, 近百人, 超过1/2, 上万元. Bounded look-back. */
const PREFIX_ENDS = new Set(PREFIXES.map(([word]) => word[word.length - 1]));

export function prefixBefore(text: string, i: number): Prefix | null {
  if (i === 0 || !PREFIX_ENDS.has(text[i - 1])) return null;
  for (const [word, notAfter, bareOnly] of PREFIXES) {
    const at = i - word.length;
    if (at < 0 || !text.startsWith(word, at)) continue;
    if (notAfter && at > 0 && notAfter.includes(text[at - 1])) return null;
    // 占比过20: after a ratio word 过 reads as "over" even before digits.
    const ratio = word === "过" && at > 0 && "比率量额均".includes(text[at - 1]);
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
  if (k >= text.length || !RANGE_MARKS.includes(text[k])) return null;
  let m = k + 1;
  if (wide) m = skipSpaces(text, m);
  if (!isNumeralStart(text.charCodeAt(m))) return null;
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

/**
 * Every number in a text, one forward pass: numerals with their approximation and ranges, percentages (`10%`,
 * `百分之八十`, `八成`, `3个百分点`) and, in number mode, ordinals (`第三`) and Recognizers-Text's wider syntax.
 * "quantity" mode is the reading scanQuantities builds on: no exponents or k/M suffixes, no discounts (折).
 */
const [NEGATIVE, NEGATIVE_TRADITIONAL, ORDINAL, HALF] = [..."负負第半"].map((ch) => ch.charCodeAt(0));
/** Where a number can start when scanning for every number (mode "number"): -3, －3, .5, 对折. */
const WIDE_STARTS = new Set([..."-－.对對"].map((ch) => ch.charCodeAt(0)));

export function scanNumbers(text: string, mode: ScanMode = "number"): NumberMention[] {
  const wide = mode === "number";
  const out: NumberMention[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // By code unit: a one-character string per position of a Chinese text would be an allocation each.
    const c = text.charCodeAt(i);
    const startable =
      isNumeralStart(c) ||
      ((c === NEGATIVE || c === NEGATIVE_TRADITIONAL) && isNumeralStart(text.charCodeAt(i + 1))) ||
      c === ORDINAL ||
      c === HALF ||
      (wide && WIDE_STARTS.has(c));
    if (!startable) {
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

function mentionAt(text: string, i: number, mode: ScanMode): NumberMention | null {
  const wide = mode === "number";
  const ch = text[i];
  const c = text.charCodeAt(i);
  const prevCode = i > 0 ? text.charCodeAt(i - 1) : 0;

  if (ch === "第") {
    const at = skipSpaces(text, i + 1);
    if (!isNumeralStart(text.charCodeAt(at))) return null;
    const num = readNumeral(text, at, {});
    return num ? mention(num, {start: i, type: "ordinal"}) : null;
  }
  if ((ch === "对" || ch === "對") && text[i + 1] === "折") {
    return i > 0 && text[i - 1] === "打" ? percent(i, i + 2, 50, "折") : null;
  }
  if (ch === "半") {
    const next = text[i + 1];
    if (next === "百") return {...percent(i, i + 2, 50, ""), type: "number"};
    if (next === "成") return percent(i, i + 2, 5, "成");
    if (wide && next === "折") return percent(i, i + 2, 50, "折");
    if (halfUnit(text, i + 1)) return {...percent(i, i + 1, 0.5, ""), type: "number", unitAt: i + 1, unitFrom: i + 1};
    return null;
  }
  if ((ch === "-" || ch === "－" || ch === ".") && (isDigitCode(prevCode) || isAsciiLetter(prevCode) || prevCode === 46))
    return null;

  // 百分之八十, 千分之五, 万分之三
  const scale = PERCENT_PREFIX[ch];
  if (scale !== undefined) {
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
  const num = readNumeral(text, i, {wide, fractions: true, bare: prefix !== null});
  if (!num) return null;
  if (wide && isDigitCode(prevCode) && (ch === "-" || ch === "－")) return null;
  // 上 and 过 before digits are verbs (上3个台阶): the number is read plainly.
  const approxByPrefix = prefix !== null && (!prefix.bareOnly || bareStart);
  const opts: ReadOptions = {wide, fractions: true};
  const ranged = rangeAfter(text, num, opts, wide);
  let m = ranged ?? mention(num);
  if (approxByPrefix || approxAfter(text, m.unitAt)) m = {...m, approx: true};
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
      const dc = text.charCodeAt(d);
      if (d > e && (CLASS[dc] === DIGIT || isDigitCode(dc)) && classAt(text, d + 1) === NONE) {
        v += (CLASS[dc] === DIGIT ? VALUE[dc] : arabicValue(dc)) / 10;
        e = d + 1;
      }
    }
    if (!"员立为功本果效绩熟交品型都年长就片群".includes(text[e] ?? "_") || e > markAt + 1)
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

/** 以上, 左右 … right after a number: 五百以上, 100人左右 (the unit is checked by scanQuantities). */
export const APPROX_AFTER = ["左右", "以上", "以下", "上下", "开外", "有余", "出头"];
function approxAfter(text: string, at: number): boolean {
  return "左以上开有出".includes(text[at] ?? "_") && APPROX_AFTER.some((w) => text.startsWith(w, at));
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
const HALF_UNITS = ["斤", "公斤", "亩", "吨", "元", "块", "两", "平方米", "公顷"];
function halfUnit(text: string, at: number): boolean {
  return HALF_UNITS.some((u) => text.startsWith(u, at));
}
