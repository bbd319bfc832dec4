// Layout repair of OCR/PDF page text: drop the page's furniture (masthead and its date line, editorial credits,
// contents box, page references, repeated photo captions, a web page's menus, breadcrumbs and tool links) and rejoin
// paragraphs that the extraction broke across lines and blank lines (`各相关\n\n\n\n职能部门`). Two forward passes over the lines; every pattern is anchored or bounded.
import * as chars from "./chars.js";
import * as cues from "./cues.js";
import {CONTENTS_HEADINGS, MENU_ENTRY_MAX, MENU_START, NAVIGATION, RELATED_LIST} from "./data/layout.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {asciiDigits, charTable, isWhiteSpace, SPACE_CHARS, SPACE_RANGES} = chars;
const {cued, cueTable, mayMatch} = cues;

export interface Paragraph {
  text: string;
  /** The paragraph ended with a jump to another page (下转3版): its article goes on elsewhere. */
  continued: boolean;
}

export interface Dropped {
  line: string;
  reason: string;
}

export interface Repaired {
  paragraphs: Paragraph[];
  /** The newspaper's name when the masthead prints it (今日开发区). */
  masthead: string | null;
  /** What was removed and why, in page order. */
  dropped: Dropped[];
}

/** Lines that belong to the page, not to an article. Tried on lines of at most 120 characters, digits folded to ASCII.
 * `cues`: characters of which every line the pattern matches holds at least one (a pattern without is always tried),
 * so that a line is put to the few patterns it can match, not to every one. */
export const FURNITURE: readonly {pattern: RegExp; reason: string; why: string; cues?: string}[] = [
  {
    pattern: /主管\s*主办|主办单位|^主办[:：]|^主管[:：]/,
    reason: "masthead",
    why: "publisher line under the paper's name",
    cues: "主"
  },
  {pattern: /^[(（]?\s*内部资料/, reason: "masthead", why: "internal-circulation notice of county papers", cues: "内"},
  {
    pattern: /^中共[\u4e00-\u9fff]{2,20}机关报$|机关报$/,
    reason: "masthead",
    why: "the party committee's organ line",
    cues: "机"
  },
  {
    pattern: /准印|刊号|CN\s?\d{2}\s?-\s?\d{4}|邮发代号|出版物号/,
    reason: "masthead",
    why: "registration numbers printed with the masthead",
    cues: "准刊C邮出"
  },
  {
    pattern: /第\s?\d+\s?期.{0,12}总第\s?\d+\s?期|今日\s?\d+\s?版|本期\s?\d+\s?版/,
    reason: "masthead",
    why: "issue number",
    cues: "期版"
  },
  {
    pattern: /^\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日.{0,4}(星期|周)[一二三四五六日天]/,
    reason: "masthead",
    why: "the issue's date line (read separately as issue_date)",
    cues: "星周"
  },
  {
    pattern: /^\d{4}\s?(?:年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[-./]\d{1,2}[-./]\d{1,2})\s*((星期|周)[一二三四五六日天])?$/,
    reason: "masthead",
    why: "a date alone on its line is the issue's date (2016年10月16日 under the masthead), never a headline",
    cues: "0123456789"
  },
  {
    pattern: /(统稿|校对|责编|责任编辑|本版编辑|美编|组版|版式|审核|终审|签发|值班主任|排版)\s?[:：]/,
    reason: "editorial credits",
    why: "who edited the page, not news",
    cues: ":："
  },
  {
    pattern:
      /^(第\s?[A-Z]?[\d一二三四五六七八九十]{1,3}\s?版(\s?[:：]\s?[\u4e00-\u9fff·]{1,8})?|[\d一二三四五六七八九十]{1,2}\s?版|[A-Z]\d{1,2}版?)$/,
    reason: "page reference",
    why: "page numbers and contents-box references",
    cues: "版ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  },
  {
    pattern: /^[(（]?\s*(记者|通讯员|本报记者)?\s*[\u4e00-\u9fff ]{2,16}\s?(摄|供图|摄影)\s*[)）]?$/,
    reason: "photo credit",
    why: "a photographer's credit under a picture",
    cues: "摄供"
  },
  {
    pattern: /^(新闻|投稿|读者)?热线[:：]|^(邮箱|网址|电话|邮编|地址)[:：]/,
    reason: "masthead",
    why: "contact lines",
    cues: ":："
  },
  ...NAVIGATION.map(({pattern, why, cues}) => ({pattern, reason: "navigation", why, cues}))
];

/** FURNITURE's cues, a full-width digit cueing what its ASCII digit does (the patterns see digits folded). */
const FURNITURE_CUES = cueTable(
  FURNITURE.map(({cues}) => cues && cues + cues.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)))
);

/** Why a line is page furniture (FURNITURE's reason), or null. */
function furnitureReason(line: string): string | null {
  if (line.length > 120) return null;
  const mask = cued(FURNITURE_CUES, line);
  let folded: string | null = null;
  for (let k = 0; k < FURNITURE.length; k++) {
    if (mayMatch(mask, k) && FURNITURE[k].pattern.test((folded ??= asciiDigits(line)))) return FURNITURE[k].reason;
  }
  return null;
}

/** Lines that head a block of page furniture, by what the block is: looked up whole, as one string. */
type Block = "contents" | "menu" | "related";
const BLOCK_HEADINGS = new Map<string, Block>([
  ...CONTENTS_HEADINGS.map((line): [string, Block] => [line, "contents"]),
  ...MENU_START.map((line): [string, Block] => [line, "menu"]),
  ...RELATED_LIST.map((line): [string, Block] => [line, "related"])
]);
const BLOCK_HEADING_MAX = Math.max(...[...BLOCK_HEADINGS.keys()].map((line) => line.length));
/** A jump to or from another page, removed where it stands. */
// `\s*(?:第\s*)?` rather than `\s*第?\s*`: two space runs side by side retry every split of a long run (quadratic).
const JUMP = /[(（]\s*(下转|上接|转|接)\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*版\s*[)）]/g;

export const HEADING_MAX = 45;
// Function words a headline never ends on (的, 把, 被, 将 …): a line ending on one was cut mid-sentence. Words that
// can end a noun (基地, 作为, 方向, 参与, 普及) are left out.
const UNFINISHED = charTable("的和在把被将从于而或但也又更给跟每这那该");
// A line that ends a sentence, or ends with a parenthesis after a sentence end (a byline, `(完)`), ends a paragraph:
// what /([。！？!?…；;]|——)[”’"'」』)）》]*$|(^|[。！？!?”’…])\s*[(（][^()（）]{1,40}[)）]$/ matches, read backwards
// from the end by code unit (the regex, not anchored at its start, was tried from every position of the line).
const STOP = charTable("。！？!?…；;");
const AFTER_STOP = charTable("”’\"'」』)）》");
const BEFORE_BYLINE = charTable("。！？!?”’…");
const PAREN = charTable("()（）");
const [EM_DASH, OPEN_PAREN, OPEN_FULL, CLOSE_PAREN, CLOSE_FULL] = [..."—(（)）"].map((c) => c.charCodeAt(0));
const BYLINE_MAX = 40;
const FULL_STOP = "。".charCodeAt(0);

export function endsSentence(line: string): boolean {
  let k = line.length;
  while (k > 0 && AFTER_STOP[line.charCodeAt(k - 1)] === 1) k--;
  if (k > 0 && STOP[line.charCodeAt(k - 1)] === 1) return true;
  if (k > 1 && line.charCodeAt(k - 1) === EM_DASH && line.charCodeAt(k - 2) === EM_DASH) return true;
  const close = line.charCodeAt(line.length - 1);
  if (close !== CLOSE_PAREN && close !== CLOSE_FULL) return false;
  // The parenthesis holds 1 to BYLINE_MAX characters, none a parenthesis, and follows a sentence end or the start.
  let open = line.length - 2;
  while (open >= 0 && PAREN[line.charCodeAt(open)] !== 1) open--;
  const inside = line.length - 2 - open;
  if (open < 0 || inside < 1 || inside > BYLINE_MAX) return false;
  const c = line.charCodeAt(open);
  if (c !== OPEN_PAREN && c !== OPEN_FULL) return false;
  let before = open - 1;
  while (before >= 0 && isWhiteSpace(line.charCodeAt(before))) before--;
  return before < 0 || BEFORE_BYLINE[line.charCodeAt(before)] === 1;
}

const OPENERS = charTable("“‘(（《「『[【");
const CLOSERS = charTable("”’)）》」』]】");

// String#trim drops exactly \s (which includes the ideographic space U+3000), in linear time: a pattern ending in
// [\s]+$ retries from every space of a long run inside a line and goes quadratic.
const trimLine = (s: string) => s.trim();

/** What a heading-like line may not hold anywhere (HEADING_STOP), end on (HEADING_OPEN_END), and holds fewer than
 * three of (COMMA). */
const HEADING_STOP = charTable("。；;");
const HEADING_OPEN_END = charTable(",，、:：…");
const COMMA = charTable(",，");

/**
 * A line that can be a headline, kicker, subtitle or section heading: short, no full stop, not ending in the
 * middle of a clause, fewer than three commas. One pass over the line's code units.
 */
export function isHeadingLike(line: string): boolean {
  const n = line.length;
  if (n > HEADING_MAX) return false;
  let commas = 0;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (HEADING_STOP[c] === 1) return false;
    commas += COMMA[c];
  }
  if (commas >= 3) return false;
  const last = n > 0 ? line.charCodeAt(n - 1) : 0;
  return HEADING_OPEN_END[last] !== 1 && UNFINISHED[last] !== 1;
}

/** A line plainly in running text: a sentence inside, too long for a heading, or a bracket left open. (A heading-like
 * line holds no 。；; at all, so only the brackets are left to count.) */
function isBodyLine(line: string): boolean {
  if (!isHeadingLike(line)) return true;
  let open = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (OPENERS[c] === 1) open++;
    else if (CLOSERS[c] === 1 && open > 0) open--;
  }
  return open > 0;
}

/** The next line cannot continue a paragraph: a byline (□王长新, (王珊)) or a source line (本报…讯, 开发区讯). */
function startsSomethingElse(line: string): boolean {
  return (
    /^[□■◇◆●]/.test(line) ||
    /^[(（][^()（）]{1,40}[)）]$/.test(line) ||
    /^(本报|新华社)|^[\u4e00-\u9fff]{2,10}讯[(（\s]/.test(line)
  );
}

const STEM_TAIL = charTable("。.—-" + SPACE_CHARS, SPACE_RANGES);
const STEM_HEAD = charTable("—-");

/** A line without the stops, dashes and spaces it ends with, then without the dashes it starts with: a caption and
 * the headline it repeats compare equal. */
function stem(s: string): string {
  let end = s.length;
  while (end > 0 && STEM_TAIL[s.charCodeAt(end - 1)] === 1) end--;
  let start = 0;
  while (start < end && STEM_HEAD[s.charCodeAt(start)] === 1) start++;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export function repair(text: string): Repaired {
  const raw = text.split("\n");
  const dropped: Dropped[] = [];
  const lines: {text: string; continued: boolean}[] = [];
  const headings = new Set<string>();
  let masthead: string | null = null;
  const nonBlank: number[] = [];
  for (let i = 0; i < raw.length && nonBlank.length < 8; i++) if (trimLine(raw[i])) nonBlank.push(i);

  const furniture = furnitureReason;

  // The paper's name: a short line at the top followed within three lines by masthead furniture.
  for (let k = 0; k < Math.min(nonBlank.length, 4); k++) {
    const line = trimLine(raw[nonBlank[k]]);
    if (line.length > 16 || /[,，。:：!！?？“”]/.test(line) || furniture(line)) continue;
    if (nonBlank.slice(k + 1, k + 4).some((j) => furniture(trimLine(raw[j])) === "masthead")) {
      masthead = line;
      raw[nonBlank[k]] = "";
      dropped.push({line, reason: "masthead"});
      break;
    }
  }

  for (let i = 0; i < raw.length; i++) {
    let line = trimLine(raw[i]);
    if (!line) continue;
    const reason = furniture(line);
    if (reason) {
      dropped.push({line, reason});
      continue;
    }
    const block = line.length <= BLOCK_HEADING_MAX ? BLOCK_HEADINGS.get(line) : undefined;
    if (block === "contents") {
      i = dropContents(raw, i, dropped);
      continue;
    }
    if (block !== undefined) {
      i = dropLinkList(raw, i, dropped, block === "menu" ? MENU_ENTRY_MAX : HEADING_MAX);
      continue;
    }
    let continued = false;
    // Every jump prints 版 and 转 or 接: one scan rules out most lines.
    if (line.includes("版") && (line.includes("转") || line.includes("接"))) {
      JUMP.lastIndex = 0;
      line = line.replace(JUMP, (jump: string) => {
        dropped.push({line: jump, reason: "page jump"});
        if (/下转|(^|[^上])转/.test(jump)) continued = true;
        return "";
      });
      line = trimLine(line);
      if (!line) {
        if (continued && lines.length) lines[lines.length - 1].continued = true;
        continue;
      }
    }
    if (line.length <= HEADING_MAX && line.charCodeAt(line.length - 1) === FULL_STOP && headings.has(stem(line))) {
      dropped.push({line, reason: "photo caption"});
      continue;
    }
    if (isHeadingLike(line)) headings.add(stem(line));
    lines.push({text: line, continued});
  }

  const paragraphs: Paragraph[] = [];
  let parts: string[] = [];
  let last = "";
  let continued = false;
  const flush = () => {
    if (parts.length) paragraphs.push({text: parts.length === 1 ? parts[0] : parts.join(""), continued});
    parts = [];
    last = "";
    continued = false;
  };
  for (const {text: line, continued: jumps} of lines) {
    const joins =
      parts.length > 0 &&
      !continued &&
      !endsSentence(last) &&
      isBodyLine(last) &&
      !isHeadingLike(line) &&
      !startsSomethingElse(line);
    if (!joins) flush();
    else if (/[A-Za-z0-9]$/.test(last) && /^[A-Za-z0-9]/.test(line)) parts.push(" ");
    parts.push(line);
    last = joins ? last.slice(-60) + line : line;
    continued = jumps;
  }
  flush();
  return {paragraphs, masthead, dropped};
}

/**
 * Drops a site menu (首页 and the short entries after it) or a list of related headlines from its heading to the
 * last line that can be an entry (heading-like, at most `entryMax` characters); returns the index of the last line
 * dropped. Blank lines inside the list are skipped; the list ends at the first line that is not an entry.
 */
function dropLinkList(raw: string[], at: number, dropped: Dropped[], entryMax: number): number {
  dropped.push({line: trimLine(raw[at]), reason: "navigation"});
  let last = at;
  for (let j = at + 1; j < raw.length && j - last <= 3; j++) {
    const line = trimLine(raw[j]);
    if (!line) continue;
    if (line.length > entryMax || !isHeadingLike(line)) break;
    dropped.push({line, reason: "navigation"});
    last = j;
  }
  return last;
}

/** Drops a contents box from its heading to its last page reference; returns the index of the last line dropped. */
function dropContents(raw: string[], at: number, dropped: Dropped[]): number {
  let lastRef = at;
  let sinceRef = 0;
  for (let j = at + 1; j < raw.length && sinceRef <= 6; j++) {
    const line = trimLine(raw[j]);
    if (!line) continue;
    const folded = asciiDigits(line);
    if (/(^|\s)(第\s?)?\d{1,2}\s?版$/.test(folded)) {
      lastRef = j;
      sinceRef = 0;
    } else if (isHeadingLike(line)) sinceRef++;
    else break;
  }
  for (let j = at; j <= lastRef; j++) {
    const line = trimLine(raw[j]);
    if (line) dropped.push({line, reason: "contents box"});
  }
  return lastRef;
}
