// CSV rather than Parquet: DuckDB-wasm reads Parquet through an extension, which this site never downloads.
import {tableFile} from "../tableFile.js";

process.stdout.write(await tableFile("places", "csv"));
