// Where a row sits in the prefecture: its county or zone and its town, from the places table's parent chain (a
// village climbs to its town). The same rule as the site's townCoverage.js `placeIndex`, for the data loaders.
import type {PlaceRow} from "../../loaders/types.js";

export interface PlaceChain {
  countyOf(code: string | null): string | null;
  townOf(code: string | null): string | null;
  nameOf(code: string | null): string | null;
}

export function placeChain(places: readonly PlaceRow[]): PlaceChain {
  const byCode = new Map(places.map((place) => [place.place_code, place]));
  const towns = new Map<string, string | null>();
  const townOf = (code: string | null): string | null => {
    if (code == null) return null;
    let town = towns.get(code);
    if (town !== undefined) return town;
    town = null;
    // At most city → county → town → village: a bounded climb, guarded against a cycle all the same.
    let place = byCode.get(code);
    for (let steps = 0; place && steps < 8; steps++, place = byCode.get(place.parent_code ?? "")) {
      if (place.level === "town") {
        town = place.place_code;
        break;
      }
    }
    towns.set(code, town);
    return town;
  };
  return {
    countyOf: (code) => (code == null ? null : (byCode.get(code)?.county_code ?? null)),
    townOf,
    nameOf: (code) => (code == null ? null : (byCode.get(code)?.name ?? null))
  };
}
