import * as Plot from "npm:@observablehq/plot";
import {barFill} from "./charts.js";
import {sumsBy} from "./cube.js";
import {fontFamily} from "./fonts.js";
import {axisLabel, formatValue, tickFormat} from "./format.js";

/** Every year, or every month (`2020-08`), from the first period to the last, so that gaps show as gaps. */
function periods(first, last, monthly) {
  const all = [];
  if (!monthly) for (let y = +first; y <= +last; ++y) all.push(String(y));
  else {
    for (let m = +first.slice(0, 4) * 12 + +first.slice(5) - 1; m <= +last.slice(0, 4) * 12 + +last.slice(5) - 1; ++m) {
      all.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
    }
  }
  return all;
}

/**
 * Columns: the sum of what adds up of one kind by year (the cube's `year`), or by month (`month`, `2020-08`) with
 * `interval: "month"`, which leaves out facts dated only to the year.
 * @param {import("arquero").ColumnTable} cube
 * @param {{width?: number, kind?: string, interval?: "year" | "month", [option: string]: any}} [options] other options
 *   go to Plot.plot
 */
export function timeline(cube, {width, kind = "money", interval = "year", ...options} = {}) {
  const monthly = interval === "month";
  const data = sumsBy(cube, monthly ? "month" : "year", {kind})
    .filter((d) => d.key != null)
    .map(({key, value}) => ({period: key, value}))
    .sort((a, b) => a.period.localeCompare(b.period));
  const domain = data.length ? periods(data[0].period, data[data.length - 1].period, monthly) : [];
  const periodLabel = (p) => (monthly ? `${p.slice(0, 4)}年${+p.slice(5)}月` : `${p}年`);
  // About one label per 60px; for months, Januaries first.
  const every = Math.max(1, Math.ceil((domain.length * 60) / Math.max(1, width - 80)));
  const ticks =
    monthly && every > 1 ? domain.filter((p, i) => (every >= 12 ? p.endsWith("-01") : i % every === 0)) : domain;
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 60,
    style: {fontFamily},
    x: {
      label: null,
      domain,
      ticks: monthly ? ticks : domain.filter((_, i) => i % every === 0),
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
