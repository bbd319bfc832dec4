import * as Plot from "npm:@observablehq/plot";
import {barFill} from "./charts.js";
import {sumsBy} from "./cube.js";
import {fontFamily} from "./fonts.js";
import {axisLabel, formatValue, tickFormat} from "./format.js";

/** Every year from the first to the last, so that gaps show as gaps. */
function years(first, last) {
  const all = [];
  for (let y = +first; y <= +last; ++y) all.push(String(y));
  return all;
}

/**
 * Columns: the sum of what adds up of one kind by year (the cube's `year`; the cubes hold no months).
 * @param {import("arquero").ColumnTable} cube
 * @param {{width?: number, kind?: string, [option: string]: any}} [options] other options go to Plot.plot
 */
export function timeline(cube, {width, kind = "money", ...options} = {}) {
  const data = sumsBy(cube, "year", {kind})
    .filter((d) => d.key != null)
    .map(({key, value}) => ({period: key, value}))
    .sort((a, b) => a.period.localeCompare(b.period));
  const domain = data.length ? years(data[0].period, data[data.length - 1].period) : [];
  const periodLabel = (p) => `${p}年`;
  // About one label per 60px.
  const every = Math.max(1, Math.ceil((domain.length * 60) / Math.max(1, width - 80)));
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 60,
    style: {fontFamily},
    x: {
      label: null,
      domain,
      ticks: domain.filter((_, i) => i % every === 0),
      tickFormat: periodLabel
    },
    y: {label: axisLabel(kind), grid: true, tickFormat: tickFormat(kind)},
    marks: [
      Plot.barY(data, {
        x: "period",
        y: "value",
        fill: barFill,
        tip: {format: {x: periodLabel, y: (v) => formatValue(v, kind)}}
      }),
      Plot.ruleY([0])
    ],
    ...options
  });
}
