// The scan's matches as places, in the context of the text around them: homonyms resolved by the town or county in
// focus, villages the register lacks placed under the place named before them.
import {
  FORM_RANK,
  isWithin,
  levelDepth,
  unregisteredVillage,
  type FormKind,
  type Gazetteer,
  type NameForm,
  type Place
} from "../gazetteer.js";
import type {PlaceMention, RawMatch} from "./types.js";
import {suffixCursor, TOWN_SUFFIXES, unplacedTowns, unplacedVillage} from "./unresolved.js";
import {endsWithVillageSuffix} from "./villages.js";

/** The matches as places, in context. With `unresolved`, also the names of places the text names but that cannot be
 * placed, in order: villages with no town, county or zone to sit under (unplacedVillage), and 镇, 乡 or 街道 names the
 * register lacks, looked for in the text between matches (unplacedTowns). */
export function resolve(
  text: string,
  raw: RawMatch[],
  gazetteer: Gazetteer,
  context: Place[],
  unresolved: string[] | null = null
): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  let town = lastOf(context, (p) => p.level === "town");
  let county =
    lastOf(context, (p) => p.level === "county" || p.level === "zone") ??
    (town?.county_code ? (gazetteer.places.get(town.county_code) ?? null) : null);
  let previous: PlaceMention | null = null;
  const chosen = new Map<NameForm[], Map<string, Place | null>>();
  // Looking for unresolved names is a walk of the 镇, 乡 and 街道 in the text, between the matches.
  const suffixes = unresolved ? suffixCursor(text) : null;
  let lastEnd = 0;
  for (const match of raw) {
    if (suffixes) {
      // The register has towns named just 街道 (130273001): such a match is the suffix of the name before it.
      const end = TOWN_SUFFIXES.includes(match.text) ? match.end : match.start;
      unplacedTowns(suffixes, end, lastEnd, previous && previous.end === lastEnd ? previous : null, unresolved!);
    }
    const adjacent = previous && previous.end === match.start ? previous : null;
    const place = chooseOnce(match, adjacent);
    if (place) {
      const mention: PlaceMention = {
        start: match.start,
        end: match.end,
        // withVillagePatterns wrote the match's text: the same slice.
        text: match.text,
        place,
        form: match.pattern ? "pattern" : match.extra ? "full" : bestKind(match.forms, place.code)
      };
      mentions.push(mention);
      previous = mention;
      if (place.level === "town") {
        town = place;
        county = gazetteer.places.get(place.county_code ?? "") ?? county;
      } else if (place.level === "county" || place.level === "zone") {
        county = place;
        if (town && !isWithin(gazetteer, town, place)) town = null;
      } else if (place.level === "village" && place.parent_code) {
        const parent = gazetteer.places.get(place.parent_code);
        if (parent?.level === "town") town = parent;
      }
    } else {
      previous = null;
      const name = unresolved && unplacedVillage(match, gazetteer);
      // Listed unless the text puts it outside the prefecture, whose villages the gazetteer does not reach.
      const parent = name && ((adjacent ? villageParent(adjacent.place) : null) ?? town ?? county);
      if (name && (!parent || parent.in_prefecture)) unresolved!.push(name);
    }
    lastEnd = match.end;
  }
  if (suffixes) {
    unplacedTowns(suffixes, text.length, lastEnd, previous && previous.end === lastEnd ? previous : null, unresolved!);
  }
  return mentions;

  /** choose, asked once per form list and focus: a page naming the same few places over and over (a flood of
   * 马庙村，东城街道) weighs each list of candidates once, not at every mention. */
  function chooseOnce(match: RawMatch, adjacent: PlaceMention | null): Place | null {
    if (match.extra || match.pattern) return choose(match, adjacent);
    let answers = chosen.get(match.forms);
    if (!answers) chosen.set(match.forms, (answers = new Map()));
    const key = `${match.text}|${adjacent?.place.code ?? ""}|${town?.code ?? ""}|${county?.code ?? ""}`;
    let place = answers.get(key);
    if (place === undefined) answers.set(key, (place = choose(match, adjacent)));
    return place;
  }

  function choose(match: RawMatch, adjacent: PlaceMention | null): Place | null {
    if (match.extra) return match.extra;
    if (match.pattern) {
      const parent = adjacent ? villageParent(adjacent.place) : (town ?? county);
      return parent && placesVillages(parent, adjacent) ? unregisteredVillage(gazetteer, parent, match.pattern) : null;
    }
    // In plain loops: this runs for every match of every scan.
    const candidates: Place[] = [];
    let generic = true;
    let villages = match.forms.length > 0;
    for (const form of match.forms) {
      const place = gazetteer.places.get(form.code);
      if (place) {
        candidates.push(place);
        if (place.level !== "village") villages = false;
      }
      if (form.kind !== "generic") generic = false;
    }
    villages &&= candidates.length > 0;
    const written = endsWithVillageSuffix(match.text) ? match.text : candidates[0]?.name;
    if (adjacent) {
      if (generic && !adjacent.place.in_prefecture) return null;
      const parent = villageParent(adjacent.place);
      for (const scope of [adjacent.place, parent]) {
        const within = scope ? candidates.filter((p) => p !== scope && isWithin(gazetteer, p, scope)) : [];
        if (within.length) return inContext(within);
      }
      if (villages) {
        return parent && placesVillages(parent, adjacent) ? unregisteredVillage(gazetteer, parent, written) : null;
      }
    }
    if (candidates.length === 1 && !villages) return candidates[0];
    if (villages && town) {
      const within = candidates.filter((p) => isWithin(gazetteer, p, town!));
      return within.length ? best(within) : unregisteredVillage(gazetteer, town, written);
    }
    for (const scope of [town, county]) {
      if (!scope) continue;
      const within = candidates.filter((p) => isWithin(gazetteer, p, scope));
      if (within.length) return inContext(within);
    }
    if (candidates.length === 1) return candidates[0];
    const local = candidates.filter((p) => p.in_prefecture);
    if (local.length === 1) return local[0];
    // Provinces and prefectures share short forms with nothing at their level: the higher level wins (海南).
    const top = candidates.reduce((depth, p) => Math.min(depth, levelDepth(p.level)), Infinity);
    const atTop = candidates.filter((p) => levelDepth(p.level) === top);
    return top <= 1 && atTop.length === 1 ? atTop[0] : null;
  }

  /** Villages the gazetteer holds only for the prefecture; elsewhere a village is a place when the text names its
   * town or county right before it (茅坪乡马源村), with a code of the project's own. */
  function placesVillages(parent: Place, adjacent: PlaceMention | null): boolean {
    return parent.in_prefecture || (adjacent !== null && (parent.level === "town" || parent.level === "county"));
  }

  /** One of several places the text's wording fits (聊城市曹庄村: a 曹庄村 in six towns): the one under the town, else
   * the county, in focus; villages still several there are unresolved rather than one picked by register order. */
  function inContext(places: Place[]): Place | null {
    if (places.length === 1) return places[0];
    for (const scope of [town, county]) {
      const within = scope ? places.filter((p) => isWithin(gazetteer, p, scope)) : [];
      if (within.length === 1) return within[0];
      if (within.length > 1) places = within;
    }
    if (places.every((p) => p.level === "village")) return null;
    return best(places);
  }

  function best(places: Place[]): Place {
    return [...places].sort(
      (a, b) =>
        Number(b.in_prefecture) - Number(a.in_prefecture) ||
        Number(b.registered) - Number(a.registered) ||
        levelDepth(a.level) - levelDepth(b.level)
    )[0];
  }

  function villageParent(place: Place): Place | null {
    if (place.level === "village") return gazetteer.places.get(place.parent_code ?? "") ?? null;
    return place.level === "town" || place.level === "zone" || place.level === "county" ? place : null;
  }
}

/** The best-ranked kind of the forms of `code` (the first of equals), else full. */
function bestKind(forms: NameForm[], code: string): FormKind {
  let best: FormKind | null = null;
  for (const form of forms) {
    if (form.code === code && (best === null || FORM_RANK[form.kind] < FORM_RANK[best])) best = form.kind;
  }
  return best ?? "full";
}

/** The last place of `places` that `test` accepts, or null. */
function lastOf(places: Place[], test: (place: Place) => boolean): Place | null {
  for (let i = places.length - 1; i >= 0; i--) if (test(places[i])) return places[i];
  return null;
}
