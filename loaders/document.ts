// One input file to its `documents` row and `articles` rows: decode → repair → segment → dates.
// Places, topics and poverty-relief flags are filled by later stages; here they are null, "other" and false.
import {createHash} from "node:crypto";
import {decode, type DecodeOptions} from "./decode.js";
import {asciiDigits} from "./chars.js";
import {findIssueDate, inferYear, readTimeAt, resolveDateline} from "./dates.js";
import {repair} from "./repair.js";
import {segment} from "./segment.js";
import type {ArticleRow, DocumentRow} from "./types.js";

export interface ReadDocument {
  document: DocumentRow;
  articles: ArticleRow[];
}

/**
 * An article's stable id: the first 16 hex digits of sha1(`${doc}#${seq}`), so the same file at the same path gives
 * the same ids on every run and ids stay unique across documents. `seq` counts from 1 in page order.
 */
export function articleId(doc: string, seq: number): string {
  return createHash("sha1").update(`${doc}#${seq}`).digest("hex").slice(0, 16);
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
        year: null
      },
      articles: []
    };
  }
  const {text, encoding} = decoded;
  const {paragraphs, masthead} = repair(text);
  const issueDate = findIssueDate(text);
  const year = issueDate ? Number(issueDate.slice(0, 4)) : (inferYear(text)?.year ?? null);
  const articles = segment(paragraphs).map((article, i): ArticleRow => {
    const seq = i + 1;
    // 本报聊城3月15日讯: the month a day-only dateline (15日) belongs to.
    const at = article.source?.search(/[0-9０-９]/) ?? -1;
    const sourceMonth = at >= 0 ? (readTimeAt(asciiDigits(article.source!), at)?.month ?? null) : null;
    const {date, inferred} = resolveDateline(article.dateline, {year, issueDate, sourceMonth});
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
      year
    },
    articles
  };
}
