// The contract's tables as files: CSV and XLSX made by the page's own functions (so a file from here has the bytes
// the page's download button gives for the same rows), JSON and Parquet by the extract command's writer.
import {mkdtempSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {schemas, type TableName, type Tables} from "../loaders/schema.js";
import {openTables} from "../loaders/run/write.js";
import {csvText, xlsxBytes} from "../src/components/tableFiles.js";

export type TableFormat = "csv" | "xlsx" | "parquet" | "json";
export const TABLE_FORMATS: TableFormat[] = ["csv", "xlsx", "parquet", "json"];

/** The contract's columns of a table, in its order: the same for every format. */
export function columnsOf(table: TableName): string[] {
  return Object.keys(schemas[table]);
}

/** Writes `dir/<table>.<format>` for each table and format asked for; returns the paths written. */
export async function exportTables(
  tables: Tables,
  {names, formats, dir}: {names: TableName[]; formats: TableFormat[]; dir: string}
): Promise<string[]> {
  const written: string[] = [];
  for (const name of names) {
    const rows: object[] = tables[name];
    const columns = columnsOf(name);
    if (formats.includes("csv")) written.push(write(dir, name, "csv", csvText(rows, {columns})));
    if (formats.includes("xlsx")) written.push(write(dir, name, "xlsx", xlsxBytes(rows, {columns, sheet: name})));
  }
  for (const format of ["json", "parquet"] as const) {
    if (formats.includes(format)) written.push(...(await engineFiles(tables, names, format, dir)));
  }
  return written;
}

function write(dir: string, table: TableName, format: TableFormat, content: string | Uint8Array): string {
  const path = join(dir, `${table}.${format}`);
  writeFileSync(path, content);
  return path;
}

/**
 * JSON and Parquet exactly as `npm run extract` writes them. Parquet goes through DuckDB with the contract's declared
 * column types, where the page's parquet-wasm path guesses types from the values: a column of whole numbers would
 * come out as integers in one corpus and as doubles in another, and an all-null column as text. The writer makes all
 * four tables at once, so it writes into a scratch folder and only the tables asked for are moved out.
 */
async function engineFiles(tables: Tables, names: TableName[], format: "json" | "parquet", dir: string) {
  const scratch = mkdtempSync(join(dir, ".export-"));
  try {
    const writer = openTables(scratch, format);
    for (const name of names) writer.write(name, tables[name]);
    await writer.close();
    return names.map((name) => {
      const path = join(dir, `${name}.${format}`);
      renameSync(join(scratch, `${name}.${format}`), path);
      return path;
    });
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}
