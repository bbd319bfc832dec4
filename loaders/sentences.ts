// Sentence boundaries in article text: a fact's provenance is the whole sentence around its quantity.
// Chinese sentences end at 。！？ (and their ASCII forms), at ； and at a line break; a closing quote or bracket
// right after the mark belongs to the sentence. One forward pass, so a page without punctuation stays linear.
// As UTF-16 code units: testing text.charCodeAt(i) allocates nothing on this per-character path.
import * as chars from "./chars.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {charTable, isWhiteSpace} = chars;

const TERMINAL = charTable("。！？!?；;\n");
const CLOSING = charTable("”’」』)）》");
/** Where a clause ends inside a sentence: a dense sentence's fact keeps its own clauses. */
const CLAUSE_END = charTable("，,、：:；;");
const NEWLINE = 10;

export interface Span {
  start: number;
  end: number;
}

// The spans of the last text split: the article's topic, its places and its facts each ask for the sentences of the
// same text in turn, and get the one array instead of three passes. Frozen, so that a caller changing it fails loudly
// instead of changing the others' sentences.
let lastText: string | null = null;
let lastSpans: Span[] = [];

export function sentences(text: string): Span[] {
  if (text === lastText) return lastSpans;
  const spans = splitSentences(text);
  lastText = text;
  lastSpans = Object.freeze(spans) as Span[];
  return lastSpans;
}

function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({start: s, end: e});
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (TERMINAL[unit] !== 1) continue;
    if (unit === NEWLINE) {
      push(i);
      start = i + 1;
      continue;
    }
    let end = i + 1;
    while (end < text.length && CLOSING[text.charCodeAt(end)] === 1) end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

/** For offsets in ascending order, the sentence each falls in (a moving pointer: linear overall). */
export function sentenceIndex(spans: Span[]): (at: number) => Span {
  let k = 0;
  return (at) => {
    if (k > 0 && at < spans[k].start) k = 0;
    while (k < spans.length - 1 && spans[k].end <= at) k++;
    return spans[k] ?? {start: 0, end: 0};
  };
}

/** The longest sentence a fact carries whole; a longer one is cut to a window of this many characters around the
 * figure, so that a page without stops gives output proportional to its length (issue 13), not facts × length. */
export const SENTENCE_WINDOW = 300;
/** The most figures a sentence may hold and still be carried whole by each of them: k facts each carrying a sentence
 * of L characters write k × L, so past this a sentence dense with figures (`1户1户1户…`) would outgrow its text. */
export const SHARED_FIGURES = 8;
export const CUT_MARK = "…";

export interface SentenceWindow extends Span {
  /** The window's text, with CUT_MARK where it was cut from the sentence. */
  text: string;
  cut: boolean;
  /** Where text[0] would stand in the article's text (start, less the leading CUT_MARK if any). */
  offset: number;
  /** The whole sentence the window was taken from. */
  sentence: Span;
}

/**
 * The provenance of each figure in `figures` (ascending, not overlapping): its whole sentence while the sentence is at
 * most SENTENCE_WINDOW long and holds at most SHARED_FIGURES figures; else only the figure's own stretch of it: from
 * the end of the figure before, or the clause end after it, to the start of the figure after, or the first clause end
 * before it (each character then lies in at most two windows, and in one where clauses part the figures), cut to
 * SENTENCE_WINDOW around the figure and marked as cut. Each gap between figures is read at most twice, and no more
 * than SENTENCE_WINDOW of it.
 */
export function figureWindows(
  text: string,
  figures: readonly Span[],
  sentenceOf: (at: number) => Span
): SentenceWindow[] {
  const windows: SentenceWindow[] = [];
  for (let first = 0; first < figures.length;) {
    const sentence = sentenceOf(figures[first].start);
    let last = first + 1;
    while (last < figures.length && figures[last].start < sentence.end) last++;
    const whole = last - first <= SHARED_FIGURES && sentence.end - sentence.start <= SENTENCE_WINDOW;
    for (let i = first; i < last; i++) {
      const {start: from, end: to} = figures[i];
      if (whole) {
        windows.push(windowIn(text, sentence, sentence, from, to));
        continue;
      }
      const stretch = {
        start: i > first ? clauseAfter(text, Math.max(sentence.start, figures[i - 1].end), from) : sentence.start,
        end: i + 1 < last ? clauseBefore(text, to, Math.min(sentence.end, figures[i + 1].start)) : sentence.end
      };
      windows.push(windowIn(text, sentence, stretch, from, to, true));
    }
    first = last;
  }
  return windows;
}

/** Where the clause of a figure starting at `to` begins, after the last clause end in [from, to): `from` if none. */
function clauseAfter(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from && to - i <= SENTENCE_WINDOW; i--)
    if (CLAUSE_END[text.charCodeAt(i)] === 1) return i + 1;
  return from;
}

/** Where the clause of a figure ending at `from` ends, with its first clause end in [from, to): `to` if none. */
function clauseBefore(text: string, from: number, to: number): number {
  for (let i = from; i < to && i - from < SENTENCE_WINDOW; i++) if (CLAUSE_END[text.charCodeAt(i)] === 1) return i + 1;
  return to;
}

/** The sentence [span) as the provenance of the figure at [from, to): whole when it is at most SENTENCE_WINDOW long,
 * else a window of that size around the figure (start and end index `text` itself). */
export function sentenceWindow(text: string, span: Span, from: number, to: number): SentenceWindow {
  return windowIn(text, span, span, from, to);
}

/** At most SENTENCE_WINDOW characters of `stretch` (a part of `sentence`) around [from, to), the figure kept whole;
 * the stretch itself when it fits. Marked where it stops short of the sentence. */
function windowIn(text: string, sentence: Span, stretch: Span, from: number, to: number, cut = false): SentenceWindow {
  const length = stretch.end - stretch.start;
  let start = stretch.start;
  let end = stretch.end;
  if (length > SENTENCE_WINDOW) {
    const size = Math.max(SENTENCE_WINDOW, to - from);
    start = Math.max(stretch.start, Math.min(from - ((size - (to - from)) >> 1), stretch.end - size));
    end = Math.min(stretch.end, start + size);
    // Never split a surrogate pair.
    if (start > stretch.start && isLowSurrogate(text.charCodeAt(start))) start--;
    if (end < stretch.end && isLowSurrogate(text.charCodeAt(end))) end++;
  }
  const head = start > sentence.start ? CUT_MARK : "";
  const tail = end < sentence.end ? CUT_MARK : "";
  return {
    start,
    end,
    text: head + text.slice(start, end) + tail,
    cut: cut || !!head || !!tail,
    offset: start - head.length,
    sentence
  };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
