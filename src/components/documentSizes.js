import * as Plot from "npm:@observablehq/plot";
import {barFill, labelMargin} from "./charts.js";
import {fontFamily} from "./fonts.js";
import {formatNumber} from "./format.js";

/** Horizontal bars: each document's length in characters, to see at a glance which pages are thin or huge. */
export function documentSizes(documents, {width, ...options} = {}) {
  const domain = documents.map((d) => String(d.doc));
  return Plot.plot({
    width,
    height: Math.max(80, documents.length * 26 + 40),
    marginLeft: labelMargin(domain, width) + 14,
    marginRight: 20,
    style: {fontFamily},
    x: {label: "字数 characters", grid: true, tickFormat: formatNumber},
    y: {label: "文档 document", domain},
    marks: [
      Plot.barX(documents, {
        x: "chars",
        y: (d) => String(d.doc),
        fill: barFill,
        tip: {format: {x: (v) => `${formatNumber(v)} 字`, y: true}}
      }),
      Plot.ruleX([0])
    ],
    ...options
  });
}
