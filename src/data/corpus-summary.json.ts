// The corpus in a few numbers, for the KPIs that count documents: the documents table itself grows with the corpus.
import {cachedTable} from "../../loaders/run/cache.js";

const documents = await cachedTable([process.env.DATA_DIR ?? "data"], "documents");
const read = documents.filter((d) => d.status === "ok").length;
process.stdout.write(JSON.stringify({documents: documents.length, read, rejected: documents.length - read}));
