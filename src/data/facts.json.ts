import {cachedTable} from "../../loaders/run/cache.js";

process.stdout.write(JSON.stringify(await cachedTable([process.env.DATA_DIR ?? "data"], "facts")));
