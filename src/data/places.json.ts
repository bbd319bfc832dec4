import {extractTables} from "../../loaders/tables.js";

const {places} = await extractTables(["data"], {workers: 0});
process.stdout.write(JSON.stringify(places));
