// What the chart components share. (Sums come from the aggregates, filtered and grouped in cube.js.)

export const barFill = "#4269d0";

/** Light to dark blue for how much poverty-relief reporting a town has, on the map and the town chips alike. */
export const reliefRange = ["#c6dbef", "#08306b"];

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
