// The character classes of numerals, as tables indexed by UTF-16 code unit: what each character is to a numeral
// (an Arabic digit, a Chinese digit, a unit of ten to a thousand, 万/亿, 点, 余/多 …) and its value.
import * as chars from "../chars.js";

/** Spaces that may sit inside a numeral (a local binding: imported ones are read through a getter under tsx). */
export const isSpace = chars.isInlineSpace;

export const NONE = 0;
export const ARABIC = 1; // 0-9, ０-９
export const DIGIT = 2; // 一 … 九, 两, 壹 … 玖
export const ZERO = 3; // 零 〇 ○
export const SMALL = 4; // 十 百 千
export const BIG = 5; // 万 亿 兆
export const POINT = 6; // 点
export const APPROX = 7; // 余 多 来
export const FEW = 8; // 几
export const SOME = 9; // 数 (数十, 数百)
export const TENS = 10; // 廿 卅 卌

export const CLASS = new Uint8Array(65536);
export const VALUE = new Float64Array(65536);
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
export const classAt = (text: string, k: number) => (k >= 0 && k < text.length ? CLASS[text.charCodeAt(k)] : NONE);
export const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isDigitCode = (c: number) => CLASS[c] === ARABIC;
export const isCjkDigit = (c: number) => CLASS[c] === DIGIT || CLASS[c] === ZERO;
export const arabicValue = (c: number) => (c >= 0xff10 ? c - 0xff10 : c - 48);

/** Skip at most four spaces: Recognizers-Text's cases space numerals out (`一百 五 十 二`); a longer gap ends one. */
export function skipSpaces(text: string, j: number): number {
  let k = j;
  while (k < text.length && k - j < 4 && isSpace(text.charCodeAt(k))) k++;
  return k;
}
