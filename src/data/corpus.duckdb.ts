import {cachedTables} from "../../loaders/run/cache.js";
import {corpusDatabase} from "./corpusDatabase.js";

process.stdout.write(await corpusDatabase(await cachedTables([process.env.DATA_DIR ?? "data"])));
