// Layout repair of OCR/PDF page text: drop the page's furniture (masthead and its date line, editorial credits,
// contents box, page references, repeated photo captions, a web page's menus, breadcrumbs and tool links) and rejoin
// paragraphs that the extraction broke across lines and blank lines (`各相关\n\n\n\n职能部门`). Two forward passes over the lines; every pattern is anchored or bounded.
import {asciiDigits} from "./chars.js";
import {MENU_ENTRY_MAX, MENU_START, NAVIGATION, RELATED_LIST} from "./data/layout.js";

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

/** Lines that belong to the page, not to an article. Tried on lines of at most 120 characters. */
export const FURNITURE: readonly {pattern: RegExp; reason: string; why: string}[] = [
  {
    pattern: /主管\s*主办|主办单位|^主办[:：]|^主管[:：]/,
    reason: "masthead",
    why: "publisher line under the paper's name"
  },
  {pattern: /^[(（]?\s*内部资料/, reason: "masthead", why: "internal-circulation notice of county papers"},
  {pattern: /^中共[\u4e00-\u9fff]{2,20}机关报$|机关报$/, reason: "masthead", why: "the party committee's organ line"},
  {
    pattern: /准印|刊号|CN\s?\d{2}\s?-\s?\d{4}|邮发代号|出版物号/,
    reason: "masthead",
    why: "registration numbers printed with the masthead"
  },
  {
    pattern: /第\s?\d+\s?期.{0,12}总第\s?\d+\s?期|今日\s?\d+\s?版|本期\s?\d+\s?版/,
    reason: "masthead",
    why: "issue number"
  },
  {
    pattern: /^\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日.{0,4}(星期|周)[一二三四五六日天]/,
    reason: "masthead",
    why: "the issue's date line (read separately as issue_date)"
  },
  {
    pattern: /^\d{4}\s?(?:年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[-./]\d{1,2}[-./]\d{1,2})\s*((星期|周)[一二三四五六日天])?$/,
    reason: "masthead",
    why: "a date alone on its line is the issue's date (2016年10月16日 under the masthead), never a headline"
  },
  {
    pattern: /(统稿|校对|责编|责任编辑|本版编辑|美编|组版|版式|审核|终审|签发|值班主任|排版)\s?[:：]/,
    reason: "editorial credits",
    why: "who edited the page, not news"
  },
  {
    pattern:
      /^(第\s?[A-Z]?[\d一二三四五六七八九十]{1,3}\s?版(\s?[:：]\s?[\u4e00-\u9fff·]{1,8})?|[\d一二三四五六七八九十]{1,2}\s?版|[A-Z]\d{1,2}版?)$/,
    reason: "page reference",
    why: "page numbers and contents-box references"
  },
  {
    pattern: /^[(（]?\s*(记者|通讯员|本报记者)?\s*[\u4e00-\u9fff ]{2,16}\s?(摄|供图|摄影)\s*[)）]?$/,
    reason: "photo credit",
    why: "a photographer's credit under a picture"
  },
  {pattern: /^(新闻|投稿|读者)?热线[:：]|^(邮箱|网址|电话|邮编|地址)[:：]/, reason: "masthead", why: "contact lines"},
  ...NAVIGATION.map(({pattern, why}) => ({pattern, reason: "navigation", why}))
];

/** The heading of a contents box (今日导读); its entries are titles followed by page references. */
const CONTENTS = /^(?:(今日|本期|本版|要闻)?导读|(内容|要目)提要)$/;
/** A jump to or from another page, removed where it stands. */
// `\s*(?:第\s*)?` rather than `\s*第?\s*`: two space runs side by side retry every split of a long run (quadratic).
const JUMP = /[(（]\s*(下转|上接|转|接)\s*(?:第\s*)?[\d一二三四五六七八九十]{1,3}\s*版\s*[)）]/g;

export const HEADING_MAX = 45;
// Function words a headline never ends on (的, 把, 被, 将 …): a line ending on one was cut mid-sentence. Words that
// can end a noun (基地, 作为, 方向, 参与, 普及) are left out.
const UNFINISHED = /[的和在把被将从于而或但也又更给跟每这那该]$/;
// A line that ends a sentence, or ends with a parenthesis after a sentence end (a byline, `(完)`), ends a paragraph.
const ENDS_SENTENCE = /([。！？!?…；;]|——)[”’"'」』)）》]*$|(^|[。！？!?”’…])\s*[(（][^()（）]{1,40}[)）]$/;
const OPENERS = "“‘(（《「『[【";
const CLOSERS = "”’)）》」』]】";

// String#trim drops exactly \s (which includes the ideographic space U+3000), in linear time: a pattern ending in
// [\s]+$ retries from every space of a long run inside a line and goes quadratic.
const trimLine = (s: string) => s.trim();

/**
 * A line that can be a headline, kicker, subtitle or section heading: short, no full stop, not ending in the
 * middle of a clause.
 */
export function isHeadingLike(line: string): boolean {
  return (
    line.length <= HEADING_MAX &&
    !/[。；;]/.test(line) &&
    !/[,，、:：…]$/.test(line) &&
    !UNFINISHED.test(line) &&
    (line.match(/[,，]/g)?.length ?? 0) < 3
  );
}

/** A line plainly in running text: a sentence inside, too long for a heading, or a bracket left open. */
function isBodyLine(line: string): boolean {
  if (!isHeadingLike(line) || /[。；;]/.test(line.slice(0, -1))) return true;
  let open = 0;
  for (const c of line) {
    if (OPENERS.includes(c)) open++;
    else if (CLOSERS.includes(c) && open > 0) open--;
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

const stem = (s: string) => s.replace(/[\s\u3000。.—-]+$/g, "").replace(/^[—-]+/, "");

export function repair(text: string): Repaired {
  const raw = text.split("\n");
  const dropped: Dropped[] = [];
  const lines: {text: string; continued: boolean}[] = [];
  const headings = new Set<string>();
  let masthead: string | null = null;
  const nonBlank: number[] = [];
  for (let i = 0; i < raw.length && nonBlank.length < 8; i++) if (trimLine(raw[i])) nonBlank.push(i);

  const furniture = (line: string) => {
    if (line.length > 120) return null;
    const folded = asciiDigits(line);
    for (const f of FURNITURE) if (f.pattern.test(folded)) return f.reason;
    return null;
  };

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
    if (CONTENTS.test(line)) {
      i = dropContents(raw, i, dropped);
      continue;
    }
    if (MENU_START.test(line) || RELATED_LIST.test(line)) {
      i = dropLinkList(raw, i, dropped, MENU_START.test(line) ? MENU_ENTRY_MAX : HEADING_MAX);
      continue;
    }
    let continued = false;
    if (line.includes("转") || line.includes("接")) {
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
    if (line.length <= HEADING_MAX && /。$/.test(line) && headings.has(stem(line))) {
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
    if (parts.length) paragraphs.push({text: parts.join(""), continued});
    parts = [];
    last = "";
    continued = false;
  };
  for (const {text: line, continued: jumps} of lines) {
    const joins =
      parts.length > 0 &&
      !continued &&
      !ENDS_SENTENCE.test(last) &&
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
