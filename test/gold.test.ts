// Gold files: every fact a careful reader finds in a seed, with its value, kind and place. Seed 000 is the worked
// example of ../shared/gold; test/fixtures/gold holds the other seeds, labelled the same way. Every scored fact must
// match; recall, a rough precision (emitted facts that match any label) and the misses are printed per seed.
import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import type {FactRow} from "../loaders/types.js";
import {UNITS} from "../loaders/units.js";
import {sharedDir} from "./support/shared.js";

const sharedGold = join(sharedDir, "gold", "seed-000.json");
const fixtureDir = fileURLToPath(new URL("./fixtures/gold/", import.meta.url));
const gazetteer = loadGazetteer();

interface GoldFact {
  value: number;
  value_max?: number;
  approx?: boolean;
  kind: string;
  unit: string;
  per?: string;
  place: string[];
  cue: string;
  scored?: boolean;
}

interface Gold {
  doc: string;
  facts: GoldFact[];
}

function chain(fact: FactRow): string[] {
  return [fact.county, fact.town, fact.village].filter((name): name is string => name !== null);
}

// Gold counts area and weight in the unit written (亩, 斤); the facts table stores square metres and kilograms.
function asWritten(fact: FactRow): number {
  if (fact.kind !== "area" && fact.kind !== "weight") return fact.value;
  const factor = UNITS.get(fact.unit.replace(/^[万亿千百]+/, ""))?.factor ?? 1;
  return Math.round((fact.value / factor) * 1000) / 1000;
}

/** Why a gold fact is not matched by the facts extracted, or null when it is. */
function mismatch(expected: GoldFact, facts: FactRow[]): string | null {
  const candidates = facts.filter((f) => f.sentence.includes(expected.cue) && expected.cue.includes(f.raw));
  const found = candidates.find((f) => f.kind === expected.kind && asWritten(f) === expected.value);
  if (!found) {
    const near = candidates.map((f) => `${f.raw}=${asWritten(f)} ${f.kind}`).join(", ");
    return `${expected.cue}: not found${near ? ` (found ${near})` : ""}`;
  }
  const problems: string[] = [];
  if (chain(found).join(">") !== expected.place.join(">")) problems.push(`placed at [${chain(found).join(">")}]`);
  if (expected.approx !== undefined && found.approx !== expected.approx) problems.push(`approx ${found.approx}`);
  if (expected.value_max !== undefined && found.value_max !== expected.value_max)
    problems.push(`value_max ${found.value_max}`);
  if (expected.per !== undefined && found.per !== expected.per) problems.push(`per ${found.per}`);
  return problems.length ? `${expected.cue}: ${problems.join(", ")}` : null;
}

interface Score {
  scored: number;
  matched: number;
  misses: string[];
  minorMisses: string[];
  emitted: number;
  labelledFound: number;
}

function score(gold: Gold): Score {
  const bytes = readFileSync(fileURLToPath(new URL(`../data/${gold.doc}`, import.meta.url)));
  const {facts} = extractDocument(gold.doc, bytes, gazetteer);
  const result: Score = {scored: 0, matched: 0, misses: [], minorMisses: [], emitted: facts.length, labelledFound: 0};
  for (const expected of gold.facts) {
    const why = mismatch(expected, facts);
    const scored = expected.scored !== false;
    if (scored) result.scored++;
    if (!why) {
      result.labelledFound++;
      if (scored) result.matched++;
    } else (scored ? result.misses : result.minorMisses).push(why);
  }
  return result;
}

function report(name: string, s: Score): void {
  const recall = s.scored ? s.matched / s.scored : 1;
  const precision = s.emitted ? s.labelledFound / s.emitted : 1;
  const lines = [
    `${name}: recall ${s.matched}/${s.scored} (${(recall * 100).toFixed(0)}%) on scored facts; ` +
      `precision ≈ ${s.labelledFound}/${s.emitted} (${(precision * 100).toFixed(0)}%) facts emitted that match a label`
  ];
  for (const miss of s.misses) lines.push(`  miss: ${miss}`);
  for (const miss of s.minorMisses) lines.push(`  minor: ${miss}`);
  console.log(lines.join("\n"));
}

function readGold(path: string): Gold {
  return JSON.parse(readFileSync(path, "utf8"));
}

test("seed 000: every gold fact is found with its value, kind and place", {skip: !existsSync(sharedGold) && "../shared/gold absent"}, () => {
  const result = score(readGold(sharedGold));
  report("seed 000", result);
  assert.deepEqual(result.misses, []);
});

const fixtures = existsSync(fixtureDir) ? readdirSync(fixtureDir).filter((f) => f.endsWith(".json")).sort() : [];

for (const file of fixtures) {
  const name = file.replace(/\.json$/, "").replace("-", " ");
  test(`${name}: every scored gold fact is found with its value, kind and place`, () => {
    const result = score(readGold(fixtureDir + file));
    report(name, result);
    assert.deepEqual(result.misses, []);
  });
}
