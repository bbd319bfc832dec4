import * as Plot from "npm:@observablehq/plot";
import {labelMargin, reliefRange} from "./charts.js";
import {fontFamily} from "./fonts.js";
import {formatNumber, kindLabel, kinds, topicLabel, topics} from "./format.js";

/**
 * A grid of how many facts there are of each kind (columns) under each topic (rows), the count written in each cell.
 * `facts` are facts or aggregate cells: a row with a count `n` (the facts cube's cells) counts as `n` facts.
 * @param {{kind: string, topic: string | null, n?: number}[]} facts
 * @param {{width?: number, [option: string]: any}} [options] other options go to Plot.plot
 */
export function kindByTopic(facts, {width, ...options} = {}) {
  const counts = new Map();
  for (const d of facts) {
    const key = `${d.kind}\u0000${d.topic}`;
    counts.set(key, (counts.get(key) ?? 0) + (d.n ?? 1));
  }
  const cells = Array.from(counts, ([key, n]) => {
    const [kind, topic] = key.split("\u0000");
    return {kind: kindLabel(kind), topic: topicLabel(topic), n};
  });
  const present = (order, label, column) =>
    Object.keys(order)
      .map(label)
      .filter((l) => cells.some((d) => d[column] === l));
  const kindOrder = present(kinds, kindLabel, "kind");
  const topicOrder = present(topics, topicLabel, "topic");
  const most = Math.max(1, ...cells.map((d) => d.n));
  return Plot.plot({
    width,
    height: Math.max(80, topicOrder.length * 28 + 70),
    marginLeft: labelMargin(topicOrder, width),
    marginTop: 40,
    marginBottom: 10,
    style: {fontFamily},
    // Chinese above its English gloss, so that nine kinds fit across without turning the labels.
    x: {domain: kindOrder, axis: "top", label: null, tickFormat: (label) => label.replace(" ", "\n")},
    y: {domain: topicOrder, label: null},
    color: {type: "linear", domain: [0, most], range: reliefRange},
    marks: [
      Plot.cell(cells, {
        x: "kind",
        y: "topic",
        fill: "n",
        inset: 1,
        tip: {format: {fill: (n) => `${formatNumber(n)} 项`}}
      }),
      // Two text marks with constant fills: a fill channel would go through the cells' colour scale.
      Plot.text(
        cells.filter((d) => d.n > most / 2),
        {x: "kind", y: "topic", text: (d) => formatNumber(d.n), fill: "white"}
      ),
      Plot.text(
        cells.filter((d) => d.n <= most / 2),
        {x: "kind", y: "topic", text: (d) => formatNumber(d.n), fill: "black"}
      )
    ],
    ...options
  });
}
