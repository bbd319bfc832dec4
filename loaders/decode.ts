// Bytes to text: detect the encoding (UTF-8 with or without BOM, UTF-16 by BOM or by its NUL pattern, GBK/GB18030,
// Big5), reject what is not text with a reason a person can act on, normalise line breaks and control characters, and
// turn an HTML page into its text. Node's TextDecoder (full ICU) with {fatal: true} does the decoding, so a byte
// sequence that is not valid in the guessed encoding is an error rather than a page of replacement characters.

export type Decoded = {text: string; encoding: string; html: boolean};
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
  const controls = countControls(raw);
  if (controls > 0 && controls > raw.length * MAX_CONTROL_SHARE) {
    return {rejected: `binary: ${controls} control characters in ${raw.length}`, encoding: guess.encoding};
  }
  const format = options.format && options.format !== "auto" ? options.format : sniffFormat(raw);
  let text = normalise(raw);
  if (format === "html") text = normalise(htmlToText(text));
  else if (format === "markdown") text = markdownToText(text);
  if (!/[^\s]/.test(text)) {
    return {rejected: format === "html" ? "HTML page with no text" : "empty page", encoding: guess.encoding};
  }
  return {text, encoding: guess.encoding, html: format === "html"};
}

type Guess = {text: string; encoding: string} | Rejected;

function detectEncoding(bytes: Uint8Array): Guess {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs(bytes, "utf-8", "utf-8-bom");
  if (b0 === 0xff && b1 === 0xfe) return decodeAs(bytes, "utf-16le", "utf-16le");
  if (b0 === 0xfe && b1 === 0xff) return decodeAs(bytes, "utf-16be", "utf-16be");
  // Without a BOM, UTF-16 shows itself by NULs in the high byte of ASCII characters (digits, punctuation, newlines).
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddNul++ : evenNul++;
  const half = sample.length / 2;
  if (oddNul > half * 0.1 && evenNul < oddNul / 20) return decodeAs(bytes, "utf-16le", "utf-16le");
  if (evenNul > half * 0.1 && oddNul < evenNul / 20) return decodeAs(bytes, "utf-16be", "utf-16be");
  if (evenNul + oddNul > 0) return {rejected: "binary: contains NUL bytes", encoding: "unknown"};
  const utf8 = strictDecode(bytes, "utf-8");
  if (utf8 !== null) return {text: utf8, encoding: "utf-8"};
  // Two-byte Chinese: GBK/GB18030 (simplified) or Big5 (traditional). Most byte pairs are valid in both, so the
  // one whose frequent-character block holds more of the pairs is tried first; a strict decode failing rules it out.
  const gb = {label: "gb18030", encoding: hasFourByteGb18030(bytes) ? "gb18030" : "gbk"};
  const big5 = {label: "big5", encoding: "big5"};
  const order = frequentShare(sample, BIG5_FREQUENT) > frequentShare(sample, GB2312_LEVEL_1) ? [big5, gb] : [gb, big5];
  for (const {label, encoding} of order) {
    const text = strictDecode(bytes, label);
    if (text !== null) return {text, encoding};
  }
  return {rejected: `undecodable: not valid ${gb.encoding}`, encoding: gb.encoding};
}

function decodeAs(bytes: Uint8Array, label: string, encoding: string): Guess {
  const text = strictDecode(bytes, label);
  return text === null ? {rejected: `undecodable: not valid ${encoding}`, encoding} : {text, encoding};
}

/** The text, or null when the bytes are not valid in the encoding (TextDecoder with {fatal: true}). */
function strictDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, {fatal: true}).decode(bytes);
  } catch {
    return null;
  }
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

function countControls(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 && c !== 12 : c >= 0x7f && c < 0xa0) n++;
  }
  return n;
}

function sniffFormat(s: string): "html" | "text" {
  // An XHTML page opens with an XML declaration before its doctype.
  const head = s.slice(0, 2048).trimStart().toLowerCase().replace(/^<\?xml[^>]{0,200}>\s*/, "");
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
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]{0,30})/.exec(html.slice(lt, lt + 33));
    if (!m) {
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
    const name = m[1].toLowerCase();
    const close = tagEnd(html, lt + m[0].length);
    const closing = html[lt + 1] === "/";
    if (!closing && SKIPPED.has(name) && html[close - 2] !== "/") {
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
  let quote = "";
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if ((c === '"' || c === "'") && afterEquals) quote = c;
    else if (c === ">") return i + 1;
    if (!quote && c !== " " && c !== "\t" && c !== "\n" && c !== "\r") afterEquals = c === "=";
  }
  return html.length;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Source whitespace is one space, except a line wrapped next to a Chinese character, which was no space at all. */
function collapseSpace(s: string): string {
  return s.replace(/\s+/g, (ws, at: number) => {
    if (ws.includes("\n") && (CJK.test(s[at - 1] ?? "") || CJK.test(s[at + ws.length] ?? ""))) return "";
    return " ";
  });
}

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", shy: "",
  ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’", laquo: "«", raquo: "»", mdash: "—", ndash: "–", hellip: "…",
  middot: "·", bull: "•", times: "×", divide: "÷", deg: "°", plusmn: "±", permil: "‰", yen: "¥", euro: "€",
  pound: "£", cent: "¢", copy: "©", reg: "®", trade: "™", sect: "§", para: "¶", le: "≤", ge: "≥", ne: "≠",
  minus: "−", micro: "µ", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²", sup3: "³", larr: "←", rarr: "→",
  uarr: "↑", darr: "↓", hArr: "⇔", zwnj: "", zwj: "", lrm: "", rlm: ""
};

/** Named entities of the table above and every numeric entity; an unknown name is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (all, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return code === 0xa0 ? " " : String.fromCodePoint(code);
    }
    return ENTITIES[body] ?? all;
  });
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
