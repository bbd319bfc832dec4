import * as aq from "arquero";
import {gzipSync} from "node:zlib";
import {cachedTables} from "../../loaders/run/cache.js";
import {articleCube, factCube, villageCube} from "./aggregates.js";

const cubes = {facts: factCube, villages: villageCube, articles: articleCube} as const;

/**
 * One aggregate of the corpus in data/ as Arrow IPC, the compact columnar form arquero reads in the page, gzipped:
 * hosts compress text by its type and serve `.arrow` as it is, while its repeated keys shrink tenfold (the fact cube
 * at 1,000 pages: 597 kB of Arrow, 63 kB gzipped). The page inflates it (src/components/cube.js).
 */
export async function aggregateFile(name: keyof typeof cubes): Promise<Uint8Array> {
  const tables = await cachedTables([process.env.DATA_DIR ?? "data"]);
  const rows: object[] =
    name === "articles" ? cubes.articles(tables.articles, tables.places) : cubes[name](tables.facts, tables.places);
  return gzipSync(aq.from(rows).toArrowIPC(), {level: 9});
}
