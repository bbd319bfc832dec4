// What the chart components share.

export const barFill = "#4269d0";

/** Light to dark blue for how much poverty-relief reporting a town has, on the map and the town chips alike. */
export const reliefRange = ["#c6dbef", "#08306b"];

/** Only facts of one kind; for money, only yuan, since sums across currencies mean nothing. */
export function ofKind(facts, kind) {
  return facts.filter((d) => d.kind === kind && (kind !== "money" || d.currency == null || d.currency === "CNY"));
}

/** Sums of `value` (or counts, with no `value`) by a key, as `[{key, value}]`. */
export function sumBy(rows, key, value) {
  const sums = new Map();
  for (const d of rows) {
    const k = key(d);
    sums.set(k, (sums.get(k) ?? 0) + (value ? value(d) : 1));
  }
  return Array.from(sums, ([key, value]) => ({key, value}));
}

/** Room for axis labels at Plot's 10px type: a Chinese character is about 10px wide, a Latin one about 6px. */
export function labelMargin(labels, width) {
  const widest = Math.max(
    0,
    ...labels.map((label) =>
      Array.from(String(label), (c) => (c.codePointAt(0) > 0x2e80 ? 10 : 6)).reduce((a, b) => a + b, 0)
    )
  );
  return Math.round(Math.min(width / 2, widest + 16));
}

/** The facts of a kind that add up, by the engine's one rule (the `summable` column, loaders/summable.ts). */
export function summable(facts, kind) {
  return facts.filter((d) => d.kind === kind && d.summable);
}

/** The sum of `value` over the facts of a kind that add up (see `summable`). */
export function sumOf(facts, kind) {
  return summable(facts, kind).reduce((sum, d) => sum + d.value, 0);
}
