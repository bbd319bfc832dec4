import {horizontalBars} from "./horizontalBars.js";
import {sumsBy} from "./cube.js";
import {axisLabel, formatValue, placeLabeler, tickFormat} from "./format.js";

/**
 * Horizontal bars: the sum of what adds up of one kind by place (`by` a column of the cube: `county`, `town` or
 * `village`), largest first, at most `limit` of them, with pinyin beside each name from `places` (`[{name, pinyin}]`).
 * @param {import("arquero").ColumnTable} cube
 * @param {{width?: number, kind?: string, by?: string, places?: {name: string, pinyin?: string}[], limit?: number,
 *   [option: string]: any}} [options] other options go to horizontalBars
 */
export function barByPlace(cube, {width, kind = "money", by = "county", places, limit = 20, ...options} = {}) {
  const label = placeLabeler(places);
  const data = sumsBy(cube, by, {kind})
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
