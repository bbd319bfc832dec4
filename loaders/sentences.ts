// Sentence boundaries in article text: a fact's provenance is the whole sentence around its quantity.
// Chinese sentences end at 。！？ (and their ASCII forms), at ； and at a line break; a closing quote or bracket
// right after the mark belongs to the sentence. One forward pass, so a page without punctuation stays linear.
// As UTF-16 code units: testing text.charCodeAt(i) allocates nothing on this per-character path.
// Tables indexed by code unit: one array read per character.
const codes = (chars: string) => {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return {has: (unit: number) => table[unit] === 1};
};
const TERMINAL = codes("。！？!?；;\n");
const CLOSING = codes("”’」』)）》");
const NEWLINE = 10;
const SPACE = /\s/;

export interface Span {
  start: number;
  end: number;
}

export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s])) s++;
    while (e > s && SPACE.test(text[e - 1])) e--;
    if (e > s) spans.push({start: s, end: e});
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!TERMINAL.has(unit)) continue;
    if (unit === NEWLINE) {
      push(i);
      start = i + 1;
      continue;
    }
    let end = i + 1;
    while (end < text.length && CLOSING.has(text.charCodeAt(end))) end++;
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
