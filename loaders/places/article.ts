// An article's main place, from its title first and its text second, and the county a paper is at home in.
import {ANAPHORA} from "../data/place-aliases.js";
import {chainOf, isWithin, levelDepth, villageCore, type Gazetteer, type Place} from "../gazetteer.js";
import {findWithMemo} from "./mentions.js";
import {emptyMemo, scanMemo} from "./scan.js";
import {placeRef, type ArticlePlace, type PlaceMention, type PlaceRef} from "./types.js";

// resolveArticlePlace's two memos, one for the title and one for the text, reused from article to article (the scan
// is synchronous, so no two articles share them at once): allocating typed arrays per article costs more than
// clearing them.
const memos = {title: emptyMemo(), text: emptyMemo()};

/** The article's main place, from its title first and its text second, with the mentions found on the way. */
export function resolveArticlePlace(title: string, text: string, gazetteer: Gazetteer): ArticlePlace {
  const titleMemo = scanMemo(memos.title, title, gazetteer);
  // Unresolved names are gathered on the first look too, for the case where the second would find the same.
  const firstTitleUnresolved: string[] = [];
  const firstTitle = findWithMemo(title, gazetteer, {}, titleMemo, firstTitleUnresolved);
  const firstPlace = titlePlace(gazetteer, firstTitle);
  const firstContext = firstPlace ? chainOf(gazetteer, firstPlace) : [];
  const memo = scanMemo(memos.text, text, gazetteer);
  const firstUnresolved: string[] = [];
  const firstText = findWithMemo(text, gazetteer, {context: firstContext}, memo, firstUnresolved);

  const extra = new Map<string, Place>();
  addVillages(extra, firstTitle);
  addVillages(extra, firstText);
  const unresolved: string[] = [];
  // With no title place and no village to add, the title's second look is its first.
  const sameTitle = extra.size === 0 && firstContext.length === 0;
  const titleMentions = sameTitle
    ? firstTitle
    : findWithMemo(title, gazetteer, {context: firstContext, extra}, titleMemo, unresolved);
  if (sameTitle) for (const name of firstTitleUnresolved) unresolved.push(name);
  const ofTitle = titlePlace(gazetteer, titleMentions) ?? firstPlace;
  const context = ofTitle ? chainOf(gazetteer, ofTitle) : [];
  // The second look differs from the first only by the villages it adds and a changed context: with neither, it
  // would find the same mentions.
  const same = extra.size === 0 && sameCodes(context, firstContext);
  const mentions = same ? firstText : findWithMemo(text, gazetteer, {context, extra}, memo, unresolved);
  // One by one: spreading an unbounded list into a call overflows the stack (700k `马庙村，` did).
  if (same) for (const name of firstUnresolved) unresolved.push(name);
  const place = mainPlace(gazetteer, ofTitle, mentions);
  const ref = place ? placeRef(gazetteer, place) : null;
  return {
    gazetteer,
    place: ref,
    titleMentions,
    mentions,
    unresolved: unresolved.length > 1 ? [...new Set(unresolved)] : unresolved
  };
}

/** The villages of the prefecture the mentions name (not bare), by name and by bare name, as extra forms. */
function addVillages(extra: Map<string, Place>, mentions: PlaceMention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const place = mentions[i].place;
    if (place.level !== "village" || !place.in_prefecture || mentions[i].form === "bare") continue;
    if (!extra.has(place.name)) extra.set(place.name, place);
    const core = villageCore(place.name);
    if (core.length >= 2 && !extra.has(core)) extra.set(core, place);
  }
}

function sameCodes(a: Place[], b: Place[]): boolean {
  return a.length === b.length && a.every((place, i) => place.code === b[i].code);
}

/** The county a paper is at home in: the county (or zone) most of a document's articles are placed in, if at least
 * two are and no other county ties it. */
export function homeCounty(gazetteer: Gazetteer, placed: (PlaceRef | null)[]): Place | null {
  const counts = new Map<string, number>();
  for (const ref of placed) {
    const code = ref?.place.in_prefecture ? ref.place.county_code : null;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2 || ranked[1]?.[1] === ranked[0][1]) return null;
  return gazetteer.places.get(ranked[0][0]) ?? null;
}

/** An article that names no place below the prefecture but speaks of `全区`/`我县` is about its paper's home county,
 * when that county is of the kind the word names (区 for a district or zone, 县 for a county). */
export function withHomeCounty(article: ArticlePlace, text: string, home: Place | null): ArticlePlace {
  const own = article.place?.place;
  if (!home || (own && levelDepth(own.level) >= levelDepth(home.level))) return article;
  const spoken = ANAPHORA.filter((a) => a.level === "county" && text.includes(a.word));
  if (!spoken.some((a) => home.name.endsWith(a.word.slice(-1)))) return article;
  return {...article, place: placeRef(article.gazetteer, home)};
}

/** The deepest title place all the others are ancestors of; their common ancestor when they diverge. Places of
 * the configured prefecture are preferred to places elsewhere (诸城一临清… → 临清市). */
function titlePlace(gazetteer: Gazetteer, mentions: PlaceMention[]): Place | null {
  if (!mentions.length) return null;
  const places: Place[] = [];
  for (let i = 0; i < mentions.length; i++) if (mentions[i].place.in_prefecture) places.push(mentions[i].place);
  if (!places.length) for (let i = 0; i < mentions.length; i++) places.push(mentions[i].place);
  // The deepest first, in order of mention among equals (as a stable sort by depth would have them).
  for (let depth = DEEPEST; depth >= 0; depth--) {
    for (let i = 0; i < places.length; i++) {
      const candidate = places[i];
      if (levelDepth(candidate.level) === depth && withinAll(gazetteer, candidate, places)) return candidate;
    }
  }
  return commonAncestor(gazetteer, places);
}

const DEEPEST = levelDepth("village");

function withinAll(gazetteer: Gazetteer, place: Place, places: Place[]): boolean {
  for (let i = 0; i < places.length; i++) if (!isWithin(gazetteer, place, places[i])) return false;
  return true;
}

export function commonAncestor(gazetteer: Gazetteer, places: Place[]): Place | null {
  const chains = places.map((p) => chainOf(gazetteer, p));
  let common: Place | null = null;
  for (let i = 0; ; i++) {
    const step = chains[0][i];
    if (!step) return common;
    for (const chain of chains) if (!chain[i] || chain[i].code !== step.code) return common;
    common = step;
  }
}

function mainPlace(gazetteer: Gazetteer, fromTitle: Place | null, mentions: PlaceMention[]): Place | null {
  let place = fromTitle;
  if (!place || levelDepth(place.level) <= 1 || !place.in_prefecture) {
    const counts = new Map<string, number>();
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (!m.place.in_prefecture || !m.place.county_code) continue;
      counts.set(m.place.county_code, (counts.get(m.place.county_code) ?? 0) + 1);
    }
    let top: string | null = null;
    for (const [code, count] of counts) if (!top || count > counts.get(top)!) top = code;
    const county = top ? gazetteer.places.get(top) : undefined;
    if (county && (!place || isWithin(gazetteer, county, place) || !place.in_prefecture)) place = county;
    if (!place && mentions.length) place = mostMentioned(mentions);
  }
  if (place && (place.level === "county" || place.level === "zone")) {
    const towns = new Set<string>();
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.place === place || !isWithin(gazetteer, m.place, place)) continue;
      towns.add(chainOf(gazetteer, m.place).find((p) => p.level === "town")?.code ?? "-");
    }
    // One town named in a county's article is its subject only if it is named at least as often as the county
    // (a chain 东城街道九和社区单光屯村 names it once): a zone's feature that visits one village stays the zone's.
    if (towns.size === 1) {
      const town = gazetteer.places.get([...towns][0]);
      const county = place;
      const ofCounty = mentions.filter((m) => m.place === county).length;
      const below = (m: PlaceMention | undefined) => !!m && m.place !== county && isWithin(gazetteer, m.place, county);
      const ofTown = mentions.filter(
        (m, i) => below(m) && !(below(mentions[i - 1]) && mentions[i - 1].end === m.start)
      ).length;
      if (town && ofTown >= ofCounty) place = town;
    }
  }
  return place;
}

function mostMentioned(mentions: PlaceMention[]): Place {
  const counts = new Map<string, {place: Place; count: number}>();
  for (const m of mentions) {
    const entry = counts.get(m.place.code);
    if (entry) entry.count++;
    else counts.set(m.place.code, {place: m.place, count: 1});
  }
  return [...counts.values()].reduce((a, b) => (b.count > a.count ? b : a)).place;
}
