import {extractTables} from "../../loaders/tables.js";

const {documents} = await extractTables([process.env.DATA_DIR ?? "data"], {workers: 0});
process.stdout.write(JSON.stringify(documents));
