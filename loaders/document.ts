// One input file to its `documents` row and `articles` rows: decode → repair → segment → dates.
// Places, topics and poverty-relief flags are filled by later stages; here they are null, "other" and false.
import {createHash, hash} from "node:crypto";
import {decode, type DecodeOptions} from "./decode.js";
import {asciiDigits} from "./chars.js";
import {dateFromPath, findIssueDate, inferYear, readTimeAt, resolveDateline} from "./dates.js";
import {repair} from "./repair.js";
import {segment} from "./segment.js";
import type {ArticleRow, DateSource, DocumentRow} from "./types.js";

export interface ReadDocument {
  document: DocumentRow;
  articles: ArticleRow[];
}

/**
 * An article's stable id: the first 16 hex digits of sha1(`${doc}#${seq}`), so the same file at the same path gives
 * the same ids on every run and ids stay unique across documents. `seq` counts from 1 in page order.
 */
export function articleId(doc: string, seq: number): string {
  return hash("sha1", `${doc}#${seq}`).slice(0, 16);
}

function formatOf(doc: string): DecodeOptions["format"] {
  const ext = /\.[^./\\]+$/.exec(doc.toLowerCase())?.[0];
  return ext === ".html" || ext === ".htm" ? "html" : ext === ".md" || ext === ".markdown" ? "markdown" : "auto";
}

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/**
 * The page's date and where it was found, in the order of DATE_INFERENCE_RULES: printed on the page (masthead,
 * 发布时间), the HTML page's metadata, the file's path, else only a year inferred from the text (or none).
 */
export function pageDate(
  doc: string,
  text: string,
  published: string | null
): {issueDate: string | null; year: number | null; source: DateSource | null} {
  const printed = findIssueDate(text);
  const given: [string | null, DateSource][] = [
    [printed, "printed"],
    [published, "meta"],
    [dateFromPath(doc), "path"]
  ];
  for (const [date, source] of given) if (date) return {issueDate: date, year: Number(date.slice(0, 4)), source};
  const year = inferYear(text)?.year ?? null;
  return {issueDate: null, year, source: year === null ? null : "inferred"};
}

export function readDocument(doc: string, bytes: Uint8Array): ReadDocument {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const decoded = decode(bytes, {format: formatOf(doc)});
  if ("rejected" in decoded) {
    return {
      document: {
        doc,
        sha256,
        encoding: decoded.encoding,
        chars: 0,
        status: "rejected",
        reason: decoded.rejected,
        masthead: null,
        issue_date: null,
        year: null,
        date_source: null,
        decode_repairs: 0
      },
      articles: []
    };
  }
  const {text, encoding} = decoded;
  const {paragraphs, masthead} = repair(text);
  const {issueDate, year, source: pageSource} = pageDate(doc, text, decoded.published);
  const articles = segment(paragraphs).map((article, i): ArticleRow => {
    const seq = i + 1;
    // 本报聊城3月15日讯: the month a day-only dateline (15日) belongs to.
    const at = article.source?.search(/[0-9０-９]/) ?? -1;
    const sourceMonth = at >= 0 ? (readTimeAt(asciiDigits(article.source!), at)?.month ?? null) : null;
    const {date, inferred} = resolveDateline(article.dateline, {year, issueDate, sourceMonth});
    // A date the article prints in full is its own; else it was completed from the page's date.
    const dateSource: DateSource | null = date === null ? null : inferred ? pageSource : "dateline";
    return {
      article_id: articleId(doc, seq),
      doc,
      seq,
      title: article.title,
      subtitle: article.subtitle,
      kicker: article.kicker,
      byline: article.byline,
      source: article.source,
      dateline: article.dateline,
      date,
      date_inferred: inferred,
      date_source: dateSource,
      place_code: null,
      place_name: null,
      unresolved_places: null,
      topic: "other",
      is_poverty_relief: false,
      is_notice: article.notice,
      text: article.text
    };
  });
  return {
    document: {
      doc,
      sha256,
      encoding,
      chars: codePoints(text),
      status: "ok",
      reason: null,
      masthead,
      issue_date: issueDate,
      year,
      date_source: pageSource,
      decode_repairs: decoded.repairs
    },
    articles
  };
}
