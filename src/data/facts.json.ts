import {extractTables} from "../../loaders/tables.js";

const {facts} = await extractTables(["data"], {workers: 0});
process.stdout.write(JSON.stringify(facts));
