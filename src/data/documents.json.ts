import {extractTables} from "../../loaders/tables.js";

const {documents} = await extractTables(["data"], {workers: 0});
process.stdout.write(JSON.stringify(documents));
