// data/cubes.zip: the small tables the overview, funds, households, coverage, county and town pages read
// (src/data/aggregates.ts), as members of one archive that Framework unpacks, so that one process reads the facts
// for all of them (at 10,000 pages, 341,000 facts, reading them costs a process 3 s of CPU). A page names a member as
// `FileAttachment("data/cubes/facts.arrow.gz")`.
//   facts.arrow.gz, articles.arrow.gz          the fact and article cubes, gzipped Arrow IPC (src/components/cube.js)
//   villages/TOWN.arrow.gz                     the village cube of one town, for every town of the prefecture: a
//                                              town page loads its own (all of it was 0.4 MB gzipped at 10,000 pages)
//   latest-articles.json                       the bounded list of latest articles
//   corpus-summary.json, document-sizes.json   the corpus in a few numbers; the documents' lengths for the chart
// Arrow is gzipped here because hosts compress text by its type and serve `.arrow` as it is, while its repeated keys
// shrink tenfold (the fact cube at 1,000 pages: 597 kB of Arrow, 63 kB gzipped).
import * as aq from "arquero";
import {zipSync} from "fflate";
import {gzipSync} from "node:zlib";
import {loadGazetteer} from "../../loaders/gazetteer.js";
import {cachedTable} from "../../loaders/run/cache.js";
import type {DocumentRow} from "../../loaders/types.js";
import {articleCube, factCube, latestArticles, villageCube, type VillageCell} from "./aggregates.js";

const paths = [process.env.DATA_DIR ?? "data"];
const [documents, places, facts, articles] = [
  await cachedTable(paths, "documents"),
  await cachedTable(paths, "places"),
  await cachedTable(paths, "facts"),
  await cachedTable(paths, "articles")
];

const arrow = (rows: object[]) => gzipSync(aq.from(rows).toArrowIPC(), {level: 9});
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The corpus in a few numbers, for the KPIs that count documents: the documents table grows with the corpus. */
function summary(documents: readonly DocumentRow[]) {
  const read = documents.filter((d) => d.status === "ok").length;
  return {documents: documents.length, read, rejected: documents.length - read};
}

// All of them in a small corpus, else the 20 shortest and the 20 longest (thin scans and odd huge pages are what the
// chart is for), so its size stays bounded as the corpus grows.
const EACH_END = 20;
function documentSizes(documents: readonly DocumentRow[]) {
  const sized = documents
    .filter((d) => d.chars != null)
    .map((d) => ({doc: d.doc, chars: d.chars}))
    .sort((a, b) => a.chars - b.chars || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
  const shown = sized.length <= 2 * EACH_END ? sized : [...sized.slice(0, EACH_END), ...sized.slice(-EACH_END)];
  return {documents: sized.length, shown: shown.reverse()};
}

/** The village cube split by town, with an empty one (the same columns) for each town of the prefecture it lacks. */
function villagesByTown(cells: VillageCell[]): Record<string, Uint8Array> {
  const byTown = new Map<string, VillageCell[]>();
  for (const cell of cells) {
    if (cell.town_code == null) continue;
    const list = byTown.get(cell.town_code);
    if (list) list.push(cell);
    else byTown.set(cell.town_code, [cell]);
  }
  const columns = ["town_code", "village", "pinyin", "year", "topic", "kind", "relief", "n", "n_summable", "sum"];
  const empty = gzipSync(aq.table(Object.fromEntries(columns.map((c) => [c, []]))).toArrowIPC(), {level: 9});
  const towns = [...loadGazetteer().places.values()].filter((p) => p.in_prefecture && p.level === "town");
  const members: Record<string, Uint8Array> = {};
  for (const town of towns) {
    const rows = byTown.get(town.code);
    members[`villages/${town.code}.arrow.gz`] = rows ? arrow(rows) : empty;
  }
  return members;
}

const members: Record<string, Uint8Array> = {
  "facts.arrow.gz": arrow(factCube(facts, places)),
  "articles.arrow.gz": arrow(articleCube(articles, places)),
  "latest-articles.json": json(latestArticles(articles, facts, places)),
  "corpus-summary.json": json(summary(documents)),
  "document-sizes.json": json(documentSizes(documents)),
  ...villagesByTown(villageCube(facts, places))
};
// Stored, not deflated: the cubes are gzipped already, and Framework unpacks every member before serving it.
process.stdout.write(zipSync(members, {level: 0, mtime: new Date(Date.UTC(2020, 0, 1))}));
