import {loadGazetteer, placeByCode, placePinyin} from "../../loaders/gazetteer.js";

// Every town-level unit of the prefecture (zones' towns under their zone), for "towns covered of all towns".
// `registered` is false for a town a zone has that the NBS register lacks (九州街道): the register holds 136.
const gazetteer = loadGazetteer();
const towns = [...gazetteer.places.values()]
  .filter((place) => place.in_prefecture && place.level === "town")
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  .map((town) => ({
    code: town.code,
    name: town.name,
    county_code: town.county_code,
    county: placeByCode(gazetteer, town.county_code)?.name ?? null,
    county_pinyin: town.county_code ? placePinyin(placeByCode(gazetteer, town.county_code)?.name ?? "") : null,
    pinyin: placePinyin(town.name),
    registered: town.registered
  }));

process.stdout.write(JSON.stringify(towns));
