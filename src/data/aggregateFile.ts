import * as aq from "arquero";
import {cachedTables} from "../../loaders/run/cache.js";
import {articleCube, factCube, villageCube} from "./aggregates.js";

const cubes = {facts: factCube, villages: villageCube, articles: articleCube} as const;

/** One aggregate of the corpus in data/ as Arrow IPC, the compact columnar form arquero reads in the page. */
export async function aggregateFile(name: keyof typeof cubes): Promise<Uint8Array> {
  const tables = await cachedTables([process.env.DATA_DIR ?? "data"]);
  const rows: object[] =
    name === "articles" ? cubes.articles(tables.articles, tables.places) : cubes[name](tables.facts, tables.places);
  return aq.from(rows).toArrowIPC();
}
