// The word lists of the number side (loaders/data/ and the unit table) hold each entry once, and no entry is shadowed:
// never reached because an entry matched before it, or matched anywhere it could be, already covers it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {COUNTED_KINDS, HOUSEHOLD_NOUNS, PERSON_NOUNS} from "../loaders/data/counted-kinds.js";
import * as numerals from "../loaders/data/numerals.js";
import * as rates from "../loaders/data/rates.js";
import {COUNTED_NOUNS} from "../loaders/data/subjects.js";
import {scanNumbers} from "../loaders/numerals/index.js";
import {NOT_BEFORE, UNIT_TABLE, UNITS} from "../loaders/units.js";

function duplicates(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((w) => (seen.has(w) ? true : (seen.add(w), false)));
}

/** Entries of a list matched anywhere in a span (String#includes) that contain another entry: never decisive. */
const containing = (list: readonly string[]) => list.filter((w) => list.some((v) => v !== w && w.includes(v)));
/** Entries of a list matched at a position (startsWith, any entry) that begin with another entry. */
const extending = (list: readonly string[]) => list.filter((w) => list.some((v) => v !== w && w.startsWith(v)));

test("every list holds each entry once", () => {
  const lists: [string, readonly string[]][] = [
    ["NOT_NUMBERS", numerals.NOT_NUMBERS],
    ["PREFIXES", numerals.PREFIXES.map(([w]) => w)],
    ["APPROX_AFTER", numerals.APPROX_AFTER],
    ["HALF_UNITS", numerals.HALF_UNITS],
    ["PREFIXED_UNITS", numerals.PREFIXED_UNITS],
    ["DIGIT_PAIRS", numerals.DIGIT_PAIRS],
    ["PER_CUES", rates.PER_CUES.map(([w]) => w)],
    ["PER_ENTITY_CUES", rates.PER_ENTITY_CUES.map(([w]) => w)],
    ["TOTAL_WORDS", rates.TOTAL_WORDS],
    ["SPAN_WORDS", rates.SPAN_WORDS],
    ["CHANGE_VERBS", rates.CHANGE_VERBS],
    ["counted nouns (households and persons)", [...HOUSEHOLD_NOUNS, ...PERSON_NOUNS]],
    ["COUNTED_NOUNS", COUNTED_NOUNS],
    ["units", UNIT_TABLE.map(([u]) => u)]
  ];
  for (const [name, list] of lists) assert.deepEqual(duplicates(list), [], name);
  for (const [name, chars] of [
    ...Object.entries(numerals.NOT_AFTER_CHAR),
    ...Object.entries(NOT_BEFORE),
    ["FINANCIAL_COMMON", numerals.FINANCIAL_COMMON],
    ["NOT_TENTHS_AFTER", numerals.NOT_TENTHS_AFTER],
    ["RATIO_WORDS", numerals.RATIO_WORDS]
  ])
    assert.deepEqual(duplicates([...chars]), [], name);
  assert.equal(COUNTED_KINDS.size, HOUSEHOLD_NOUNS.length + PERSON_NOUNS.length);
});

test("no entry is shadowed by another", () => {
  // Matched anywhere in a clause or span: an entry containing another is never decisive.
  assert.deepEqual(containing(rates.TOTAL_WORDS), [], "TOTAL_WORDS");
  assert.deepEqual(containing(rates.SPAN_WORDS), [], "SPAN_WORDS");
  // Matched at a position by any entry: an entry that begins with another adds nothing.
  assert.deepEqual(extending(numerals.APPROX_AFTER), [], "APPROX_AFTER");
  assert.deepEqual(extending(rates.CHANGE_VERBS), [], "CHANGE_VERBS");
  assert.deepEqual(extending(numerals.PREFIXED_UNITS.filter((u) => u.length > 2)), [], "PREFIXED_UNITS");
  // PREFIXES end where the number starts and the first match wins: a word must precede every word it ends with.
  const words = numerals.PREFIXES.map(([w]) => w);
  for (const [i, w] of words.entries()) {
    const earlier = words.slice(0, i).find((v) => w.endsWith(v));
    assert.equal(earlier, undefined, `${w} is shadowed by ${earlier}`);
  }
  // The characters that reject a unit are not where a unit starts the word it rejects (名 before 单 …): each key is a
  // unit of the table.
  for (const unit of Object.keys(NOT_BEFORE)) assert.ok(UNITS.has(unit), unit);
});

test("every not-a-number word is reached: it has a numeral, and scanning it finds no number", () => {
  for (const word of numerals.NOT_NUMBERS) {
    assert.deepEqual(
      scanNumbers(word, "quantity").map((m) => word.slice(m.start, m.end)),
      [],
      word
    );
  }
});
