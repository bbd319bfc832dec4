import {horizontalBars} from "./bars.js";
import {ofKind, sumBy} from "./charts.js";
import {axisLabel, formatNumber, formatValue, tickFormat, topicLabel, topics} from "./format.js";

/** Horizontal bars by poverty-relief topic, in the contract's order: the sum of one kind's `value`, or with no
 * `kind` the number of rows (facts or articles). */
export function byTopic(rows, {width, kind = null, ...options} = {}) {
  const order = Object.keys(topics);
  const rank = (topic) => (order.includes(topic) ? order.indexOf(topic) : order.length);
  const data = sumBy(kind ? ofKind(rows, kind) : rows, (d) => d.topic ?? "other", kind ? (d) => d.value : null)
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
