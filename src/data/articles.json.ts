import {extractTables} from "../../loaders/tables.js";

const {articles} = await extractTables(["data"], {workers: 0});
process.stdout.write(JSON.stringify(articles));
