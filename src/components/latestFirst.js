/**
 * Latest date first (`2020-08-31` before `2020-08` before `2020`, as strings sort), then by document and order in it:
 * the order of the latest-articles list (src/data/aggregates.ts sorts the same way).
 */
export function latestFirst(a, b) {
  const da = a.date ?? "";
  const db = b.date ?? "";
  return da < db ? 1 : da > db ? -1 : a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.seq - b.seq;
}
