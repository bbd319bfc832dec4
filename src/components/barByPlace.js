import * as Plot from "npm:@observablehq/plot";
import {barFill, labelMargin, ofKind, sumBy} from "./charts.js";
import {fontFamily} from "./fonts.js";
import {axisLabel, formatValue, placeLabeler, tickFormat} from "./format.js";

/**
 * Horizontal bars: the sum of one kind's `value` by place (`county` by default, or `town`, `place_name` …), largest
 * first, at most `limit` of them, with pinyin beside each name when `places` (the places table) is given.
 */
export function barByPlace(facts, {width, kind = "money", by = "county", places, limit = 20, ...options} = {}) {
  const label = placeLabeler(places);
  const data = sumBy(
    ofKind(facts, kind),
    (d) => d[by] ?? null,
    (d) => d.value
  )
    .map(({key, value}) => ({place: label(key), value}))
    .sort((a, b) => b.value - a.value)
    .slice(0, limit);
  const domain = data.map((d) => d.place);
  return Plot.plot({
    width,
    height: Math.max(80, data.length * 26 + 40),
    marginLeft: labelMargin(domain, width),
    marginRight: 20,
    style: {fontFamily},
    x: {label: axisLabel(kind), grid: true, tickFormat: tickFormat(kind)},
    y: {label: null, domain},
    marks: [
      Plot.barX(data, {
        x: "value",
        y: "place",
        fill: barFill,
        tip: {format: {x: (v) => formatValue(v, kind), y: true}}
      }),
      Plot.ruleX([0])
    ],
    ...options
  });
}
