import {cachedTables} from "../../loaders/run/cache.js";
import {latestArticles} from "./aggregates.js";

const {articles, facts, places} = await cachedTables([process.env.DATA_DIR ?? "data"]);
process.stdout.write(JSON.stringify(latestArticles(articles, facts, places)));
