// data/search.bin: the full-text search index of every article's title and text, read a few shards per query
// (format and why: src/components/searchIndex.js).
import {cachedTable} from "../../loaders/run/cache.js";
import {articleOrder} from "./articleStore.js";
import {writeSearchIndex} from "./searchIndex.js";

const articles = await cachedTable([process.env.DATA_DIR ?? "data"], "articles");
const start = performance.now();
const summary = await writeSearchIndex(articles, articleOrder(articles), process.stdout);
process.stderr.write(
  `search.bin: ${summary.articles} articles, ${summary.tokens} tokens, ${(summary.bytes / 1e6).toFixed(1)} MB ` +
    `in ${summary.passes} pass(es), shards median ${(summary.medianShard / 1e3).toFixed(1)} KB, largest ` +
    `${(summary.largestShard / 1e3).toFixed(1)} KB, in ${((performance.now() - start) / 1000).toFixed(1)} s\n`
);
