// The horizontal bar chart the by-place, by-topic and document-size charts all are: one bar per label, in the order
// given, with room at the left for Chinese labels.
import * as Plot from "npm:@observablehq/plot";
import {barFill, labelMargin} from "./charts.js";
import {fontFamily} from "./fonts.js";

/**
 * Bars for `data` (`[{label, value}]`, drawn in that order); `x` is Plot's x scale options, `format` how the tooltip
 * writes a value, `name` what a label is (for the tooltip), and `yLabel` the label axis's title (none by default: the
 * labels say what they are).
 * @param {{label: string, value: number}[]} data
 * @param {{width?: number, x?: import("@observablehq/plot").ScaleOptions, format?: (value: number) => string,
 *   name?: string, yLabel?: string | null, marginLeft?: number, [option: string]: any}} [options] other options go
 *   to Plot.plot
 */
export function horizontalBars(
  data,
  {width, x, format, name = "label", yLabel = null, marginLeft = 0, ...options} = {}
) {
  if (!data.length) return nothingToDraw(width);
  const domain = data.map((d) => d.label);
  // The label's field is named for what it is, since that name is what the tooltip shows beside it.
  const rows = data.map((d) => ({[name]: d.label, value: d.value}));
  return Plot.plot({
    width,
    height: Math.max(80, data.length * 26 + 40),
    marginLeft: labelMargin(domain, width) + marginLeft,
    marginRight: 20,
    style: {fontFamily},
    x: {grid: true, ...x},
    y: {label: yLabel, domain},
    marks: [
      Plot.barX(rows, {x: "value", y: name, fill: barFill, tip: {format: {x: format, y: true}}}),
      Plot.ruleX([0])
    ],
    ...options
  });
}

/** A small chart saying there is nothing to show, rather than an empty frame (it still downloads like a chart). */
function nothingToDraw(width) {
  return Plot.plot({
    width,
    height: 60,
    style: {fontFamily},
    axis: null,
    marks: [Plot.text(["没有数字 no figures"], {frameAnchor: "middle", fontSize: 13, fill: "currentColor"})]
  });
}
