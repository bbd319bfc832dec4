import {horizontalBars} from "./bars.js";
import {ofKind, sumBy} from "./charts.js";
import {axisLabel, formatValue, placeLabeler, tickFormat} from "./format.js";

/**
 * Horizontal bars: the sum of one kind's `value` by place (`county` by default, or `town`, `place_name` …), largest
 * first, at most `limit` of them, with pinyin beside each name when `places` (the places table) is given.
 */
export function barByPlace(facts, {width, kind = "money", by = "county", places, limit = 20, ...options} = {}) {
  const label = placeLabeler(places);
  const data = sumBy(ofKind(facts, kind), (d) => d[by] ?? null, (d) => d.value)
    .map(({key, value}) => ({label: label(key), value}))
    .sort((a, b) => b.value - a.value)
    .slice(0, limit);
  return horizontalBars(data, {
    width,
    name: "地点 place",
    x: {label: axisLabel(kind), tickFormat: tickFormat(kind)},
    format: (v) => formatValue(v, kind),
    ...options
  });
}
