// Bytes to text: detect the encoding (UTF-8 with or without BOM, UTF-16 by BOM or by its NUL pattern, GBK/GB18030,
// Big5), reject what is not text with a reason a person can act on, normalise line breaks and control characters, and
// turn an HTML page into its text. Node's TextDecoder (full ICU) with {fatal: true} tells which encoding holds; a page
// with a few bad sequences (a flipped byte, a GBK paragraph in a UTF-8 page) keeps its text, the bad spans replaced
// or re-decoded and counted in `repairs`, rather than being lost whole.
import {isUtf8, transcode} from "node:buffer";
import * as chars from "./chars.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {charTable, codeAt, isWhiteSpace} = chars;

export type Decoded = {
  text: string;
  encoding: string;
  html: boolean;
  /** The publication date an HTML page's metadata gives (ISO YYYY-MM-DD), else null. */
  published: string | null;
  /** Byte sequences not valid in the encoding, replaced by U+FFFD or re-decoded as the page's other encoding. */
  repairs: number;
};
export type Rejected = {rejected: string; encoding: string};

export interface DecodeOptions {
  /** "html" strips tags, "text" never does; by default a page that starts like HTML is treated as HTML. */
  format?: "text" | "html" | "markdown" | "auto";
}

/** File signatures of formats people drop into a folder of pages by mistake, named in the rejection. */
const SIGNATURES: {bytes: number[]; name: string}[] = [
  {bytes: [0x25, 0x50, 0x44, 0x46], name: "a PDF file"},
  {bytes: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive (or .docx/.xlsx)"},
  {bytes: [0xd0, 0xcf, 0x11, 0xe0], name: "an old Office document (.doc/.xls)"},
  {bytes: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image"},
  {bytes: [0xff, 0xd8, 0xff], name: "a JPEG image"},
  {bytes: [0x47, 0x49, 0x46, 0x38], name: "a GIF image"},
  {bytes: [0x1f, 0x8b], name: "a gzip archive"},
  {bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: "an RTF document"}
];

// More than this share of C0 control characters (other than tab, line feed, carriage return, form feed) and the
// "text" is binary data that happened to decode.
const MAX_CONTROL_SHARE = 0.01;

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded | Rejected {
  if (bytes.length === 0) return {rejected: "empty file", encoding: "unknown"};
  for (const {bytes: sig, name} of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) return {rejected: `binary: ${name}, not text`, encoding: "unknown"};
  }
  const guess = detectEncoding(bytes);
  if ("rejected" in guess) return guess;
  const raw = guess.text;
  const {controls, plain} = screen(raw);
  if (controls > 0 && controls > raw.length * MAX_CONTROL_SHARE) {
    return {rejected: `binary: ${controls} control characters in ${raw.length}`, encoding: guess.encoding};
  }
  const format = options.format && options.format !== "auto" ? options.format : sniffFormat(raw);
  let text = plain ? raw : normalise(raw);
  const published = format === "html" ? htmlPublished(text) : null;
  if (format === "html") text = normalise(htmlToText(text));
  else if (format === "markdown") text = markdownToText(text);
  if (!/[^\s]/.test(text)) {
    return {rejected: format === "html" ? "HTML page with no text" : "empty page", encoding: guess.encoding};
  }
  return {text, encoding: guess.encoding, html: format === "html", published, repairs: guess.repairs};
}

type Read = {text: string; encoding: string; repairs: number};
type Guess = Read | Rejected;

// A page keeps its text when at most this share of its characters had to be replaced (U+FFFD): a byte flipped in
// transit or a paragraph pasted in another encoding loses the bytes, not the page. More, and it is not that encoding.
const MAX_REPLACED_SHARE = 0.02;
const MIN_REPLACED_ALLOWED = 8;
const tooManyReplaced = (replaced: number, length: number) =>
  replaced * 2 >= length || replaced > Math.max(MIN_REPLACED_ALLOWED, length * MAX_REPLACED_SHARE);
// The share of non-ASCII bytes in well-formed three- and four-byte UTF-8 sequences above which a page that is not
// valid UTF-8 is still UTF-8 with faults (GBK text read as UTF-8 forms sequences by chance for well under half its bytes).
const UTF8_EVIDENCE = 0.6;
// A run of non-ASCII bytes with less than this share of its bytes in three- or four-byte UTF-8 sequences is a span in
// another encoding (GBK), not UTF-8 with a bad byte.
const FOREIGN_RUN = 0.5;

function detectEncoding(bytes: Uint8Array): Guess {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs(bytes, "utf-8", "utf-8-bom");
  if (b0 === 0xff && b1 === 0xfe) return decodeAs(bytes, "utf-16le", "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return decodeAs(bytes, "utf-16be", "utf-16be");
  // Without a BOM, UTF-16 shows itself by NULs in the high byte of its ASCII characters (digits, commas, newlines),
  // all on one side of each pair: odd offsets for little-endian, even for big-endian. Chinese text has few of them
  // (seed 000: one character in ten), so the test is where the NULs fall, not how many there are.
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let evenNul = 0;
  let oddNul = 0;
  // indexOf (memchr) rather than a loop over every byte: most pages have no NUL at all.
  for (let i = sample.indexOf(0); i >= 0; i = sample.indexOf(0, i + 1)) i % 2 ? oddNul++ : evenNul++;
  const enough = Math.max(2, sample.length / 2 / 200);
  // The other side has NULs too, fewer: characters such as 一 (U+4E00) have a NUL low byte.
  if (oddNul >= enough && evenNul <= oddNul / 4) return decodeAs(bytes, "utf-16le", "utf-16le");
  if (evenNul >= enough && oddNul <= evenNul / 4) return decodeAs(bytes, "utf-16be", "utf-16be");
  // A few stray NULs in a text page are a fault in part of it (normalise drops them, as other stray controls); more
  // than controls may make up of a text, and it is binary.
  if (evenNul + oddNul > sample.length * MAX_CONTROL_SHARE) {
    return {rejected: "binary: contains NUL bytes", encoding: "unknown"};
  }
  const utf8 = strictDecode(bytes, "utf-8");
  if (utf8 !== null) return {text: utf8, encoding: "utf-8", repairs: 0};
  // A UTF-8 page cut inside its last character (a truncated download): the page before the cut, with U+FFFD for the
  // partial character, counted as one repair. Read as GBK instead, the cut bytes would pass for a Chinese character.
  const tail = truncatedUtf8Tail(bytes);
  const whole = tail ? bytes.subarray(0, bytes.length - tail) : bytes;
  const head = tail ? strictDecode(whole, "utf-8") : null;
  if (head !== null) return {text: head + "\uFFFD", encoding: "utf-8", repairs: 1};
  const mixed = utf8WithFaults(whole);
  if (mixed) return tail ? {...mixed, text: mixed.text + "\uFFFD", repairs: mixed.repairs + 1} : mixed;
  // Two-byte Chinese: GBK/GB18030 (simplified) or Big5 (traditional). Most byte pairs are valid in both, so the
  // one whose frequent-character block holds more of the pairs is tried first; a strict decode failing rules it out.
  const gb = {label: "gb18030", encoding: hasFourByteGb18030(bytes) ? "gb18030" : "gbk"};
  const big5 = {label: "big5", encoding: "big5"};
  const order = frequentShare(sample, BIG5_FREQUENT) > frequentShare(sample, GB2312_LEVEL_1) ? [big5, gb] : [gb, big5];
  // The likelier encoding with a few bad sequences beats the other one read cleanly: Big5 accepts many GBK pages
  // as strings of rare characters.
  const [likely, other] = order;
  const text = strictDecode(bytes, likely.label);
  if (text !== null) return {text, encoding: likely.encoding, repairs: 0};
  const lossy = lossyDecode(bytes, likely.label, likely.encoding);
  if (!("rejected" in lossy)) return lossy;
  const otherText = strictDecode(bytes, other.label);
  return otherText === null ? lossy : {text: otherText, encoding: other.encoding, repairs: 0};
}

/** How many bytes at the end start a UTF-8 sequence that the end cuts short (a lead byte and fewer continuation
 * bytes than it announces), else 0. */
function truncatedUtf8Tail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k];
    if (b >= 0x80 && b < 0xc0) continue;
    if (b < 0xc2 || b > 0xf4) return 0;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > k ? k : 0;
  }
  return 0;
}

function decodeAs(bytes: Uint8Array, label: string, encoding: string): Guess {
  const text = strictDecode(bytes, label);
  return text === null ? lossyDecode(bytes, label, encoding) : {text, encoding, repairs: 0};
}

/** Decoded with U+FFFD for each bad sequence, kept when few had to be replaced (MAX_REPLACED_SHARE). */
function lossyDecode(bytes: Uint8Array, label: string, encoding: string): Guess {
  const text = new TextDecoder(label).decode(bytes);
  const replaced = countReplacements(text);
  if (tooManyReplaced(replaced, text.length)) {
    return {rejected: `undecodable: not valid ${encoding} (${replaced} bad sequences)`, encoding};
  }
  return {text, encoding, repairs: replaced};
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) n++;
  return n;
}

/** Length of the well-formed UTF-8 sequence at i (RFC 3629's table: no overlongs, surrogates or values past
 * U+10FFFF), or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b >= 0xc2 && b <= 0xdf) return isContinuation(bytes, i + 1, 0x80, 0xbf) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return isContinuation(bytes, i + 1, lo, hi) && isContinuation(bytes, i + 2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    const rest = isContinuation(bytes, i + 2, 0x80, 0xbf) && isContinuation(bytes, i + 3, 0x80, 0xbf);
    return isContinuation(bytes, i + 1, lo, hi) && rest ? 4 : 0;
  }
  return 0;
}

// A plain function, not a closure made per call: the hot loop above runs once per byte.
function isContinuation(bytes: Uint8Array, k: number, lo: number, hi: number): boolean {
  return k < bytes.length && bytes[k] >= lo && bytes[k] <= hi;
}

/**
 * A page that is UTF-8 but for some bad bytes or a paragraph in GBK. Each run of non-ASCII bytes is read on its
 * own: as UTF-8 when it is well formed; as GBK when most of it is not UTF-8 and it is valid GBK; else as UTF-8 with
 * U+FFFD for the bad bytes. Each run read otherwise than as well-formed UTF-8 counts as one repair. Null when the
 * page shows too little UTF-8 to be read as UTF-8 (UTF8_EVIDENCE). One pass over the bytes.
 */
function utf8WithFaults(bytes: Uint8Array): Read | null {
  let wellFormed = 0;
  let nonAscii = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    nonAscii += n || 1;
    // Only three- and four-byte sequences count: Chinese in UTF-8 is all three-byte, while GBK pairs form two-byte
    // UTF-8 sequences by chance (聊 C1C4 城 B3C7: C4B3 is one) and longer ones rarely.
    if (n >= 3) wellFormed += n;
    i += n || 1;
  }
  if (!nonAscii || wellFormed < nonAscii * UTF8_EVIDENCE) return null;
  const utf8 = new TextDecoder("utf-8");
  const parts: string[] = [];
  let repairs = 0;
  let replaced = 0;
  let from = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const start = i;
    let bad = 0;
    let long = 0;
    while (i < bytes.length && bytes[i] >= 0x80) {
      const n = utf8SequenceAt(bytes, i);
      if (!n) bad++;
      if (n >= 3) long += n;
      i += n || 1;
    }
    if (!bad) continue;
    parts.push(utf8.decode(bytes.subarray(from, start)));
    const run = bytes.subarray(start, i);
    const gbk = long < run.length * FOREIGN_RUN ? strictDecode(run, "gb18030") : null;
    const text = gbk ?? utf8.decode(run);
    if (gbk === null) replaced += countReplacements(text);
    parts.push(text);
    repairs++;
    from = i;
  }
  parts.push(utf8.decode(bytes.subarray(from)));
  const text = parts.join("");
  if (tooManyReplaced(replaced, text.length)) return null;
  return {text, encoding: "utf-8", repairs};
}

// One fatal decoder per label: opening an ICU converter costs more than decoding a short span, and a decoder called
// without {stream: true} starts afresh on every call, even after an error.
const strictDecoders = new Map<string, TextDecoder>();

/** The text, or null when the bytes are not valid in the encoding (TextDecoder with {fatal: true}). */
function strictDecode(bytes: Uint8Array, label: string): string | null {
  if (label === "utf-8") return strictUtf8(bytes);
  let decoder = strictDecoders.get(label);
  if (!decoder) strictDecoders.set(label, (decoder = new TextDecoder(label, {fatal: true})));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * What TextDecoder("utf-8", {fatal: true}) gives, a leading BOM dropped, in a fifth of its time: Node's isUtf8
 * (simdutf) checks the bytes and transcode converts them to UTF-16 in one native call each, where the decoder builds
 * the string from UTF-8 character by character.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return transcode(bytes.subarray(bom), "utf8", "ucs2").toString("ucs2");
}

/** Where an encoding puts its frequent characters, as a test on the two bytes of a character. */
interface FrequentBlock {
  /** Whether a two-byte sequence starting with this lead byte is four bytes long (GB18030's 0x81–0xFE 0x30–0x39). */
  fourByte: (second: number) => boolean;
  frequent: (lead: number, trail: number) => boolean;
}

/** GB2312 level 1 (B0A1–D7F9): the 3,755 most used characters, in pinyin order; GBK and GB18030 keep it as is. */
const GB2312_LEVEL_1: FrequentBlock = {
  fourByte: (second) => second >= 0x30 && second <= 0x39,
  frequent: (lead, trail) => lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1 && trail <= 0xfe
};

/** Big5's frequent characters (常用字, A440–C67E): 5,401 characters, by stroke count. */
const BIG5_FREQUENT: FrequentBlock = {
  fourByte: () => false,
  frequent: (lead, trail) => {
    const code = (lead << 8) | trail;
    return code >= 0xa440 && code <= 0xc67e && (trail <= 0x7e || trail >= 0xa1);
  }
};

/** Share of the two-byte characters in `bytes`, read as the block's encoding reads them, that fall in its block.
 * Text in one of these encodings read as the other lands mostly outside the other's block. */
function frequentShare(bytes: Uint8Array, block: FrequentBlock): number {
  let pairs = 0;
  let frequent = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x81 || lead > 0xfe) continue;
    const trail = bytes[i + 1];
    if (block.fourByte(trail)) {
      i += 3;
      continue;
    }
    pairs++;
    if (block.frequent(lead, trail)) frequent++;
    i++;
  }
  return pairs ? frequent / pairs : 0;
}

/** GBK is GB18030 without its four-byte sequences (lead 0x81–0xFE, then a digit byte 0x30–0x39). */
function hasFourByteGb18030(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x81) continue;
    const next = bytes[i + 1];
    if (next >= 0x30 && next <= 0x39) return true;
    i++;
  }
  return false;
}

// What screen() looks for, by code unit: C0 and C1 controls (CONTROL), and the other characters normalise() changes
// (CHANGED: tab, CR, form feed, the line and paragraph separators, no-break and zero-width spaces, BOM). Line feed is
// neither.
const [CONTROL, CHANGED] = [1, 2];
const SCREEN = new Uint8Array(0x10000);
SCREEN.fill(CONTROL | CHANGED, 0, 0x20);
SCREEN.fill(CONTROL | CHANGED, 0x7f, 0xa0);
for (const c of [9, 12, 13]) SCREEN[c] = CHANGED;
SCREEN[10] = 0;
for (const c of [0xa0, 0x2028, 0x2029, 0xfeff, 0x200b, 0x200c, 0x200d, 0x2060]) SCREEN[c] = CHANGED;

/** One pass over the decoded text: how many control characters it holds (other than tab, line feed, carriage return
 * and form feed), and whether normalise() would leave it as it is. */
function screen(s: string): {controls: number; plain: boolean} {
  let controls = 0;
  let changed = 0;
  for (let i = 0; i < s.length; i++) {
    const flags = SCREEN[s.charCodeAt(i)];
    if (flags === 0) continue;
    if (flags & CONTROL) controls++;
    changed |= flags;
  }
  return {controls, plain: changed === 0};
}

function sniffFormat(s: string): "html" | "text" {
  // Every form below opens with <: a page without one near its top is text.
  const lt = s.indexOf("<");
  if (lt < 0 || lt >= 2048) return "text";
  // An XHTML page opens with an XML declaration before its doctype.
  const head = s
    .slice(0, 2048)
    .trimStart()
    .toLowerCase()
    .replace(/^<\?xml[^>]{0,200}>\s*/, "");
  if (/^(<!doctype html|<html|<head|<body|<meta|<!--)/.test(head)) return "html";
  const opens = /<(p|div|br|h[1-6]|table|span)[\s>/]/.test(head);
  return opens && /<\/(p|div|h[1-6]|table|span)>/.test(head) ? "html" : "text";
}

/**
 * Line breaks to \n (CRLF, CR, form feed and the Unicode line/paragraph separators), tabs and no-break spaces to
 * spaces, other control characters and zero-width characters removed. Full-width ASCII (２０２０, ：) is kept as read.
 */
export function normalise(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c < 0x20) {
      if (c === 10) continue;
      rep = c === 13 ? (s.charCodeAt(i + 1) === 10 ? "" : "\n") : c === 12 ? "\n" : c === 9 || c === 11 ? " " : "";
    } else if (c >= 0x7f && c < 0xa0) rep = "";
    else if (c === 0xa0) rep = " ";
    else if (c === 0x2028 || c === 0x2029) rep = "\n";
    else if (c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x2060) rep = "";
    else continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

// Elements whose content is not page text.
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"]);
// Elements that start a new line of text.
const BLOCKS = new Set(
  (
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr table section article header footer blockquote pre hr dd dt dl " +
    "figcaption figure main nav aside address title td th caption form fieldset center"
  ).split(" ")
);

/** Text of an HTML page: one linear pass; scripts, styles and comments dropped, block elements become line breaks. */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) parts.push(collapseSpace(html.slice(i, textEnd)));
    if (lt < 0) break;
    if (html.startsWith("<!--", lt)) {
      // <!--> and <!---> are whole (empty) comments, as browsers read them; else the comment runs to -->.
      const empty = html.startsWith(">", lt + 4) ? lt + 5 : html.startsWith("->", lt + 4) ? lt + 6 : -1;
      const end = empty >= 0 ? empty - 3 : html.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    // A tag's name: a letter, then up to 30 letters, digits and hyphens (read by code unit, no substring or regex).
    const nameStart = html.charCodeAt(lt + 1) === SLASH ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    if (isAsciiLetter(html.charCodeAt(nameStart)))
      while (nameEnd < n && nameEnd - nameStart < 31 && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart) {
      // <!doctype …>, <?xml …?> and </ p> (an end tag that does not start with a letter is a bogus comment to
      // browsers) are markup up to the next >; a < before anything else is text, as in 1<2.
      const next = html[lt + 1];
      if (next === "!" || next === "?" || (next === "/" && lt + 2 < n)) {
        const end = html.indexOf(">", lt);
        i = end < 0 ? n : end + 1;
      } else {
        parts.push("<");
        i = lt + 1;
      }
      continue;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const close = tagEnd(html, nameEnd);
    const closing = nameStart === lt + 2;
    if (!closing && SKIPPED.has(name) && html.charCodeAt(close - 2) !== SLASH) {
      const end = lower.indexOf(`</${name}`, close);
      i = end < 0 ? n : tagEnd(html, end + name.length + 2);
      if (name === "head") parts.push("\n");
      continue;
    }
    if (BLOCKS.has(name)) parts.push("\n");
    else if (name === "td" || name === "th") parts.push(" ");
    i = close;
  }
  return decodeEntities(parts.join(""));
}

/** Index just past the `>` that ends a tag, skipping quoted attribute values. A quote opens a value only after
 * `=` (spaces allowed), as in HTML's tokenizer: a stray quote elsewhere in a tag does not swallow the page. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if ((c === DOUBLE_QUOTE || c === SINGLE_QUOTE) && afterEquals) quote = c;
    else if (c === GREATER) return i + 1;
    if (!quote && c !== 32 && c !== 9 && c !== 10 && c !== 13) afterEquals = c === EQUALS;
  }
  return html.length;
}

const [SLASH, DOUBLE_QUOTE, SINGLE_QUOTE, GREATER, EQUALS, NEWLINE] = [..."/\"'>=\n"].map((c) => c.charCodeAt(0));
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45;
/** What /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/ matches: CJK punctuation, ideographs, full-width forms. */
const CJK = charTable("", [
  [0x3000, 0x303f],
  [0x3400, 0x9fff],
  [0xff00, 0xffef]
]);

/** Source whitespace is one space, except a line wrapped next to a Chinese character, which was no space at all.
 * Each run of \s read by code unit; a single space stays as it is. */
function collapseSpace(s: string): string {
  let out = "";
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isWhiteSpace(c)) continue;
    let end = i + 1;
    let newline = c === NEWLINE;
    for (; end < n && isWhiteSpace(s.charCodeAt(end)); end++) newline ||= s.charCodeAt(end) === NEWLINE;
    const wrapped = newline && (CJK[codeAt(s, i - 1)] === 1 || CJK[codeAt(s, end)] === 1);
    if (wrapped || end > i + 1 || c !== 32) {
      out += s.slice(from, i) + (wrapped ? "" : " ");
      from = end;
    }
    i = end - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  shy: "",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  laquo: "«",
  raquo: "»",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  bull: "•",
  times: "×",
  divide: "÷",
  deg: "°",
  plusmn: "±",
  permil: "‰",
  yen: "¥",
  euro: "€",
  pound: "£",
  cent: "¢",
  copy: "©",
  reg: "®",
  trade: "™",
  sect: "§",
  para: "¶",
  le: "≤",
  ge: "≥",
  ne: "≠",
  minus: "−",
  micro: "µ",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  sup2: "²",
  sup3: "³",
  larr: "←",
  rarr: "→",
  uarr: "↑",
  darr: "↓",
  hArr: "⇔",
  zwnj: "",
  zwj: "",
  lrm: "",
  rlm: ""
};

/**
 * Named entities of the table above and every numeric entity; an unknown name is left as written. One pass that
 * reads each entity by hand and gathers decoded characters in runs, so a page that is a flood of entities (&#20108;
 * ×100k) makes a few strings rather than one per entity.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  const parts: string[] = [];
  const units: number[] = [];
  const flush = () => {
    for (let k = 0; k < units.length; k += UNITS_PER_CALL) {
      parts.push(String.fromCharCode.apply(null, units.slice(k, k + UNITS_PER_CALL)));
    }
    units.length = 0;
  };
  let from = 0;
  for (; amp >= 0; amp = s.indexOf("&", amp + 1)) {
    const entity = readEntity(s, amp);
    if (!entity) continue;
    if (amp > from) {
      flush();
      parts.push(s.slice(from, amp));
    }
    if (typeof entity.text === "string") {
      flush();
      parts.push(entity.text);
    } else if (entity.text > 0xffff)
      units.push(0xd800 + ((entity.text - 0x10000) >> 10), 0xdc00 + (entity.text & 0x3ff));
    else units.push(entity.text);
    from = entity.end;
    amp = entity.end - 1;
  }
  flush();
  parts.push(s.slice(from));
  return parts.join("");
}

// Code units turned into a string per call of String.fromCharCode: far below the engine's argument limit.
const UNITS_PER_CALL = 4096;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The entity at `at` (an &): its text (a code point, or a named entity's string) and where it ends, or null. */
function readEntity(s: string, at: number): {text: number | string; end: number} | null {
  let k = at + 1;
  if (s.charCodeAt(k) === 35 /* # */) {
    k++;
    const hex = s.charCodeAt(k) === 120 || s.charCodeAt(k) === 88;
    if (hex) k++;
    const start = k;
    const max = hex ? 6 : 7;
    while (k - start < max && (hex ? isHex(s.charCodeAt(k)) : isDigit(s.charCodeAt(k)))) k++;
    if (k === start) return null;
    const code = parseInt(s.slice(start, k), hex ? 16 : 10);
    if (s.charCodeAt(k) === 59 /* ; */) k++;
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return {text: 0xfffd, end: k};
    return {text: code === 0xa0 ? 32 : code, end: k};
  }
  if (!isLetter(s.charCodeAt(k))) return null;
  const start = k;
  while (k - start < 32 && (isLetter(s.charCodeAt(k)) || isDigit(s.charCodeAt(k)))) k++;
  if (k - start < 2) return null;
  const name = s.slice(start, k);
  if (!Object.hasOwn(ENTITIES, name)) return null;
  const text = ENTITIES[name];
  if (s.charCodeAt(k) === 59) k++;
  return {text, end: k};
}

/** The `name`/`property`/`itemprop` of a <meta> tag that gives the page's publication date, most trusted first. */
export const PUBLISHED_META = [
  "article:published_time",
  "publishdate",
  "pubdate",
  "publish_date",
  "publishtime",
  "datepublished",
  "dc.date.issued",
  "dc.date",
  "date"
];
// A tag longer than this is not one a CMS wrote; its attributes are not read (keeps the scan linear on floods).
const TAG_MAX = 2000;
const ATTRIBUTE = /([a-zA-Z:._-]{1,40})\s*=\s*(?:"([^"]{0,300})"|'([^']{0,300})'|([^\s"'>]{1,300}))/g;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    const name = m[1].toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** 2020-05-29, 2020-05-29T09:30:00+08:00, 2020/5/29, 2020年5月29日, 20200529 → 2020-05-29; else null. */
export function isoFromMeta(value: string): string | null {
  const m = /^\s*((?:19|20)\d{2})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})(?!\d)/.exec(value.slice(0, 40));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The publication date in an HTML page's metadata: <meta name="publishdate" content="…"> and the other names of
 * PUBLISHED_META (the most trusted one present wins), else the first <time datetime="…">. One pass over the tags.
 */
export function htmlPublished(html: string): string | null {
  const lower = html.toLowerCase();
  let best: {rank: number; date: string} | null = null;
  let time: string | null = null;
  for (let at = lower.indexOf("<"); at >= 0; at = lower.indexOf("<", at + 1)) {
    const isMeta = lower.startsWith("<meta", at);
    if (!isMeta && !(time === null && lower.startsWith("<time", at))) continue;
    const close = lower.indexOf(">", at);
    if (close < 0) break;
    if (close - at > TAG_MAX) {
      at = close;
      continue;
    }
    const attrs = attributes(html.slice(at + 5, close));
    if (isMeta) {
      const key = (attrs.get("name") ?? attrs.get("property") ?? attrs.get("itemprop") ?? "").toLowerCase();
      const rank = PUBLISHED_META.indexOf(key);
      const date = rank >= 0 ? isoFromMeta(attrs.get("content") ?? "") : null;
      if (date && (!best || rank < best.rank)) best = {rank, date};
    } else time = isoFromMeta(attrs.get("datetime") ?? "");
    at = close;
  }
  return best?.date ?? time;
}

/** Markdown to plain lines: heading, quote and emphasis marks and link targets go, the words stay. */
function markdownToText(s: string): string {
  return s
    .replace(/^[ \t]{0,3}(?:>[ \t]?)+/gm, "")
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "")
    .replace(/!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)/g, "")
    .replace(/\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, "$1")
    .replace(/\*\*|__/g, "");
}
