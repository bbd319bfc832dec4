import {horizontalBars} from "./horizontalBars.js";
import {sumsBy} from "./cube.js";
import {axisLabel, formatNumber, formatValue, tickFormat, topicLabel, topics} from "./format.js";

/** Horizontal bars by poverty-relief topic, in the contract's order: the sum of what adds up of one kind, or with no
 * `kind` the number of facts or articles the cube's cells count.
 * @param {import("arquero").ColumnTable} cube
 * @param {{width?: number, kind?: string | null, [option: string]: any}} [options] other options go to horizontalBars
 */
export function byTopic(cube, {width, kind = null, ...options} = {}) {
  const order = Object.keys(topics);
  const rank = (topic) => (order.includes(topic) ? order.indexOf(topic) : order.length);
  const data = sumsBy(cube, "topic", {kind})
    .map(({key, value}) => ({key: key ?? "other", value}))
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map(({key, value}) => ({label: topicLabel(key), value}));
  const most = Math.max(1, ...data.map((d) => d.value));
  return horizontalBars(data, {
    width,
    name: "主题 topic",
    x: kind
      ? {label: axisLabel(kind), tickFormat: tickFormat(kind)}
      : {label: "条数 rows", ticks: Math.min(10, most), tickFormat: formatNumber},
    format: kind ? (v) => formatValue(v, kind) : (v) => `${formatNumber(v)} 条`,
    ...options
  });
}
