// The bytes of a table's downloads: CSV, XLSX and Parquet. Pure functions, run the same in Node's tests and in the
// page; Parquet takes Apache Arrow and parquet-wasm as arguments because Node and the browser load different builds.
import {strToU8, zipSync} from "fflate";

/** The columns of a table: those asked for, else every key of the rows in first-seen order. */
export function columnsOf(rows, columns) {
  if (columns) return columns;
  const keys = new Set();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

function isoDate(date) {
  return Number.isNaN(+date) ? "" : date.toISOString();
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and carriage
// return are on OWASP's list too because some programs strip them first.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers are written as numbers, so a negative number stays `-3`: a number cannot carry a formula.
 * Any string that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, even `"-3"`, since `-3+cmd|…` starts
 * that way.
 */
export function csvCell(value) {
  if (value == null) return "";
  let text;
  if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "bigint" || typeof value === "boolean") text = String(value);
  else if (value instanceof Date) text = isoDate(value);
  else text = String(value);
  if (typeof value === "string" && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark, which is what makes Excel read the Chinese as UTF-8.
 * @param {object[]} rows
 * @param {{columns?: string[]}} [options]
 * @returns {string}
 */
export function csvText(rows, {columns} = {}) {
  const names = columnsOf(rows, columns);
  const lines = [names.map(csvCell).join(",")];
  for (const row of rows) lines.push(names.map((name) => csvCell(row[name])).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** `0` → `"A"`, `26` → `"AA"`. */
export function columnLetter(index) {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// Characters XML 1.0 forbids, and lone surrogates: a sheet containing one does not open.
const notXml =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text) {
  return String(text)
    .replace(notXml, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Excel refuses a cell longer than this; CSV and Parquet keep the whole text. */
export const excelCellLimit = 32767;

function sheetCell(value, ref) {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  let text = value instanceof Date ? isoDate(value) : String(value);
  if (text.length > excelCellLimit) text = text.slice(0, excelCellLimit);
  // Inline strings are never evaluated, so `=1+1` needs no neutralising here.
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

/**
 * The worksheet XML: a header row, frozen, then one row per record.
 * @param {object[]} rows
 * @param {{columns?: string[]}} [options]
 */
export function sheetXml(rows, {columns} = {}) {
  const names = columnsOf(rows, columns);
  const letters = names.map((_, i) => columnLetter(i));
  const line = (values, r) => `<row r="${r}">${values.map((v, i) => sheetCell(v, `${letters[i]}${r}`)).join("")}</row>`;
  const data = [
    line(names, 1),
    ...rows.map((row, i) =>
      line(
        names.map((name) => row[name]),
        i + 2
      )
    )
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetData>${data.join("")}</sheetData></worksheet>`
  );
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name) {
  return (
    String(name ?? "")
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet1"
  );
}

/**
 * The smallest workbook Excel, LibreOffice and Numbers open: one sheet of inline strings, zipped with fflate.
 * @param {object[]} rows
 * @param {{columns?: string[], sheet?: string}} [options]
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function xlsxBytes(rows, {columns, sheet = "Sheet1"} = {}) {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files = {
    "[Content_Types].xml":
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      "</Types>",
    "_rels/.rels":
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationships}">` +
      `<sheets><sheet name="${xmlText(sheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml(rows, {columns})
  };
  // A fixed time keeps the same table's file byte-identical from one download to the next.
  const mtime = new Date("2020-01-01T00:00:00Z");
  // fflate's zip is a fresh array on its own ArrayBuffer (never a shared one), which is what a Blob takes.
  return /** @type {Uint8Array<ArrayBuffer>} */ (
    zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), {mtime}]])))
  );
}

/** The Arrow type a column gets: integers, floats, booleans, or else text. */
export function columnType(rows, name) {
  let type = null;
  for (const row of rows) {
    const value = row[name];
    if (value == null || (typeof value === "number" && Number.isNaN(value))) continue;
    const t =
      typeof value === "number"
        ? Number.isSafeInteger(value) && Math.abs(value) < 2 ** 31
          ? "int"
          : "float"
        : typeof value === "boolean"
          ? "bool"
          : "string";
    if (type === null || type === t) type = t;
    else if ((type === "int" && t === "float") || (type === "float" && t === "int")) type = "float";
    else return "string";
  }
  return type ?? "string";
}

function textOf(value) {
  return value == null || (typeof value === "number" && Number.isNaN(value))
    ? null
    : value instanceof Date
      ? isoDate(value)
      : String(value);
}

/**
 * An Arrow table with one typed column per field, in the given order. `arrow` is the `apache-arrow` module.
 * @param {object[]} rows
 * @param {{columns?: string[]}} options
 * @param {typeof import("apache-arrow")} arrow
 */
export function arrowTable(rows, {columns} = {}, arrow) {
  const types = {int: () => new arrow.Int32(), float: () => new arrow.Float64(), bool: () => new arrow.Bool()};
  /** @type {Record<string, import("apache-arrow").Vector>} */
  const vectors = {};
  for (const name of columnsOf(rows, columns)) {
    const type = columnType(rows, name);
    const values = rows.map((row) => row[name] ?? null);
    vectors[name] =
      type === "string"
        ? arrow.vectorFromArray(values.map(textOf), new arrow.Utf8())
        : arrow.vectorFromArray(
            values.map((v) => (typeof v === "number" && Number.isNaN(v) ? null : v)),
            types[type]()
          );
  }
  return new arrow.Table(vectors);
}

/**
 * Parquet bytes, through Arrow IPC into parquet-wasm (whose module must already be initialised).
 * @param {object[]} rows
 * @param {{columns?: string[]}} options
 * @param {{arrow: typeof import("apache-arrow"), parquet: any}} libraries
 */
export function parquetBytes(rows, {columns} = {}, {arrow, parquet}) {
  const ipc = arrow.tableToIPC(arrowTable(rows, {columns}, arrow), "stream");
  return parquet.writeParquet(parquet.Table.fromIPCStream(ipc));
}
