// Articles and facts per town, from the aggregates of src/data/cubes.zip.ts (each cell's `town_code` is the town its place
// climbs to: a village's town).
import {op} from "npm:arquero";

/** `Map(town_code → {all, relief})`: how many articles or facts the cube's cells count per town, and in relief ones. */
function countsByTown(cube) {
  const counts = new Map();
  if (!cube?.numRows()) return counts;
  const rows = cube
    .groupby("town_code")
    .rollup({all: op.sum("n"), relief: (d) => op.sum(d.relief ? d.n : 0)})
    .objects();
  for (const d of rows) counts.set(d.town_code, d);
  return counts;
}

/**
 * What townCoverage() adds to a town.
 * @typedef {{articles: number, relief: number, facts: number, relief_facts: number, covered: boolean,
 *   mentioned: boolean}} Coverage
 */

/**
 * Every town given, with what points to it or to a village under it: `articles` (all of them) and `relief`
 * (poverty-relief ones), `facts` (all) and `relief_facts` (those in poverty-relief articles), from the article and
 * fact cubes. A town is `covered` when poverty-relief reporting reaches it, and `mentioned` when any article or fact
 * does.
 * @template {{code: string}} Town
 * @param {Town[]} towns rows of the towns table
 * @param {{articles?: import("arquero").ColumnTable, facts?: import("arquero").ColumnTable}} [cubes]
 * @returns {(Town & Coverage)[]}
 */
export function townCoverage(towns, {articles, facts} = {}) {
  const byArticles = countsByTown(articles);
  const byFacts = countsByTown(facts);
  return towns.map((town) => {
    const a = byArticles.get(town.code);
    const f = byFacts.get(town.code);
    const count = {articles: a?.all ?? 0, relief: a?.relief ?? 0, facts: f?.all ?? 0, relief_facts: f?.relief ?? 0};
    return {
      ...town,
      ...count,
      covered: count.relief + count.relief_facts > 0,
      mentioned: count.articles + count.facts > 0
    };
  });
}
