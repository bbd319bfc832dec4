import * as Plot from "npm:@observablehq/plot";
import {barFill, labelMargin, ofKind, sumBy} from "./charts.js";
import {fontFamily} from "./fonts.js";
import {axisLabel, formatNumber, formatValue, tickFormat, topicLabel, topics} from "./format.js";

/** Horizontal bars by poverty-relief topic, in the contract's order: the sum of one kind's `value`, or with no
 * `kind` the number of rows (facts or articles). */
export function byTopic(rows, {width, kind = null, ...options} = {}) {
  const order = Object.keys(topics);
  const rank = (topic) => (order.includes(topic) ? order.indexOf(topic) : order.length);
  const data = sumBy(kind ? ofKind(rows, kind) : rows, (d) => d.topic ?? "other", kind ? (d) => d.value : null)
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map(({key, value}) => ({topic: topicLabel(key), value}));
  const domain = data.map((d) => d.topic);
  const most = Math.max(1, ...data.map((d) => d.value));
  return Plot.plot({
    width,
    height: Math.max(80, data.length * 26 + 40),
    marginLeft: labelMargin(domain, width),
    marginRight: 20,
    style: {fontFamily},
    x: kind
      ? {label: axisLabel(kind), grid: true, tickFormat: tickFormat(kind)}
      : {label: "条数 rows", grid: true, ticks: Math.min(10, most), tickFormat: formatNumber},
    y: {label: null, domain},
    marks: [
      Plot.barX(data, {
        x: "value",
        y: "topic",
        fill: barFill,
        tip: {format: {x: kind ? (v) => formatValue(v, kind) : (v) => `${formatNumber(v)} 条`, y: true}}
      }),
      Plot.ruleX([0])
    ],
    ...options
  });
}
