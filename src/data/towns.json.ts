import {loadGazetteer, placeByCode, placePinyin} from "../../loaders/gazetteer.js";

// Every town-level unit of the prefecture (zones' towns under their zone), for "towns covered of all towns".
// `registered` is false for a town a zone has that the NBS register lacks (九州街道): the register holds 136.
// `outline_code` is the county whose outline (src/geo/liaocheng-counties.geojson) the town lies in: its register
// county, which for a zone's town is not its zone (the zones have no outline of their own); a zone's town the register
// lacks lies where most of its zone's towns do.
const gazetteer = loadGazetteer();
const towns = [...gazetteer.places.values()]
  .filter((place) => place.in_prefecture && place.level === "town")
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const registerCounty = (town: (typeof towns)[number]) => town.register_parent_code ?? town.parent_code;
const zoneOutline = new Map<string, Map<string, number>>();
for (const town of towns) {
  const outline = registerCounty(town);
  if (!town.registered || !town.county_code || !outline) continue;
  const counts = zoneOutline.get(town.county_code) ?? new Map<string, number>();
  zoneOutline.set(town.county_code, counts.set(outline, (counts.get(outline) ?? 0) + 1));
}
const mostOf = (counts: Map<string, number> | undefined) =>
  counts ? [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0] : null;

const rows = towns.map((town) => ({
  code: town.code,
  name: town.name,
  county_code: town.county_code,
  county: placeByCode(gazetteer, town.county_code)?.name ?? null,
  county_pinyin: town.county_code ? placePinyin(placeByCode(gazetteer, town.county_code)?.name ?? "") : null,
  pinyin: placePinyin(town.name),
  registered: town.registered,
  outline_code: town.registered ? registerCounty(town) : mostOf(zoneOutline.get(town.county_code ?? ""))
}));

process.stdout.write(JSON.stringify(rows));
