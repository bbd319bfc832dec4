// Articles and facts per town and per county or zone, from the `places` table's parent chain.

/** `townOf(code)` and `countyOf(code)` for any place code of the tables (villages climb to their town). */
export function placeIndex(places = []) {
  const byCode = new Map(places.map((place) => [place.place_code, place]));
  const climb = (code, level) => {
    for (let place = byCode.get(code); place; place = byCode.get(place.parent_code)) {
      if (place.level === level) return place.place_code;
    }
    return null;
  };
  return {townOf: (code) => climb(code, "town"), countyOf: (code) => byCode.get(code)?.county_code ?? null};
}

/**
 * Every town given, with what points to it or to a village under it: `articles` (all of them) and `relief`
 * (poverty-relief ones), `facts` (all) and `relief_facts` (those in poverty-relief articles). A town is `covered`
 * when poverty-relief reporting reaches it, and `mentioned` when any article or fact does.
 */
export function townCoverage(towns, {articles = [], facts = [], places = []} = {}) {
  const index = placeIndex(places);
  const counts = new Map(towns.map((town) => [town.code, {articles: 0, relief: 0, facts: 0, relief_facts: 0}]));
  for (const article of articles) {
    const count = counts.get(index.townOf(article.place_code));
    if (!count) continue;
    count.articles++;
    if (article.is_poverty_relief) count.relief++;
  }
  for (const fact of facts) {
    const count = counts.get(index.townOf(fact.place_code));
    if (!count) continue;
    count.facts++;
    if (fact.is_poverty_relief) count.relief_facts++;
  }
  return towns.map((town) => {
    const count = counts.get(town.code);
    return {
      ...town,
      ...count,
      covered: count.relief + count.relief_facts > 0,
      mentioned: count.articles + count.facts > 0
    };
  });
}

/** Rows (articles or facts) about one county or zone or any place under it. */
export function inCounty(rows, code, places) {
  const index = placeIndex(places);
  return rows.filter((row) => index.countyOf(row.place_code) === code);
}

/** Rows (articles or facts) about one town or any village under it. */
export function inTown(rows, code, places) {
  const index = placeIndex(places);
  return rows.filter((row) => index.townOf(row.place_code) === code);
}
