// data/articles.bin: every article with its facts, read by the article view and the search page a record at a time
// (format: src/components/articleStore.js).
import {cachedTable} from "../../loaders/run/cache.js";
import {articleOrder, writeArticleStore} from "./articleStore.js";

const dataDir = process.env.DATA_DIR ?? "data";
const articles = await cachedTable([dataDir], "articles");
const facts = await cachedTable([dataDir], "facts");
const start = performance.now();
const summary = await writeArticleStore(articles, facts, articleOrder(articles), process.stdout);
process.stderr.write(
  `articles.bin: ${summary.articles} articles, ${(summary.bytes / 1e6).toFixed(1)} MB, largest record ` +
    `${(summary.largestRecord / 1e3).toFixed(1)} KB, in ${((performance.now() - start) / 1000).toFixed(1)} s\n`
);
