// Hostile documents for the fuzz suite (test/fuzz.test.ts) and campaign (bench/fuzz.bench.ts): the seeds' text
// damaged or flooded one way at a time, from a seeded generator so every failure is reproduced by its seed.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const seedsDir = fileURLToPath(new URL("../../data/", import.meta.url));

/** mulberry32: small, fast, and the same on every machine. */
export function random(seed: number) {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return {next, int, pick};
}

export type Random = ReturnType<typeof random>;

export interface Seed {
  name: string;
  text: string;
}

let seedCache: Seed[] | null = null;

export function seedPages(): Seed[] {
  return (seedCache ??= readdirSync(seedsDir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({name, text: readFileSync(join(seedsDir, name), "utf8")})));
}

/** Text of about `size` characters, built by repeating `unit()` (each call may differ). */
function flood(size: number, unit: () => string): string {
  const parts: string[] = [];
  for (let n = 0; n < size;) {
    const part = unit();
    parts.push(part);
    n += part.length;
  }
  return parts.join("");
}

const DIGITS = "0123456789";
const NUMERALS = "一二三四五六七八九十百千万亿零两〇壹贰叁肆伍陆柒捌玖拾佰仟";
const UNITS = ["户", "人", "名", "元", "万元", "亿元", "亩", "斤", "公斤", "个", "家", "%", "人次", "平方米", "块钱"];
const CUES = ["约", "余", "多", "近", "左右", "超过", "几", "上下", "以上", "不到", "将近", "来", "数"];
const BRACKETS = "（）【】《》「」“”‘’()[]{}〔〕<>";
const CONTROLS = [0, 1, 2, 7, 8, 11, 12, 27, 127, 0x85, 0x200b, 0x200e, 0x202e, 0xfeff];

/**
 * The kinds of damage, each a function of the generator and a size in characters; each gives the bytes of one
 * document and the extension it is saved under. Sizes are approximate: a family may give a little more.
 */
export const FAMILIES: Record<string, (r: Random, size: number) => {bytes: Uint8Array; ext: string}> = {
  byteFlips: (r, size) => {
    const bytes = Buffer.from(seedText(r, size));
    for (let k = 1 + r.int(8); k > 0; k--) bytes[r.int(bytes.length)] ^= 1 << r.int(8);
    return {bytes, ext: ".txt"};
  },
  truncatedMidCharacter: (r, size) => {
    const bytes = Buffer.from(seedText(r, size));
    let cut = Math.max(1, bytes.length - r.int(64));
    while (cut > 1 && (bytes[cut] & 0xc0) !== 0x80) cut--; // inside a multi-byte character
    return {bytes: bytes.subarray(0, cut), ext: ".txt"};
  },
  mixedEncodings: (r, size) => {
    const paragraphs = seedText(r, size).split("\n");
    const parts = paragraphs.map((p) => (r.next() < 0.3 ? gbk(p) : Buffer.from(p + "\n")));
    return {bytes: Buffer.concat(parts), ext: ".txt"};
  },
  utf16: (r, size) => {
    const text = seedText(r, size);
    const le = Buffer.from(text, "utf16le");
    return {bytes: r.next() < 0.5 ? le : Buffer.from(le).swap16(), ext: ".txt"};
  },
  controls: (r, size) => {
    const parts: string[] = [];
    // Sparse (one in 200, under decode's 1% share for binary), so that they are read around rather than rejected.
    for (const char of seedText(r, size))
      parts.push(r.next() < 1 / 200 ? String.fromCharCode(r.pick(CONTROLS)) + char : char);
    return {bytes: Buffer.from(parts.join("")), ext: ".txt"};
  },
  hugeLine: (r, size) => ({bytes: Buffer.from(seedText(r, size).replace(/[\n。！？；!?;]/g, "，")), ext: ".txt"}),
  digitFlood: (r, size) => ({
    bytes: Buffer.from(
      flood(
        size,
        () =>
          `${digits(r, 1 + r.int(30))}${r.next() < 0.5 ? r.pick(UNITS) : ""}${r.pick(["", ".", ",", "，", "-", "~"])}`
      )
    ),
    ext: ".txt"
  }),
  numeralFlood: (r, size) => ({
    bytes: Buffer.from(flood(size, () => `${numerals(r, 1 + r.int(12))}${r.next() < 0.6 ? r.pick(UNITS) : ""}`)),
    ext: ".txt"
  }),
  cueFlood: (r, size) => ({
    bytes: Buffer.from(
      flood(
        size,
        () =>
          `${r.pick(CUES)}${r.next() < 0.5 ? digits(r, 1 + r.int(3)) : numerals(r, 1 + r.int(3))}${r.pick(CUES)}${r.pick(UNITS)}`
      )
    ),
    ext: ".txt"
  }),
  fractionFlood: (r, size) => ({
    bytes: Buffer.from(
      flood(
        size,
        () => `${r.next() < 0.5 ? "百" : numerals(r, 1)}分之${r.next() < 0.5 ? digits(r, 2) : numerals(r, 2)}`
      )
    ),
    ext: ".txt"
  }),
  bracketFlood: (r, size) => ({
    bytes: Buffer.from(
      flood(size, () => (r.next() < 0.7 ? r.pick([...BRACKETS]) : r.pick(["帮扶", "贫困户", "12户", "村", "“"])))
    ),
    ext: ".txt"
  }),
  htmlFlood: (r, size) => ({
    bytes: Buffer.from(
      flood(size, () =>
        r.pick([
          "<div>",
          "<p>",
          "</p>",
          "<script>",
          "<!--",
          "<style>",
          "&#20004;",
          "&#x4e09;",
          "&amp;",
          "&#",
          "&nbsp;",
          "<a href='javascript:alert(1)'>",
          "<b",
          "贫困户",
          "36.9万元",
          "\n"
        ])
      )
    ),
    ext: ".html"
  }),
  placeFlood: (r, size) => ({
    bytes: Buffer.from(flood(size, () => r.pick(["马庙村，", "阳谷县3户。", "东城街道", "开发区"]))),
    ext: ".txt"
  }),
  headingLines: (r, size) => ({
    bytes: Buffer.from(
      seedPages()[0].text.slice(0, 400) + "\n" + flood(size, () => `${r.pick(["扶贫", "测试", "聊城"])}${r.int(100)}\n`)
    ),
    ext: ".txt"
  }),
  binary: (r, size) => {
    const bytes = Buffer.alloc(Math.max(1, size >> 2));
    for (let i = 0; i < bytes.length; i++) bytes[i] = r.int(256);
    return {bytes, ext: ".txt"};
  },
  empty: (r) => ({
    bytes: Buffer.from(r.pick(["", "\ufeff", " \n\t\n", "\r\n\r\n"])),
    ext: r.pick([".txt", ".md", ".html"])
  })
};

export type Family = keyof typeof FAMILIES;

/** File names a folder of pages may hold, as bytes (some are not UTF-8). */
export function oddName(r: Random, i: number, ext: string): Buffer {
  const stem = r.pick([
    () => `page ${i}`,
    () => `-${i}`,
    () => `back\\slash-${i}`,
    () => `名字-${i}`,
    () => `${"长".repeat(70)}-${i}`,
    () => `\u202etxt.${i}`,
    () => `quote'"-${i}`,
    () => `semi;colon,${i}`,
    () => `plain-${i}`
  ])();
  const bytes = Buffer.from(stem);
  if (r.next() < 0.15) return Buffer.concat([bytes, Buffer.from([0xff, 0xfe]), Buffer.from(ext)]);
  return Buffer.concat([bytes, Buffer.from(ext)]);
}

function digits(r: Random, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += DIGITS[r.int(10)];
  return s;
}

function numerals(r: Random, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += NUMERALS[r.int(NUMERALS.length)];
  return s;
}

/** A stretch of the seeds' text of about `size` characters, starting at a random seed and place. */
function seedText(r: Random, size: number): string {
  const pages = seedPages();
  let text = "";
  let page = r.int(pages.length);
  let at = r.int(Math.max(1, pages[page].text.length - 200));
  while (text.length < size) {
    const chunk = pages[page].text.slice(at, at + size - text.length);
    text += chunk;
    page = (page + 1) % pages.length;
    at = 0;
  }
  return text;
}

let gbkTable: Map<string, Buffer> | null = null;

/** GBK bytes of text: a table made once from the decoder (Node has no GBK encoder); other characters become "?". */
function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== "\ufffd" && !gbkTable.has(char))
          gbkTable.set(char, Buffer.from([lead, trail]));
      }
    }
  }
  const parts: Buffer[] = [];
  for (const char of text) parts.push(char < "\x80" ? Buffer.from(char) : (gbkTable.get(char) ?? Buffer.from("?")));
  parts.push(Buffer.from("\n"));
  return Buffer.concat(parts);
}
