// Reading one numeral at a position: Chinese, financial, Arabic and full-width digits, with 万/亿 multipliers,
// decimals, approximation (余, 多, 几, 七八), fractions (三分之一) and Recognizers-Text's wider syntax.
import * as chars from "../chars.js";
import * as lexicon from "../data/numerals.js";
import * as classes from "./classes.js";

// Local bindings: an imported binding is read through a getter when tsx compiles modules to CommonJS, which costs a
// call per character on this path.
const {
  APPROX,
  ARABIC,
  arabicValue,
  BIG,
  CLASS,
  classAt,
  DIGIT,
  FEW,
  isAsciiLetter,
  isCjkDigit,
  isDigitCode,
  isSpace,
  NONE,
  POINT,
  skipSpaces,
  SMALL,
  SOME,
  TENS,
  VALUE,
  ZERO
} = classes;
const {DIGIT_PAIRS, PREFIXED_UNITS} = lexicon;
const {codeAt} = chars;

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

const startsPrefixedUnit = (text: string, j: number) => PREFIXED_UNITS.some((u) => text.startsWith(u, j));

/** DIGIT_PAIRS as a table indexed by 10 × first + second. */
const PAIRS = new Uint8Array(100);
for (const pair of DIGIT_PAIRS) {
  const [a, b] = pair.split(",").map(Number);
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= 9 && b >= 0 && b <= 9))
    throw new Error(`DIGIT_PAIRS: ${pair} is not a pair of digits`);
  PAIRS[10 * a + b] = 1;
}

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
const [LIANG, LIANG_TRADITIONAL, PART, OF, AND, ZERO_MARK, BELOW] = [..."两兩分之又零下"].map((ch) => ch.charCodeAt(0));

/** An Arabic number at j: digits, thousands groups (`1,064`; `，` only between full-width digits), a decimal part. */
export function readArabic(text: string, j: number): Arabic | null {
  const n = text.length;
  let k = j;
  let full = false;
  while (k < n && isDigitCode(text.charCodeAt(k))) {
    if (codeAt(text, k) >= 0xff10) full = true;
    k++;
  }
  let s = asciiPart(text, j, k, full);
  for (;;) {
    const c = codeAt(text, k);
    if (!(s && (c === 44 || (c === 0xff0c && full)))) break;
    let m = k + 1;
    while (m < n && m - k <= 4 && isDigitCode(text.charCodeAt(m))) m++;
    if (m - k !== 4) break;
    s += asciiPart(text, k + 1, m, full);
    k = m;
  }
  const int = s;
  let decimal = false;
  const dot = codeAt(text, k);
  if ((dot === 46 || dot === 0xff0e) && isDigitCode(codeAt(text, k + 1))) {
    decimal = true;
    const from = ++k;
    while (k < n && isDigitCode(text.charCodeAt(k))) k++;
    if (codeAt(text, from) >= 0xff10 || codeAt(text, k - 1) >= 0xff10) full = true;
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
    const c = codeAt(text, k);
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
  const c0 = codeAt(text, j);
  if (c0 === 0x8d1f || c0 === 0x8ca0) {
    sign = -1;
    j = skipSpaces(text, j + 1);
  } else if (opts.wide && (c0 === 45 || c0 === 0xff0d || c0 === 0x2212)) {
    sign = -1;
    j++;
  } else if (c0 === ZERO_MARK && codeAt(text, j + 1) === BELOW && classAt(text, j + 2) !== NONE) {
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
    let c = codeAt(text, k);
    if (consumed && isSpace(c)) {
      k = skipSpaces(text, j);
      c = codeAt(text, k);
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
    const cls = opts.wide && !consumed && c === 46 && isDigitCode(codeAt(text, k + 1)) ? ARABIC : CLASS[c];
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
      const two = isCjkDigit(codeAt(text, k + 1));
      const three = two && isCjkDigit(codeAt(text, k + 2));
      const d1 = VALUE[c];
      const d2 = VALUE[codeAt(text, k + 1)];
      const isPair = two && !three && cls === DIGIT && PAIRS[10 * d1 + d2] === 1 && classAt(text, k + 2) !== POINT;
      // Beyond 一两 and 两三, 两 is never a digit in a run (两两, 二两 = 2 liang): such a run is read digit by digit.
      const len = !two || (!isPair && (c === LIANG || codeAt(text, k + 1) === LIANG)) ? 1 : 2;
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
    const last = codeAt(text, pendingDigitAt);
    const two = last === LIANG || last === LIANG_TRADITIONAL;
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
  const c = codeAt(text, k);
  if (c === PART) {
    k = skipSpaces(text, k + 1);
    if (codeAt(text, k) === OF && Number.isInteger(num.value) && num.value !== 0 && num.valueMax === null) {
      const top = readNumeral(text, skipSpaces(text, k + 1), {wide: opts.wide, bare: false});
      if (top && !top.approx && top.valueMax === null) {
        const value = tidy(top.value / num.value);
        return {...num, end: top.end, approxEnd: top.end, value, multStart: top.end, mult: 1, fraction: true};
      }
    }
    return num;
  }
  if (c === AND) {
    const rest = readNumeral(text, skipSpaces(text, k + 1), {...opts, bare: false});
    if (rest?.fraction && rest.value >= 0) {
      const value = tidy(num.value + Math.sign(num.value || 1) * rest.value);
      return {...rest, start: num.start, value, chinese: num.chinese || rest.chinese, lone: "", arabic: ""};
    }
    return num;
  }
  if (opts.wide && num.arabic && !num.arabic.includes(".")) {
    if (isSlash(text, num.end) && isDigitCode(codeAt(text, num.end + 1))) {
      const b = readArabic(text, num.end + 1);
      if (b && b.value !== 0) {
        const value = tidy(num.value / b.value);
        return {...num, end: b.end, approxEnd: b.end, multStart: b.end, value, fraction: true, arabic: ""};
      }
    }
    // 1 3/5: a whole number, one space, a fraction.
    if (isSpace(codeAt(text, num.end)) && isDigitCode(codeAt(text, num.end + 1))) {
      const a = readArabic(text, num.end + 1);
      if (a && !a.decimal && isSlash(text, a.end) && isDigitCode(codeAt(text, a.end + 1))) {
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
    if (e && !e.decimal && !isAsciiLetter(codeAt(text, e.end))) {
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
  if (isSpace(codeAt(text, k)) && "kKＫM".includes(text[k + 1] ?? "_")) k++;
  const suffix = text[k];
  const kilo = suffix === "k" || suffix === "K" || suffix === "Ｋ";
  if ((kilo || suffix === "M") && !isAsciiLetter(codeAt(text, k + 1))) {
    const value = tidy(sign * magnitude * (suffix === "M" ? 1e6 : 1e3));
    return {...num, end: k + 1, approxEnd: k + 1, multStart: k + 1, value};
  }
  return num;
}
