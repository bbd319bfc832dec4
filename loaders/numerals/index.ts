// Chinese and Arabic numerals, read in one forward pass.
// No npm library reads Chinese quantities with approximation, ranges and units at news-scan speed (Recognizers-Text's
// JavaScript build reads about 27,000 characters a second; cn2an is Python and reads whole strings only), so this is a
// hand-written, table-driven reader over UTF-16 code units: every character is looked at a bounded number of times,
// nothing backtracks, and a megabyte of digits is one token.

// The reader is split along its three jobs: classes.ts (what each character is to a numeral), read.ts (one
// numeral at a position), scan.ts (every number in running text) and parse.ts (a whole string as a number); the word
// lists are in data/numerals.ts.
import {isAsciiLetter, isCjkDigit, isDigitCode, isSpace, skipSpaces} from "./classes.js";

export {readNumeral, tidy, type Numeral, type ReadOptions} from "./read.js";
export {parseNumeral} from "./parse.js";
export {notNumberAt, prefixBefore, scanNumbers, type NumberMention, type ScanMode} from "./scan.js";
export {APPROX_AFTER, NOT_NUMBERS} from "../data/numerals.js";

export const charClass = {isSpace, isAsciiLetter, isDigitCode, isCjkDigit, skipSpaces};
