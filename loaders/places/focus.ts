// The most specific place a span of an article's text is about: a place named in its sentence, else the latest one
// named before it in its paragraph, else the article's place. Everything a span needs from the text around it
// (paragraphs, sentence and clause ends, runs of mentions) is drawn once per article, and each span finds its part by
// bisection, so an article's facts cost their number times a logarithm, never the text's length each.
// Sentences are sentences.ts's, the one rule for where a sentence ends, cut to the span's paragraph.
import {charTable, CLAUSE_END_CHARS, isWhiteSpace} from "../chars.js";
import {ANAPHORA} from "../data/place-aliases.js";
import {sentences, type Span} from "../sentences.js";
import {chainOf, isWithin, levelDepth, type Gazetteer, type Place} from "../gazetteer.js";
import {commonAncestor} from "./article.js";
import {placeRef, type ArticlePlace, type PlaceMention, type PlaceRef, type Range} from "./types.js";

const PARAGRAPH_END = charTable('。！？!?”"）)…：:');
const CLAUSE_END = charTable(CLAUSE_END_CHARS);
// What may stand between a clause's start and its subject: white space and a time phrase (2019年, 今年, 近年来).
const BEFORE_SUBJECT = charTable(
  " \t\u30000123456789０１２３４５６７８９〇零一二三四五六七八九十年月日号以来今去前近底初末至期间上下半旬季度"
);

/** How far back latestFocus looks, in runs of mentions of one place: a paragraph that names hundreds of places in
 * turn (a list, or hostile text) keeps the cost of each span bounded. */
const FOCUS_RUNS = 64;
/** The most mentions of one sentence weighed for a span: those nearest it, when a sentence names more. */
const SENTENCE_MENTIONS = 16;

/** What placeForSpan draws once per article. */
interface ArticleView {
  text: string;
  paragraphs: Range[];
  /** The article's sentences in order, and their ends (for bisection). */
  sentences: Span[];
  sentenceEnds: Int32Array;
  /** Positions of CLAUSE_END characters, ascending; drawn when a span first needs its clause (clauseEnds). */
  clauseEnds: Int32Array | null;
  /** For each mention, the index of the first mention of the run of mentions of its place it ends. */
  runStart: Int32Array;
  /** The anaphor of each sentence looked at, by its start and end. */
  anaphora: Map<string, (typeof ANAPHORA)[number] | null>;
}

const views = new WeakMap<ArticlePlace, ArticleView>();

function viewOf(article: ArticlePlace, text: string): ArticleView {
  let view = views.get(article);
  if (view?.text === text) return view;
  const spans = sentences(text);
  const sentenceEnds = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) sentenceEnds[i] = spans[i].end;
  const {mentions} = article;
  const runStart = new Int32Array(mentions.length);
  for (let i = 1; i < mentions.length; i++) {
    runStart[i] = mentions[i].place === mentions[i - 1].place ? runStart[i - 1] : i;
  }
  view = {
    text,
    paragraphs: paragraphs(text),
    sentences: spans,
    sentenceEnds,
    clauseEnds: null,
    runStart,
    anaphora: new Map()
  };
  views.set(article, view);
  return view;
}

/** The first index in [0, n) at which `before` turns false (n when it never does); `before` must hold for a prefix. */
function firstNotBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of `sorted` whose value is at least `x` (sorted.length when none is). */
const firstAtLeast = (sorted: Int32Array, x: number) => firstNotBefore(sorted.length, (i) => sorted[i] < x);

/** The first mention that starts at or after `at`. */
const firstMentionFrom = (mentions: PlaceMention[], at: number) =>
  firstNotBefore(mentions.length, (i) => mentions[i].start < at);

/** The first mention that ends after `at` (mentions do not overlap, so their ends ascend with their starts). */
const firstMentionEndingAfter = (mentions: PlaceMention[], at: number) =>
  firstNotBefore(mentions.length, (i) => mentions[i].end <= at);

/** The sentence around [start, end) within its paragraph: from the start of the sentence `start` falls in to the end
 * of the one `end` falls in (sentences.ts draws them), cut to the paragraph. */
function sentenceAt(view: ArticleView, start: number, end: number, paragraph: Range): Range {
  const {sentences, sentenceEnds} = view;
  const first = sentences[firstAtLeast(sentenceEnds, start + 1)];
  const last = sentences[firstAtLeast(sentenceEnds, Math.max(start + 1, end))];
  const from = Math.max(paragraph.start, Math.min(start, first?.start ?? start));
  const to = Math.min(paragraph.end, Math.max(end, last?.end ?? paragraph.end));
  return {start: from, end: to};
}

/** Only spans whose sentence names several places at one level need their clause: most articles never do. */
function clauseEnds(view: ArticleView): Int32Array {
  if (view.clauseEnds) return view.clauseEnds;
  const {text} = view;
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (CLAUSE_END[text.charCodeAt(i)]) ends.push(i);
  return (view.clauseEnds = Int32Array.from(ends));
}

function clauseAt(view: ArticleView, start: number, end: number): Range {
  const ends = clauseEnds(view);
  const before = firstAtLeast(ends, start) - 1;
  const after = firstAtLeast(ends, end);
  return {start: before >= 0 ? ends[before] + 1 : 0, end: after < ends.length ? ends[after] : view.text.length};
}

export function placeForSpan(articleText: string, start: number, end: number, article: ArticlePlace): PlaceRef | null {
  const {gazetteer, mentions} = article;
  const view = viewOf(article, articleText);
  const paragraph = rangeAt(view.paragraphs, start);
  const sentence = sentenceAt(view, start, end, paragraph);
  const inSentence = mentionsIn(mentions, sentence, start);
  const articlePlace = article.place?.place ?? null;
  let place: Place | null = null;
  if (inSentence.length) {
    place = placeInSentence(view, inSentence, start, end, gazetteer);
  } else {
    const from = firstMentionFrom(mentions, paragraph.start);
    const to = firstMentionEndingAfter(mentions, start);
    place = latestFocus(gazetteer, mentions, from, to, view.runStart) ?? articlePlace;
    const anaphor = anaphorOf(view, sentence);
    // A place in focus wider than the article's is the article's (a county named in passing), unless the sentence
    // points at a level: then 全县…, 全市… speak of the article's county or city, not of its town.
    if (place && articlePlace && articlePlace !== place && isWithin(gazetteer, articlePlace, place)) {
      place = articlePlace;
    }
    // 村里, 该村 with a town in focus: the village of the town named last before the span (前进村…2014年,村里…).
    if (place && anaphor?.level === "village" && place.level !== "village") {
      place = latestVillageWithin(gazetteer, mentions, firstMentionEndingAfter(mentions, start), place) ?? place;
    }
    if (place && anaphor && levelDepth(place.level) > levelDepth(anaphor.level)) {
      const chain = chainOf(gazetteer, place);
      place =
        anaphor.level === "county"
          ? (chain.find((p) => p.level === "county" || p.level === "zone") ?? place)
          : (chain.find((p) => p.level === anaphor.level) ?? place);
    }
  }
  // A city or province named in passing (紧邻聊城市军休所) leaves the article's place; one that is the clause's subject
  // (聊城市先后组织…) is the place of the clause's figures.
  const broad = place && inSentence.length && levelDepth(place.level) <= 1;
  if (place && articlePlace && broad && isWithin(gazetteer, articlePlace, place)) {
    const named = inSentence.find((m) => m.place === place);
    if (!named || !beginsClause(articleText, named.start)) place = articlePlace;
  }
  return place ? placeRef(gazetteer, place) : null;
}

/** The mentions inside `range`; of a range that names more than SENTENCE_MENTIONS, those nearest `at`. */
function mentionsIn(mentions: PlaceMention[], range: Range, at: number): PlaceMention[] {
  const first = firstMentionFrom(mentions, range.start);
  let last = first;
  while (last < mentions.length && mentions[last].end <= range.end && last - first <= SENTENCE_MENTIONS) last++;
  if (last - first <= SENTENCE_MENTIONS) return mentions.slice(first, last);
  const limit = firstMentionEndingAfter(mentions, range.end);
  const middle = firstMentionFrom(mentions, at);
  const from = Math.max(first, Math.min(middle - SENTENCE_MENTIONS / 2, limit - SENTENCE_MENTIONS));
  return mentions.slice(from, Math.min(limit, from + SENTENCE_MENTIONS));
}

function anaphorOf(view: ArticleView, sentence: Range): (typeof ANAPHORA)[number] | null {
  const key = `${sentence.start}:${sentence.end}`;
  let anaphor = view.anaphora.get(key);
  if (anaphor === undefined) {
    const text = view.text.slice(sentence.start, sentence.end);
    view.anaphora.set(key, (anaphor = ANAPHORA.find((a) => text.includes(a.word)) ?? null));
  }
  return anaphor;
}

/** Whether the text from the start of its clause (at most 16 characters back) to `at` holds only BEFORE_SUBJECT. */
function beginsClause(text: string, at: number): boolean {
  let k = at - 1;
  for (; k >= 0 && at - k <= 16; k--) {
    const c = text.charCodeAt(k);
    if (CLAUSE_END[c]) return true;
    if (!BEFORE_SUBJECT[c]) return false;
  }
  return k < 0;
}

/** The place a sentence that names places gives a span: the most specific one; when several differ at that level,
 * the one named in the span's own clause, and the places' common ancestor when they are listed together
 * (`文苑社区、平安社区的210份`) or each have a clause of their own (`在许营镇…,韩集镇…,顾官屯镇…,推进…100%覆盖`). */
function placeInSentence(
  view: ArticleView,
  inSentence: PlaceMention[],
  start: number,
  end: number,
  gazetteer: Gazetteer
): Place {
  const ranked = [...inSentence].sort(
    (a, b) =>
      levelDepth(b.place.level) - levelDepth(a.place.level) ||
      Number(b.place.in_prefecture) - Number(a.place.in_prefecture) ||
      Math.abs(a.start - start) - Math.abs(b.start - start)
  );
  const deepest = ranked.filter(
    (m) => levelDepth(m.place.level) === levelDepth(ranked[0].place.level) && m.place.in_prefecture
  );
  const distinct = new Set(deepest.map((m) => m.place.code));
  if (distinct.size < 2) return ranked[0].place;
  const clause = clauseAt(view, start, end);
  const inClause = deepest.filter((m) => m.start >= clause.start && m.end <= clause.end);
  const clausePlaces = new Set(inClause.map((m) => m.place.code));
  if (clausePlaces.size === 1) return inClause[0].place;
  if (clausePlaces.size > 1 && !isList(view.text, inClause)) return ranked[0].place;
  const listed = clausePlaces.size > 1 ? inClause : deepest;
  return (
    commonAncestor(
      gazetteer,
      listed.map((m) => m.place)
    ) ?? ranked[0].place
  );
}

/** Mentions in order, joined only by 、 和 与 及 or 以及: a list of places spoken of together. */
function isList(text: string, mentions: PlaceMention[]): boolean {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  return ordered.slice(1).every((m, i) => /^(?:、|和|与|及|以及)$/.test(text.slice(ordered[i].end, m.start)));
}

/** The place the mentions [from, to) before a span leave in focus: the latest, unless it only widens the view to an
 * ancestor of the place just named (`临清市戴湾镇景庄村…“多彩临清”…` stays at 景庄村). Runs of one place are stepped
 * over whole, and at most FOCUS_RUNS of them are looked at. */
function latestFocus(
  gazetteer: Gazetteer,
  mentions: PlaceMention[],
  from: number,
  to: number,
  runStart: Int32Array
): Place | null {
  if (to <= from) return null;
  let place = mentions[to - 1].place;
  let runs = 0;
  for (let i = Math.max(from, runStart[to - 1]) - 1; i >= from && runs < FOCUS_RUNS; i = runStart[i] - 1, runs++) {
    const earlier = mentions[i].place;
    if (earlier === place || isWithin(gazetteer, place, earlier)) continue;
    if (!isWithin(gazetteer, earlier, place)) break;
    place = earlier;
  }
  return place;
}

/** The latest of the mentions before index `to` that is a village within `place`, looking back at most FOCUS_RUNS
 * mentions. */
function latestVillageWithin(gazetteer: Gazetteer, mentions: PlaceMention[], to: number, place: Place): Place | null {
  for (let i = to - 1; i >= 0 && to - i <= FOCUS_RUNS; i--) {
    const earlier = mentions[i].place;
    if (earlier.level === "village" && isWithin(gazetteer, earlier, place)) return earlier;
  }
  return null;
}

/** The paragraph around `at`: articles keep one paragraph a line. A line break after an unfinished sentence is a
 * page or column break, not a paragraph break, so the paragraph runs on across it. */
export function paragraphAround(text: string, at: number): Range {
  return rangeAt(paragraphs(text), at);
}

/** The paragraphs of a text in order, as paragraphAround draws them; the last runs to the end of the text. */
function paragraphs(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (let at = text.indexOf("\n"); at >= 0;) {
    // The break is the newline and the white space after it.
    let next = at + 1;
    while (next < text.length && isWhiteSpace(text.charCodeAt(next))) next++;
    // The text before the break, trimmed, ends a paragraph or is a short line: looked at from its end only, so a
    // paragraph of many lines costs the length of its lines, not the square of it.
    let last = at;
    while (last > start && isWhiteSpace(text.charCodeAt(last - 1))) last--;
    const lineStart = Math.max(start, text.lastIndexOf("\n", last - 1) + 1);
    const isBreak = (last > start && PARAGRAPH_END[text.charCodeAt(last - 1)]) || last - lineStart < 30;
    if (isBreak) {
      ranges.push({start, end: at});
      start = next;
    }
    at = text.indexOf("\n", next);
  }
  ranges.push({start, end: text.length});
  return ranges;
}

/** The first range that ends at or after `at` (the last when none does). */
function rangeAt(ranges: Range[], at: number): Range {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid].end >= at) hi = mid;
    else lo = mid + 1;
  }
  return ranges[lo];
}
