// Character classes shared by every stage, as tables indexed by UTF-16 code unit: per-character loops test a byte
// instead of slicing out strings or running a regex. One home for each class, so two stages never disagree about
// what a space or the end of a clause is.

/** A table with 1 at each character of `chars` and at every code unit in the inclusive `ranges`. */
export function charTable(chars: string, ranges: [from: number, to: number][] = []): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  for (const [from, to] of ranges) table.fill(1, from, to + 1);
  return table;
}

/** What JavaScript's \s matches. */
export const SPACE_CHARS = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff";
export const SPACE_RANGES: [number, number][] = [[0x2000, 0x200a]];
const SPACE = charTable(SPACE_CHARS, SPACE_RANGES);

/** Whether a code unit is white space as \s defines it. */
export const isWhiteSpace = (c: number): boolean => c < 0x10000 && SPACE[c] === 1;

/** Full-width digits to ASCII, same length, so offsets found in the folded string index the original. */
export function asciiDigits(s: string): string {
  return /[０-９]/.test(s) ? s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
}

/** The code unit at k, or 0 before the start and past the end, where charCodeAt gives NaN: the engine's tables
 * have nothing at 0, so a look beside a figure reads the same either way, and optimised code that reads past a
 * string's end with charCodeAt is thrown away and compiled again, which on a busy machine costs more than the scan. */
export const codeAt = (s: string, k: number): number => (k >= 0 && k < s.length ? s.charCodeAt(k) : 0);

/** Spaces within a line that may sit inside a numeral (`一百 五 十`): space, tab, ideographic space, no-break space. */
const INLINE_SPACE = charTable(" \t\u3000\u00a0");
export const isInlineSpace = (c: number): boolean => INLINE_SPACE[c] === 1;

/** What /\p{Script=Han}/u matches in one UTF-16 code unit (Unicode 15): CJK radicals, 々 〇 and the Hangzhou
 * numerals, extension A, the unified ideographs and the compatibility ideographs. Astral ideographs are surrogate
 * pairs, which a per-code-unit test does not see, as a regex test of one code unit does not. */
export const HAN_RANGES: [number, number][] = [
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x3005, 0x3005],
  [0x3007, 0x3007],
  [0x3021, 0x3029],
  [0x3038, 0x303b],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfa6d],
  [0xfa70, 0xfad9]
];
const HAN = charTable("", HAN_RANGES);

/** Whether a code unit is a Chinese character. */
export const isHan = (c: number): boolean => HAN[c] === 1;

/** Where a clause ends (places' focus: the clause of a span). */
export const CLAUSE_END_CHARS = ",，:：;；。！？!?\n";
