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
  const town = lastOf(context, "town");
  const focus: Focus = {
    gazetteer,
    town,
    county: lastOf(context, "county") ?? (town?.county_code ? (gazetteer.places.get(town.county_code) ?? null) : null),
    chosen: new Map()
  };
  let previous: PlaceMention | null = null;
  // Looking for unresolved names is a walk of the 镇, 乡 and 街道 in the text, between the matches.
  const suffixes = unresolved ? suffixCursor(text) : null;
  let lastEnd = 0;
  for (let r = 0; r < raw.length; r++) {
    const match = raw[r];
    if (suffixes) {
      // The register has towns named just 街道 (130273001): such a match is the suffix of the name before it.
      const end = TOWN_SUFFIXES.includes(match.text) ? match.end : match.start;
      unplacedTowns(suffixes, end, lastEnd, previous && previous.end === lastEnd ? previous : null, unresolved!);
    }
    const adjacent = previous && previous.end === match.start ? previous : null;
    const place = chooseOnce(focus, match, adjacent);
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
        focus.town = place;
        focus.county = gazetteer.places.get(place.county_code ?? "") ?? focus.county;
      } else if (place.level === "county" || place.level === "zone") {
        focus.county = place;
        if (focus.town && !isWithin(gazetteer, focus.town, place)) focus.town = null;
      } else if (place.level === "village" && place.parent_code) {
        const parent = gazetteer.places.get(place.parent_code);
        if (parent?.level === "town") focus.town = parent;
      }
    } else {
      previous = null;
      const name = unresolved && unplacedVillage(match, gazetteer);
      // Listed unless the text puts it outside the prefecture, whose villages the gazetteer does not reach.
      const parent =
        name && ((adjacent ? villageParent(gazetteer, adjacent.place) : null) ?? focus.town ?? focus.county);
      if (name && (!parent || parent.in_prefecture)) unresolved!.push(name);
    }
    lastEnd = match.end;
  }
  if (suffixes) {
    unplacedTowns(suffixes, text.length, lastEnd, previous && previous.end === lastEnd ? previous : null, unresolved!);
  }
  return mentions;
}

/** What resolve carries from match to match: the town and county in focus, and the answers of choose so far. */
interface Focus {
  gazetteer: Gazetteer;
  town: Place | null;
  county: Place | null;
  /** By form list (one per written name: a trie node's, or the part of it the scan kept), then by the adjacent
   * place, town and county in focus. */
  chosen: Map<NameForm[], Map<string, Place | null>>;
}

/** choose, asked once per form list and focus: a page naming the same few places over and over (a flood of
 * 马庙村，东城街道) weighs each list of candidates once, not at every mention. */
function chooseOnce(focus: Focus, match: RawMatch, adjacent: PlaceMention | null): Place | null {
  if (match.extra || match.pattern) return choose(focus, match, adjacent);
  const {forms} = match;
  // One place that is not a village, with nothing adjacent: choose would take it whatever the focus.
  if (!adjacent && forms.length === 1) {
    const place = focus.gazetteer.places.get(forms[0].code);
    if (place && place.level !== "village") return place;
  }
  let answers = focus.chosen.get(forms);
  if (!answers) focus.chosen.set(forms, (answers = new Map()));
  // A form list names one written text, so the text need not be part of the key.
  const key = `${adjacent?.place.code ?? ""}|${focus.town?.code ?? ""}|${focus.county?.code ?? ""}`;
  let place = answers.get(key);
  if (place === undefined) answers.set(key, (place = choose(focus, match, adjacent)));
  return place;
}

function choose(focus: Focus, match: RawMatch, adjacent: PlaceMention | null): Place | null {
  const {gazetteer, town, county} = focus;
  if (match.extra) return match.extra;
  if (match.pattern) {
    const parent = adjacent ? villageParent(gazetteer, adjacent.place) : (town ?? county);
    return parent && placesVillages(parent, adjacent) ? unregisteredVillage(gazetteer, parent, match.pattern) : null;
  }
  // In plain loops: this runs for every match of every scan.
  const candidates: Place[] = [];
  let generic = true;
  let villages = match.forms.length > 0;
  for (let k = 0; k < match.forms.length; k++) {
    const form = match.forms[k];
    const place = gazetteer.places.get(form.code);
    if (place) {
      candidates.push(place);
      if (place.level !== "village") villages = false;
    }
    if (form.kind !== "generic") generic = false;
  }
  villages &&= candidates.length > 0;
  const written = endsWithVillageSuffix(match.text) ? match.text : candidates[0]?.name;
  // The candidates within the first scope that holds any (the adjacent place, its village parent; the town, the
  // county), weighed by inContext at one call: each helper written once, for the optimising compiler's sake.
  let scoped: Place[] = [];
  if (adjacent) {
    if (generic && !adjacent.place.in_prefecture) return null;
    const parent = villageParent(gazetteer, adjacent.place);
    scoped = placesWithin(gazetteer, candidates, adjacent.place, true);
    if (!scoped.length && parent) scoped = placesWithin(gazetteer, candidates, parent, true);
    if (!scoped.length && villages) {
      return parent && placesVillages(parent, adjacent) ? unregisteredVillage(gazetteer, parent, written) : null;
    }
  }
  if (!scoped.length) {
    if (candidates.length === 1 && !villages) return candidates[0];
    if (villages && town) {
      const within = placesWithin(gazetteer, candidates, town, false);
      return within.length ? best(within) : unregisteredVillage(gazetteer, town, written);
    }
    if (town) scoped = placesWithin(gazetteer, candidates, town, false);
    if (!scoped.length && county) scoped = placesWithin(gazetteer, candidates, county, false);
  }
  if (scoped.length) return inContext(focus, scoped);
  if (candidates.length === 1) return candidates[0];
  const local = candidates.filter((p) => p.in_prefecture);
  if (local.length === 1) return local[0];
  // Provinces and prefectures share short forms with nothing at their level: the higher level wins (海南).
  const top = candidates.reduce((depth, p) => Math.min(depth, levelDepth(p.level)), Infinity);
  const atTop = candidates.filter((p) => levelDepth(p.level) === top);
  return top <= 1 && atTop.length === 1 ? atTop[0] : null;
}

/** The places at or under `scope` (but `scope` itself when `strictly`), in order. */
function placesWithin(gazetteer: Gazetteer, places: Place[], scope: Place, strictly: boolean): Place[] {
  const within: Place[] = [];
  for (let k = 0; k < places.length; k++) {
    const p = places[k];
    if (!(strictly && p === scope) && isWithin(gazetteer, p, scope)) within.push(p);
  }
  return within;
}

/** Villages the gazetteer holds only for the prefecture; elsewhere a village is a place when the text names its
 * town or county right before it (茅坪乡马源村), with a code of the project's own. */
function placesVillages(parent: Place, adjacent: PlaceMention | null): boolean {
  return parent.in_prefecture || (adjacent !== null && (parent.level === "town" || parent.level === "county"));
}

/** One of several places the text's wording fits (聊城市曹庄村: a 曹庄村 in six towns): the one under the town, else
 * the county, in focus; villages still several there are unresolved rather than one picked by register order. */
function inContext(focus: Focus, places: Place[]): Place | null {
  if (places.length === 1) return places[0];
  for (const scope of [focus.town, focus.county]) {
    if (!scope) continue;
    const within = placesWithin(focus.gazetteer, places, scope, false);
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

function villageParent(gazetteer: Gazetteer, place: Place): Place | null {
  if (place.level === "village") return gazetteer.places.get(place.parent_code ?? "") ?? null;
  return place.level === "town" || place.level === "zone" || place.level === "county" ? place : null;
}

/** The best-ranked kind of the forms of `code` (the first of equals), else full. */
function bestKind(forms: NameForm[], code: string): FormKind {
  let best: FormKind | null = null;
  for (let k = 0; k < forms.length; k++) {
    const form = forms[k];
    if (form.code === code && (best === null || FORM_RANK[form.kind] < FORM_RANK[best])) best = form.kind;
  }
  return best ?? "full";
}

/** The last town (`town`) or county or zone (`county`) of `places`, or null. */
function lastOf(places: Place[], level: "town" | "county"): Place | null {
  for (let i = places.length - 1; i >= 0; i--) {
    const at = places[i].level;
    if (level === "town" ? at === "town" : at === "county" || at === "zone") return places[i];
  }
  return null;
}
