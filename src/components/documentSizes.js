import {horizontalBars} from "./horizontalBars.js";
import {formatNumber} from "./format.js";

/**
 * Horizontal bars: each document's length in characters, to see at a glance which pages are thin or huge.
 * @param {{doc: string | number, chars: number}[]} documents
 * @param {{width?: number, [option: string]: any}} [options] other options go to horizontalBars
 */
export function documentSizes(documents, {width, ...options} = {}) {
  return horizontalBars(
    documents.map((d) => ({label: String(d.doc), value: d.chars})),
    {
      width,
      x: {label: "字数 characters", tickFormat: formatNumber},
      format: (v) => `${formatNumber(v)} 字`,
      name: "文档 document",
      yLabel: "文档 document",
      marginLeft: 14,
      ...options
    }
  );
}
