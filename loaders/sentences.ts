// Sentence boundaries in article text: a fact's provenance is the whole sentence around its quantity.
// Chinese sentences end at 。！？ (and their ASCII forms), at ； and at a line break; a closing quote or bracket
// right after the mark belongs to the sentence. One forward pass, so a page without punctuation stays linear.
// As UTF-16 code units: testing text.charCodeAt(i) allocates nothing on this per-character path.
import {charTable, isWhiteSpace} from "./chars.js";

const TERMINAL = charTable("。！？!?；;\n");
const CLOSING = charTable("”’」』)）》");
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
export const CUT_MARK = "…";

export interface SentenceWindow extends Span {
  /** The window's text, with CUT_MARK where it was cut from the sentence. */
  text: string;
  cut: boolean;
}

/** The sentence [span) as a fact's provenance around the figure at [from, to): whole when it is at most
 * SENTENCE_WINDOW long, else a window of that size centred on the figure (start, end index `text` itself). */
export function sentenceWindow(text: string, span: Span, from: number, to: number): SentenceWindow {
  // A literal, not {...span, …}: a spread with added fields takes V8's slow path, microseconds per fact.
  if (span.end - span.start <= SENTENCE_WINDOW)
    return {start: span.start, end: span.end, text: text.slice(span.start, span.end), cut: false};
  const size = Math.max(SENTENCE_WINDOW, to - from);
  let start = Math.max(span.start, Math.min(from - ((size - (to - from)) >> 1), span.end - size));
  let end = Math.min(span.end, start + size);
  // Never split a surrogate pair.
  if (start > span.start && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < span.end && isLowSurrogate(text.charCodeAt(end))) end++;
  const head = start > span.start ? CUT_MARK : "";
  const tail = end < span.end ? CUT_MARK : "";
  return {start, end, text: head + text.slice(start, end) + tail, cut: true};
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
