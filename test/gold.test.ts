// The worked example of ../shared/gold: every fact a careful reader finds in seed 000, with its value, kind and place.
import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import type {FactRow} from "../loaders/types.js";

const goldPath = fileURLToPath(new URL("../../shared/gold/seed-000.json", import.meta.url));
const SQUARE_METRES_PER_MU = 2000 / 3;

interface GoldFact {
  value: number;
  approx?: boolean;
  kind: string;
  unit: string;
  place: string[];
  cue: string;
  scored?: boolean;
}

function chain(fact: FactRow): string[] {
  return [fact.county, fact.town, fact.village].filter((name): name is string => name !== null);
}

// The gold file counts area in the unit written (亩); the facts table stores square metres.
function asWritten(fact: FactRow): number {
  return fact.kind === "area" && fact.unit.includes("亩") ? Math.round(fact.value / SQUARE_METRES_PER_MU) : fact.value;
}

test("seed 000: every gold fact is found with its value, kind and place", {skip: !existsSync(goldPath) && "../shared/gold absent"}, () => {
  const gold = JSON.parse(readFileSync(goldPath, "utf8"));
  const bytes = readFileSync(fileURLToPath(new URL(`../data/${gold.doc}`, import.meta.url)));
  const {facts} = extractDocument(gold.doc, bytes, loadGazetteer());
  const missed: string[] = [];
  for (const expected of gold.facts as GoldFact[]) {
    const found = facts.find(
      (f) => f.sentence.includes(expected.cue) && expected.cue.includes(f.raw) && f.kind === expected.kind && asWritten(f) === expected.value
    );
    if (!found) missed.push(`${expected.cue}: not found`);
    else if (chain(found).join(">") !== expected.place.join(">")) missed.push(`${expected.cue}: placed at ${chain(found).join(">")}`);
    else if (expected.approx !== undefined) assert.equal(found.approx, expected.approx, expected.cue);
  }
  assert.deepEqual(missed, []);
});
