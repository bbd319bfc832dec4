// Which of the prefecture's towns the poverty-relief reporting reaches.

/**
 * The codes of the towns that a poverty-relief article, or a fact in one, points to, directly or through a village
 * under the town. `places` is the places table (for parents of villages); only codes in `towns` count.
 */
export function coveredTowns(towns, places, articles, facts) {
  const townCodes = new Set(towns.map((d) => d.code));
  const parent = new Map(places.map((d) => [d.place_code, d.parent_code]));
  const relief = new Set(articles.filter((d) => d.is_poverty_relief).map((d) => d.article_id));
  const codes = [
    ...articles.filter((d) => d.is_poverty_relief).map((d) => d.place_code),
    ...facts.filter((d) => relief.has(d.article_id)).map((d) => d.place_code)
  ];
  const covered = new Set();
  for (let code of codes) {
    for (let depth = 0; code && depth < 6; ++depth, code = parent.get(code)) {
      if (townCodes.has(code)) {
        covered.add(code);
        break;
      }
    }
  }
  return covered;
}
