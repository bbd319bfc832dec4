import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {cachedTable} from "../../loaders/cache.js";
import {openTables, type Format} from "../../loaders/write.js";
import type {TableName} from "../../loaders/schema.js";

/** One table of the corpus in data/ as the engine's own writer makes it (for DuckDB on sql.md). */
export async function tableFile(table: TableName, format: Format): Promise<Buffer> {
  const rows = await cachedTable([process.env.DATA_DIR ?? "data"], table);
  const dir = mkdtempSync(join(tmpdir(), "table-"));
  try {
    const writer = openTables(dir, format);
    writer.write(table, rows);
    await writer.close();
    return readFileSync(join(dir, `${table}.${format}`));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
