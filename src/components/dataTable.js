import * as Inputs from "npm:@observablehq/inputs";
import {tableDownloads} from "./exports.js";
import {formatDate, kindLabel, topicLabel} from "./format.js";

/** Glossed columns of the contract; Inputs.table puts every cell in as text, so article text can never become markup. */
export const cellFormats = {
  topic: topicLabel,
  kind: kindLabel,
  date: (d) => (d instanceof Date ? d.toISOString().slice(0, 10) : formatDate(d)),
  issue_date: formatDate,
  // A year is a name, not a quantity: 2020, not 2,020.
  year: (d) => (d == null ? "" : `${d}年`)
};

/**
 * A table of rows with the contract's kinds and topics glossed, and CSV, XLSX, Parquet and JSON downloads of the
 * rows as they are (not as formatted). Other options go to Inputs.table.
 * @param {object[]} rows
 * @param {{filename?: string, columns?: string[], format?: Record<string, (value: any) => any>,
 *   [option: string]: any}} [options]
 */
export function dataTable(rows, {filename = "table", columns, format, ...options} = {}) {
  const names = columns ?? Object.keys(rows[0] ?? {});
  const table = Inputs.table(rows, {
    columns,
    format: {
      ...Object.fromEntries(names.filter((name) => name in cellFormats).map((name) => [name, cellFormats[name]])),
      ...format
    },
    ...options
  });
  const div = document.createElement("div");
  div.className = "data-table";
  div.append(table, tableDownloads(rows, {filename, columns}));
  return div;
}
