// One document in, its rows of the contract's tables out: decode and segment (document.ts), then for each article
// its place and topic, and for each quantity in it a fact with subject, place, date and sentence.
import {hash} from "node:crypto";
import {readDocument} from "./document.js";
import {sentencePeriod, timeExpressions, type TimeExpression} from "./dates.js";
import type {Gazetteer, Place} from "./gazetteer.js";
import {homeCounty, placeForSpan, resolveArticlePlace, withHomeCounty, type PlaceRef} from "./places/index.js";
import {scanQuantities} from "./quantities.js";
import {figureWindows, sentenceIndex, sentences, type Span} from "./sentences.js";
import {subjectOf} from "./subject.js";
import {isSummable} from "./summable.js";
import {articleTopic, classifyTopic} from "./topics.js";
import type {ArticleRow, DocumentRow, FactRow, Quantity, Topic} from "./types.js";

export interface DocumentResult {
  document: DocumentRow;
  articles: ArticleRow[];
  facts: FactRow[];
  /** Every place an article or fact points to, for the `places` table (unregistered villages included). */
  places: Place[];
  /** Place code → how many mentions of it the text makes. */
  mentions: [string, number][];
}

/** A fact's stable id: its article and where its figure starts; `part` names the headline a figure was read in
 * (`title`, `subtitle`), so that offsets in a headline never collide with offsets in the body. */
export function factId(articleId: string, start: number, part = ""): string {
  const key = part ? `${articleId}@${part}:${start}` : `${articleId}@${start}`;
  // crypto.hash, one call, no Hash object per fact: those cost several microseconds each.
  return hash("sha1", key).slice(0, 16);
}

/** What a sentence says once, for all its quantities: its topic and its date expressions. */
interface SentenceRead {
  start: number;
  sentence: string;
  topic: Topic;
  times: TimeExpression[];
}

export function extractDocument(doc: string, bytes: Uint8Array, gazetteer: Gazetteer): DocumentResult {
  const {document, articles} = readDocument(doc, bytes);
  const facts: FactRow[] = [];
  const places = new Map<string, Place>();
  const mentions = new Map<string, number>();
  const resolved = articles.map((article) => resolveArticlePlace(article.title, article.text, gazetteer));
  const home = homeCounty(
    gazetteer,
    resolved.map((located) => located.place)
  );
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
    if (article.is_notice) continue;
    ({topic: article.topic, povertyRelief: article.is_poverty_relief} = articleTopic(article.text, article.title));
    const sentenceOf = sentenceIndex(sentences(article.text));
    const placeOf = (quantity: Quantity) => {
      const place = placeForSpan(article.text, quantity.start, quantity.end, located);
      if (place) places.set(place.place.code, place.place);
      return place;
    };
    const body = factsIn(doc, article, article.text, "", sentenceOf, placeOf, new Set());
    // Headline figures are placed at the article's place; one the body states again is not summed a second time.
    const stated = new Set(body.map(repeatKey));
    for (const [part, headline] of [
      ["title", article.title],
      ["subtitle", article.subtitle]
    ] as const) {
      if (!headline) continue;
      const whole = () => ({start: 0, end: headline.length});
      const found = factsIn(doc, article, headline, part, whole, () => located.place, stated);
      // A subtitle that repeats its title's figure is not summed twice either.
      for (const fact of found) (facts.push(fact), stated.add(repeatKey(fact)));
    }
    for (const fact of body) facts.push(fact);
  }
  return {document, articles, facts, places: [...places.values()], mentions: [...mentions]};
}

/** Two statements of the same figure: same kind and value (a headline's `3360斤` and the body's `3360斤`). */
const repeatKey = (fact: Pick<FactRow, "kind" | "value">) => `${fact.kind}|${fact.value}`;

/** The facts of one text of an article (its body, title or subtitle), in order. */
function factsIn(
  doc: string,
  article: ArticleRow,
  text: string,
  part: Part,
  sentenceOf: (at: number) => Span,
  placeOf: (quantity: Quantity) => PlaceRef | null,
  stated: Set<string>
): FactRow[] {
  const facts: FactRow[] = [];
  let read = null as SentenceRead | null;
  const quantities = scanQuantities(text);
  const windows = figureWindows(text, quantities, sentenceOf);
  for (const [i, quantity] of quantities.entries()) {
    const window = windows[i];
    const span = window.sentence;
    let current: SentenceRead;
    if (window.cut) {
      // A sentence too long or too dense to carry whole is read around its figure only, so each fact costs a bounded
      // amount. Its topic is still the whole sentence's, read once.
      if (read?.start !== span.start) read = readSentence(span.start, "", text.slice(span.start, span.end));
      const times = timeExpressions(window.text);
      current = {start: window.offset, sentence: window.text, topic: read.topic, times};
    } else {
      if (read?.start !== span.start || !read.sentence) read = readSentence(span.start, window.text, window.text);
      current = read;
    }
    const row = factRow(doc, article, quantity, current, placeOf(quantity), window.cut, part);
    facts.push(stated.has(repeatKey(row)) ? {...row, summable: isSummable({...quantity, repeats_body: true})} : row);
  }
  return facts;
}

type Part = "" | "title" | "subtitle";

/** A sentence's topic from `whole`, and the date expressions of `sentence` (none for a cut one: its windows' own). */
function readSentence(start: number, sentence: string, whole: string): SentenceRead {
  return {start, sentence, topic: classifyTopic(whole), times: sentence ? timeExpressions(sentence) : []};
}

function factRow(
  doc: string,
  article: ArticleRow,
  quantity: Quantity,
  read: SentenceRead,
  place: PlaceRef | null,
  cut: boolean,
  part: Part
): FactRow {
  const {sentence, topic: sentenceTopic} = read;
  const at = quantity.start - read.start;
  const period = sentencePeriod(sentence, article.date, at, read.times);
  return {
    fact_id: factId(article.article_id, quantity.start, part),
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
    subject: subjectOf(sentence, at, quantity.end - read.start, quantity.kind),
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
    sentence_cut: cut,
    start: quantity.start,
    end: quantity.end,
    in_title: part !== "",
    summable: isSummable(quantity)
  };
}
