// The one rule for what adds up (issue 11): every page, the SQL page, the exports and the tests sum only facts whose
// `summable` column is true, so no two views of the same corpus can disagree about a total.
import type {Kind, Per} from "./types.js";

/** Kinds whose values are amounts of something: money in yuan, and counts of households, persons, things, land. */
const AMOUNTS: ReadonlySet<Kind> = new Set<Kind>(["money", "households", "persons", "count", "area", "weight"]);

export interface SummableInput {
  kind: Kind;
  currency: string | null;
  per: Per;
  per_entity?: "household" | "person" | null;
  /** A headline figure that the body states again: summing both would count it twice. */
  repeats_body?: boolean;
}

/** Yuan or a count, not a rate (`每月100元`), not an average (`人均`), not a headline figure the body repeats. */
export function isSummable(fact: SummableInput): boolean {
  if (!AMOUNTS.has(fact.kind)) return false;
  if (fact.kind === "money" && fact.currency !== "CNY") return false;
  return fact.per == null && fact.per_entity == null && !fact.repeats_body;
}
