// One document in, its rows of the contract's tables out: decode and segment (document.ts), then for each article
// its place and topic, and for each quantity in it a fact with subject, place, date and sentence.
import {createHash} from "node:crypto";
import {readDocumentFile, type FilePath} from "./corpus.js";
import {readDocument} from "./document.js";
import {sentencePeriod, timeExpressions, type TimeExpression} from "./dates.js";
import type {Gazetteer, Place} from "./gazetteer.js";
import {homeCounty, placeForSpan, resolveArticlePlace, withHomeCounty} from "./places.js";
import {scanQuantities} from "./quantities.js";
import {sentenceIndex, sentences} from "./sentences.js";
import {subjectOf} from "./subject.js";
import {isSummable} from "./summable.js";
import {classifyTopic, isPovertyRelief} from "./topics.js";
import type {ArticleRow, DocumentRow, FactRow, Topic} from "./types.js";

export interface DocumentResult {
  document: DocumentRow;
  articles: ArticleRow[];
  facts: FactRow[];
  /** Every place an article or fact points to, for the `places` table (unregistered villages included). */
  places: Place[];
  /** Place code → how many mentions of it the text makes. */
  mentions: [string, number][];
}

export function factId(articleId: string, start: number): string {
  return createHash("sha1").update(`${articleId}@${start}`).digest("hex").slice(0, 16);
}

export function extractDocument(doc: string, bytes: Uint8Array, gazetteer: Gazetteer): DocumentResult {
  const {document, articles} = readDocument(doc, bytes);
  const facts: FactRow[] = [];
  const places = new Map<string, Place>();
  const mentions = new Map<string, number>();
  const resolved = articles.map((article) => resolveArticlePlace(article.title, article.text, gazetteer));
  const home = homeCounty(gazetteer, resolved.map((located) => located.place));
  for (const [i, article] of articles.entries()) {
    const located = withHomeCounty(resolved[i], article.text, home);
    for (const mention of [...located.titleMentions, ...located.mentions]) {
      places.set(mention.place.code, mention.place);
      mentions.set(mention.place.code, (mentions.get(mention.place.code) ?? 0) + 1);
    }
    if (located.place) {
      article.place_code = located.place.place_code;
      article.place_name = located.place.place_name;
      places.set(located.place.place.code, located.place.place);
    }
    if (located.unresolved.length) article.unresolved_places = located.unresolved.join("、");
    article.topic = article.is_notice ? "other" : classifyTopic(article.text, article.title);
    article.is_poverty_relief = !article.is_notice && isPovertyRelief(article.text, article.title);
    if (article.is_notice) continue;
    const sentenceOf = sentenceIndex(sentences(article.text));
    // What a sentence says once, for all its quantities: its topic and its date expressions.
    let read = null as {start: number; sentence: string; topic: Topic; times: TimeExpression[]} | null;
    for (const quantity of scanQuantities(article.text)) {
      const span = sentenceOf(quantity.start);
      if (read?.start !== span.start) {
        const sentence = article.text.slice(span.start, span.end);
        read = {start: span.start, sentence, topic: classifyTopic(sentence), times: timeExpressions(sentence)};
      }
      const {sentence, topic: sentenceTopic} = read;
      const place = placeForSpan(article.text, quantity.start, quantity.end, located);
      if (place) places.set(place.place.code, place.place);
      const period = sentencePeriod(sentence, article.date, quantity.start - span.start, read.times);
      facts.push({
        fact_id: factId(article.article_id, quantity.start),
        doc,
        article_id: article.article_id,
        value: quantity.value,
        value_max: quantity.value_max,
        approx: quantity.approx,
        raw: quantity.raw,
        unit: quantity.unit,
        currency: quantity.currency,
        kind: quantity.kind,
        per: quantity.per,
        per_entity: quantity.per_entity ?? null,
        subject: subjectOf(sentence, quantity.start - span.start, quantity.end - span.start, quantity.kind),
        topic: sentenceTopic !== "other" ? sentenceTopic : article.topic,
        is_poverty_relief: article.is_poverty_relief,
        place_code: place?.place_code ?? null,
        place_name: place?.place_name ?? null,
        county: place?.county ?? null,
        town: place?.town ?? null,
        village: place?.village ?? null,
        date: period?.date ?? article.date,
        date_inferred: period ? period.inferred : article.date_inferred,
        sentence,
        start: quantity.start,
        end: quantity.end,
        in_title: false,
        summable: isSummable(quantity)
      });
    }
  }
  return {document, articles, facts, places: [...places.values()], mentions: [...mentions]};
}

/** A file on disk: a file that cannot be read is a rejected document with the reason, never an exception. */
export function extractFile(doc: string, path: FilePath, gazetteer: Gazetteer): DocumentResult {
  const read = readDocumentFile(path);
  if ("reason" in read) return {document: rejectedDocument(doc, read.reason), articles: [], facts: [], places: [], mentions: []};
  return extractDocument(doc, read.bytes, gazetteer);
}

function rejectedDocument(doc: string, reason: string): DocumentRow {
  return {doc, sha256: "", encoding: "", chars: 0, status: "rejected", reason, masthead: null, issue_date: null, year: null};
}
