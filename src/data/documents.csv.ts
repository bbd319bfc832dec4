import {csvFormat} from "d3-dsv";
import {cachedTable} from "../../loaders/cache.js";
import {listDocuments} from "../../loaders/corpus.js";

// Each document's size on disk beside what the engine read from it (characters as decoded, so GBK pages count right).
const paths = [process.env.DATA_DIR ?? "data"];
const bytes = new Map(listDocuments(paths).map(({doc, size}) => [doc, size]));
const rows = (await cachedTable(paths, "documents")).map(({doc, chars, sha256}) => ({doc, bytes: bytes.get(doc), chars, sha256}));

process.stdout.write(csvFormat(rows));
