// Articles on a repaired page: where each begins, its headline with kicker and subtitle, its byline and source line
// in the forms these papers, agencies and broadcasters print them (loaders/data/layout.ts), its dateline and its body.
// A heading inside a signed feature (春之声, 打造拥军文化新阵地) stays in its text; a heading starts a new article
// only on evidence (ARTICLE_STARTS), which a broadcast transcript or a page of briefs gives for every headline.
import * as chars from "./chars.js";
import * as cues from "./cues.js";
import * as dates from "./dates.js";
import {BRACKET_KICKER, LEAD_OPENERS, SOURCE_LINES} from "./data/layout.js";
import {COMPOUND_SURNAMES, SURNAME_CHARS} from "./data/surnames.js";
import * as repairing from "./repair.js";
import type {Paragraph} from "./repair.js";

// Local bindings: tsx compiles modules to CommonJS, where an imported binding is read through a getter on each use.
const {charTable, isWhiteSpace, SPACE_CHARS, SPACE_RANGES} = chars;
const {anyCue, cued, cueTable, mayMatch} = cues;
const {findDateline} = dates;
const {HEADING_MAX, isHeadingLike} = repairing;

export interface Article {
  title: string;
  subtitle: string | null;
  /** The line above the headline: a column (决战决胜·脱贫攻坚——聊城在行动, 回眸 2019) or a lead-in ending in ——. */
  kicker: string | null;
  /** Authors and correspondents as printed: 王珊, 记者 凌文秀 通讯员 楚诗韬, 融媒体中心 徐振鑫 通讯员 杨晓翠. */
  byline: string | null;
  /** The source line that opened the text (本报聊城3月15日讯, 开发区讯, 东昌府讯), removed from `text`. */
  source: string | null;
  /** The date the text opens with, as printed (8月31日下午, 15日, 近日, 8月份以来). */
  dateline: string | null;
  text: string;
  /** A legal notice (挂失声明, 遗失启事), not news. */
  notice: boolean;
}

// A byline token is a name only if it starts with a surname (the one list is data/surnames.ts).
const SURNAMES = new Set(SURNAME_CHARS);

/** Roles and media names that may stand beside names in a byline. */
const ROLE = /^(本报|特约|实习|见习|全媒体|融媒体)?(记者|通讯员|编辑|摄影|摄|报道员|实习生|评论员)$/;
const MEDIA = /(报|壹点|电视台|广播电视台|新闻网|网|社|融媒体中心|中心|传媒|客户端)$|·/;

function isName(token: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(token)) return false;
  return SURNAMES.has(token[0]) || COMPOUND_SURNAMES.some((s) => token.startsWith(s) && token.length > 2);
}

/** Byline content (王珊 · 张慧 李新胜 吴传来 · 记者 凌文秀 通讯员 楚诗韬 · 吴廷昌、王德卫): names, roles and media only. */
export function isByline(content: string, needRole = false): boolean {
  if (!mayBeByline(content)) return false;
  const tokens = content
    .trim()
    .split(/[\s\u3000、，,]+/)
    .filter(Boolean);
  if (!tokens.length || tokens.length > 10) return false;
  let names = 0;
  let roles = 0;
  for (const token of tokens) {
    const bare = token.replace(/^(本报记者|记者|通讯员|实习生)/, "");
    if (ROLE.test(token) || (MEDIA.test(token) && token.length <= 12)) roles++;
    else if (isName(bare)) {
      names++;
      if (bare !== token) roles++;
    } else return false;
  }
  return names > 0 && (!needRole || roles > 0);
}

/** Byline tokens are separated by spaces and commas. */
const TOKEN_SEPARATOR = charTable("、，," + SPACE_CHARS, SPACE_RANGES);
/** The longest token isByline accepts: a medium (MEDIA, at most 12), a role (ROLE) or a name with its role before it
 * (本报记者 + 4) are all shorter. */
const TOKEN_MAX = 12;
const TOKENS_MAX = 10;

/** Whether `content` has from 1 to TOKENS_MAX tokens, none longer than TOKEN_MAX: one pass by code unit that rules
 * out a headline or a sentence (most lines isByline is asked about) before any split or regex. */
function mayBeByline(content: string): boolean {
  let tokens = 0;
  let run = 0;
  for (let i = 0; i < content.length; i++) {
    if (TOKEN_SEPARATOR[content.charCodeAt(i)] === 1) run = 0;
    else if (++run > TOKEN_MAX) return false;
    else if (run === 1 && ++tokens > TOKENS_MAX) return false;
  }
  return tokens > 0;
}

const BOX = charTable("□■◇◆●");

/** A byline standing alone above the text: □王长新 于洋, 齐鲁晚报·齐鲁壹点 记者 张超, 融媒体中心 徐振鑫 通讯员 杨晓翠. */
export function topByline(line: string): string | null {
  const boxed = BOX[line.charCodeAt(0)] === 1 ? /^[□■◇◆●]\s*(.{2,40})$/.exec(line) : null;
  if (boxed && isByline(boxed[1])) return boxed[1].trim();
  if (line.length <= 40 && isByline(line, true)) return line;
  return null;
}

/** A byline in parentheses that closes an article: (王珊) on its own line or after the last sentence. */
export function closingByline(paragraph: string): {body: string; byline: string} | null {
  // What /(^|[。！？!?”’…」）)])\s*[(（]([^()（）]{2,40})[)）]\s*$/ finds in the last CLOSING_TAIL characters, read
  // backwards from the end by code unit: the parenthesis is the last thing on the line, its opening the nearest
  // parenthesis before its close, and before that only spaces back to a sentence end or the start of the tail.
  const from = Math.max(0, paragraph.length - CLOSING_TAIL);
  let close = paragraph.length - 1;
  while (close >= from && isWhiteSpace(paragraph.charCodeAt(close))) close--;
  if (close < from || CLOSE_PARENS[paragraph.charCodeAt(close)] !== 1) return null;
  let open = close - 1;
  while (open >= from && PARENS[paragraph.charCodeAt(open)] !== 1) open--;
  const inside = close - open - 1;
  if (open < from || OPEN_PARENS[paragraph.charCodeAt(open)] !== 1 || inside < 2 || inside > 40) return null;
  let start = open;
  while (start > from && isWhiteSpace(paragraph.charCodeAt(start - 1))) start--;
  if (start > from && !ENDS_BEFORE_BYLINE[paragraph.charCodeAt(start - 1)]) return null;
  const content = paragraph.slice(open + 1, close);
  if (!isByline(content)) return null;
  return {body: paragraph.slice(0, start).trimEnd(), byline: content.trim()};
}

/** How far from its end a paragraph's closing byline is looked for. */
const CLOSING_TAIL = 60;
const OPEN_PARENS = charTable("(（");
const CLOSE_PARENS = charTable(")）");
const PARENS = charTable("()（）");
const ENDS_BEFORE_BYLINE = charTable("。！？!?”’…」）)");

/**
 * The source line that opens a report (SOURCE_LINES): 本报聊城3月15日讯(记者 凌文秀 通讯员 楚诗韬), 开发区讯(程威威),
 * 新华社北京11月18日电, 央视网消息（新闻联播）：. A parenthesis after it is its byline when it reads as one, else part of
 * the source (新闻联播); a colon after it goes with it.
 */
export function sourceLine(paragraph: string): {source: string; byline: string | null; rest: string} | null {
  if (!anyCue(SOURCE_CUES, paragraph, 0, SOURCE_HEAD)) return null;
  const mask = cued(SOURCE_CUES, paragraph, 0, SOURCE_HEAD);
  const head = paragraph.slice(0, SOURCE_HEAD);
  for (let k = 0; k < SOURCE_LINES.length; k++) {
    if (!mayMatch(mask, k)) continue;
    const m = SOURCE_LINES[k].pattern.exec(head);
    if (!m) continue;
    let source = m[1];
    let byline: string | null = null;
    const after = /^\s*(?:[(（]([^()（）]{1,40})[)）])?\s*([:：])?[\s\u3000]*/.exec(head.slice(source.length))!;
    if (after[1] !== undefined) {
      if (isByline(after[1])) byline = after[1].trim();
      else source += `（${after[1]}）`;
    }
    return {source, byline, rest: paragraph.slice(m[1].length + after[0].length)};
  }
  return null;
}

/** A body that opens like a report without a source line (记者从…获悉, 当地时间17日): see LEAD_OPENERS. */
export function opensLikeReport(paragraph: string): boolean {
  if (!anyCue(LEAD_CUES, paragraph, 0, LEAD_HEAD)) return false;
  const mask = cued(LEAD_CUES, paragraph, 0, LEAD_HEAD);
  const head = paragraph.slice(0, LEAD_HEAD);
  for (let k = 0; k < LEAD_OPENERS.length; k++)
    if (mayMatch(mask, k) && LEAD_OPENERS[k].pattern.test(head)) return true;
  return false;
}

/** How far into a paragraph its source line, and a lead's opening words, are looked for. */
const [SOURCE_HEAD, LEAD_HEAD] = [80, 60];
const SOURCE_CUES = cueTable(SOURCE_LINES.map(({cues}) => cues));
const LEAD_CUES = cueTable(LEAD_OPENERS.map(({cues}) => cues));

/** How many lines of a heading block, counted up from the text, `echoes` tries: the headline and its subtitles. */
const ECHO_LINES = 4;

/** The shortest headline `echoes` weighs, and the share of its character pairs the lead must repeat. */
export const ECHO = {minPairs: 2, share: 0.4, leadChars: 120};

const [HAN_FIRST, HAN_LAST] = [0x4e00, 0x9fff];
const isUnifiedHan = (c: number) => c >= HAN_FIRST && c <= HAN_LAST;

// Scratch for echoes, reused (no Set or array per heading; headings are at most HEADING_MAX long, a longer one grows
// it): the heading's distinct pairs as first and second code
// units, which of them the lead repeats, and a stamp per first character that says "some pair of this heading starts
// here", so that most of the lead's pairs are ruled out by one read.
let wantedFirst = new Uint16Array(HEADING_MAX);
let wantedSecond = new Uint16Array(HEADING_MAX);
let repeated = new Uint8Array(HEADING_MAX);
const startsPair = new Int32Array(HAN_LAST - HAN_FIRST + 1);
let stamp = 0;

/**
 * Whether a body's first words repeat its headline: a news lead restates who did what (习近平会见南非总统 →
 * 国家主席习近平18日在人民大会堂会见南非总统), while a section heading inside a feature (产业兴起来, 春之声) names a
 * theme its paragraph does not repeat. Counts the headline's distinct pairs of adjacent Han characters (U+4E00–U+9FFF)
 * found among those of the lead (its first ECHO.leadChars characters).
 */
export function echoes(heading: string, body: string): boolean {
  if (++stamp === 0x7fffffff) (startsPair.fill(0), (stamp = 1));
  let wanted = 0;
  if (heading.length > wantedFirst.length) {
    [wantedFirst, wantedSecond] = [new Uint16Array(heading.length), new Uint16Array(heading.length)];
    repeated = new Uint8Array(heading.length);
  }
  for (let i = 0; i + 1 < heading.length; i++) {
    const a = heading.charCodeAt(i);
    const b = heading.charCodeAt(i + 1);
    if (!isUnifiedHan(a) || !isUnifiedHan(b)) continue;
    let seen = false;
    if (startsPair[a - HAN_FIRST] === stamp)
      for (let k = 0; k < wanted && !seen; k++) seen = wantedFirst[k] === a && wantedSecond[k] === b;
    if (seen) continue;
    startsPair[a - HAN_FIRST] = stamp;
    wantedFirst[wanted] = a;
    wantedSecond[wanted] = b;
    repeated[wanted++] = 0;
  }
  if (wanted < ECHO.minPairs + 1) return false;
  let found = 0;
  const leadEnd = Math.min(body.length, ECHO.leadChars);
  for (let i = 0; i + 1 < leadEnd; i++) {
    const a = body.charCodeAt(i);
    if (!isUnifiedHan(a) || startsPair[a - HAN_FIRST] !== stamp) continue;
    const b = body.charCodeAt(i + 1);
    for (let k = 0; k < wanted; k++) {
      if (wantedFirst[k] === a && wantedSecond[k] === b && !repeated[k]) ((repeated[k] = 1), found++);
    }
  }
  return found >= ECHO.minPairs && found >= wanted * ECHO.share;
}

const NOTICE_TITLE = /(声明|启事|公告|通告|公示|告示)$|^(挂失|遗失|作废|注销)/;
const NOTICE_TEXT = /声明作废|特此(声明|公告|通知)/;
/** An untitled text is a notice by its wording only when it is notice-sized (a paragraph or two): a page run together
 * into one line (no breaks, no stops) that holds a notice somewhere is news with a notice in it, and keeps its figures. */
const NOTICE_MAX_CHARS = 400;

/** Evidence that a heading starts a new article rather than a section of the current one, each with its reason. */
export const ARTICLE_STARTS: readonly {test: string; reason: string}[] = [
  {test: "no article yet", reason: "the page's first heading"},
  {test: "the current article is closed", reason: "a closing byline (王珊) or a page jump (下转3版) ended it"},
  {test: "a byline or a source line follows", reason: "□王长新, 开发区讯(程威威): bylines open articles, not sections"},
  {test: "a kicker (…——, 决战决胜·脱贫攻坚) or a notice heading", reason: "columns and notices head articles"},
  {test: "headline shape: 地名:…, a place first, or …召开/举行", reason: "section headings name themes, not places"},
  {
    test: "the text under it ends with its own byline while the current article already has one",
    reason: "a signed item under a signed feature is a separate item (摘掉贫困帽 after a 记者 张超 feature)"
  },
  {
    test: "the text under it opens like a report (SOURCE_LINES, LEAD_OPENERS)",
    reason: "央视网消息（新闻联播）：, 新华社北京11月18日电, 记者从…获悉 open items, not sections"
  },
  {test: "a kicker in 【】", reason: "【决战决胜脱贫攻坚】 names a column, and columns head articles"},
  {
    test: "the lead repeats the heading (echoes)",
    reason: "习近平会见南非总统 → 国家主席习近平18日…会见南非总统: news leads restate their headline"
  },
  {
    test: "the current item is an unsigned brief (no byline above it, no source line) and the heading is not numbered",
    reason: "broadcast items and briefs carry no section headings; features with sections are signed at the top"
  }
];

/** A column line or lead-in above a headline; a short first line of a heading block is a kicker too (回眸 2019). */
const COLUMN = /——$|·|—{2}.+/;
const KICKER = /——$|·|—{2}.+|^.{1,10}$/;
const HEADLINE_SHAPE = new RegExp(
  "^[\\u4e00-\\u9fff]{2,12}[:：]" +
    "|^(聊城|山东|全国|全省|全市|全区|全县|[\\u4e00-\\u9fff]{1,6}?(?:省|市|县|区|镇|乡|街道))(?![\\u4e00-\\u9fff]{0,2}$)" +
    "|(召开|举行|举办|开幕|闭幕|揭牌|启动)$"
);
/** A kicker or title split over two lines: 开发区 / 召开党工委(扩大)会议; …中心组 / 进行集体学习. */
const WRAPPED_HEAD = /^[\u4e00-\u9fff]{1,5}(区|县|市|镇|乡|街道)$/;
const WRAPPED_TAIL = /^(进行|召开|举行|开展|举办|启动|推进|打好|打赢|部署|实现|获得|荣获|再获|深入|扎实)[^\s]{0,8}$/;

/** A numbered section heading (一、 （二） 3. 第一,): a part of the article above it, never a headline. */
const SECTION_NUMBER =
  /^([一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]{1,3}[，,、])/;

/**
 * An item with text and no byline: a brief or a broadcast item (央视网消息（新闻联播）：…). These carry no section
 * headings (in the seeds every feature with sections is signed at its top, □王长新, 记者 张超), so a heading after
 * one starts the next item.
 */
function isUnsignedItem(draft: Draft): boolean {
  return draft.paragraphs.length > 0 && draft.bylines.length === 0;
}

type Unit =
  | {kind: "heading"; text: string}
  | {kind: "byline"; byline: string; closes: boolean}
  | {
      kind: "body";
      text: string;
      source: string | null;
      byline: string | null;
      closes: boolean;
      lead: string | null;
      /** Opens the way reports open (a source line, 记者从…获悉): the heading above it is a headline. */
      reportLike: boolean;
    };

function classify(p: Paragraph): Unit {
  const text = p.text;
  const whole = OPEN_PARENS[text.charCodeAt(0)] === 1 ? /^[(（]([^()（）]{2,40})[)）]$/.exec(text) : null;
  if (whole && isByline(whole[1])) return {kind: "byline", byline: whole[1].trim(), closes: true};
  const top = topByline(text);
  if (top) return {kind: "byline", byline: top, closes: false};
  const src = sourceLine(text);
  if (isHeadingLike(text) && !p.continued && !src) return {kind: "heading", text};
  let body = text;
  let lead: string | null = null;
  let source: string | null = null;
  if (src) {
    source = src.source;
    lead = src.byline;
    body = src.rest;
  }
  const closing = closingByline(body);
  if (closing) body = closing.body;
  const closes = !!closing || p.continued;
  const reportLike = source !== null || opensLikeReport(body);
  return {kind: "body", text: body, source, lead, byline: closing?.byline ?? null, closes, reportLike};
}

/** Whether a line near the foot of a heading block is echoed by the lead of the text under it. */
function echoedBy(block: string[], body: string): boolean {
  const from = Math.max(0, block.length - ECHO_LINES);
  for (let k = block.length - 1; k >= from; k--) if (echoes(block[k], body)) return true;
  return false;
}

interface Draft {
  heading: string[];
  bylines: string[];
  source: string | null;
  paragraphs: string[];
  closed: boolean;
}

export function segment(paragraphs: readonly (Paragraph | string)[]): Article[] {
  const units = paragraphs.map((p) => classify(typeof p === "string" ? {text: p, continued: false} : p));
  // For each unit, whether the run of text from it to the next heading contains a closing byline.
  const signedAhead: boolean[] = new Array(units.length + 1).fill(false);
  for (let k = units.length - 1; k >= 0; k--) {
    const u = units[k];
    const signed = (u.kind === "byline" && u.closes) || (u.kind === "body" && u.byline !== null);
    signedAhead[k] = u.kind !== "heading" && (signed || signedAhead[k + 1]);
  }

  const articles: Article[] = [];
  let current: Draft | null = null;
  const finish = () => {
    if (current && (current.paragraphs.length || current.heading.length)) articles.push(toArticle(current));
    current = null;
  };
  const start = (heading: string[]) => {
    finish();
    current = {heading, bylines: [], source: null, paragraphs: [], closed: false};
    return current;
  };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.kind === "heading") {
      let j = i;
      const block: string[] = [];
      while (j < units.length && units[j].kind === "heading") block.push((units[j++] as {text: string}).text);
      const next = units[j];
      const draft = current as Draft | null;
      const opens =
        !draft ||
        draft.closed ||
        (next !== undefined && next.kind === "byline" && !next.closes) ||
        (next?.kind === "body" && (next.reportLike || echoedBy(block, next.text))) ||
        (block.length > 1 && COLUMN.test(block[0]) && !/^—/.test(block[1])) ||
        block.some((line) => NOTICE_TITLE.test(line) || HEADLINE_SHAPE.test(line) || BRACKET_KICKER.test(line)) ||
        (draft.bylines.length > 0 && signedAhead[j]) ||
        (isUnsignedItem(draft) && !SECTION_NUMBER.test(block[0]));
      if (opens) start(block);
      else for (const line of block) draft.paragraphs.push(line);
      i = j - 1;
      continue;
    }
    let draft: Draft = current ?? start([]);
    if (unit.kind === "byline") {
      draft.bylines.push(unit.byline);
      if (unit.closes) draft.closed = true;
      continue;
    }
    if (draft.closed) draft = start([]);
    if (!draft.paragraphs.length && unit.source) {
      draft.source = unit.source;
      if (unit.lead) draft.bylines.push(unit.lead);
    }
    if (unit.text) draft.paragraphs.push(unit.text);
    if (unit.byline) draft.bylines.push(unit.byline);
    if (unit.closes) draft.closed = true;
  }
  finish();
  return articles;
}

function toArticle(draft: Draft): Article {
  const lines = joinWrapped(draft.heading);
  let kicker: string | null = null;
  // A column in 【】 may sit under a line above it (a page title: 新闻联播文字版); that line joins the kicker.
  const at = lines.findIndex((line, k) => k < lines.length - 1 && BRACKET_KICKER.test(line));
  const leading = /^【/.test(lines[0] ?? "") ? BRACKET_KICKER.exec(lines[0]) : null;
  const bracket = at >= 0 ? BRACKET_KICKER.exec(lines[at]) : leading;
  if (bracket) {
    const k = Math.max(at, 0);
    kicker = [...lines.slice(0, k), bracket[1].trim()].join(" / ");
    if (bracket[2].trim()) lines.splice(0, k + 1, bracket[2].trim());
    else lines.splice(0, k + 1);
  } else if (lines.length > 1 && KICKER.test(lines[0]) && !/^—/.test(lines[1])) {
    kicker = lines.shift()!.replace(/[—\s]+$/, "");
  }
  const title = (lines.shift() ?? "").replace(/[—\s]+$/, "");
  const subtitle = lines.length ? lines.map((l) => l.replace(/^[—\s]+/, "")).join(" / ") : null;
  const text = draft.paragraphs.join("\n");
  const first = draft.paragraphs[0] ?? "";
  const sourceDate = draft.source ? (/\d{1,2}月\d{1,2}日/.exec(draft.source)?.[0] ?? null) : null;
  const dateline = findDateline(first)?.raw ?? sourceDate;
  const bylines = [...new Set(draft.bylines)];
  return {
    title,
    subtitle,
    kicker,
    byline: bylines.length ? bylines.join(" ") : null,
    source: draft.source,
    dateline,
    text,
    notice: NOTICE_TITLE.test(title) || (!title && text.length <= NOTICE_MAX_CHARS && NOTICE_TEXT.test(text))
  };
}

function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (WRAPPED_HEAD.test(prev) || WRAPPED_TAIL.test(line)) && !/^—/.test(line)) {
      out[out.length - 1] = prev + line;
    } else out.push(line);
  }
  return out;
}
