// The documents' lengths for the methods page's chart: all of them in a small corpus, else the 20 shortest and the 20
// longest (thin scans and odd huge pages are what the chart is for), so its size stays bounded as the corpus grows.
import {cachedTable} from "../../loaders/run/cache.js";

const EACH_END = 20;
const documents = await cachedTable([process.env.DATA_DIR ?? "data"], "documents");
const sized = documents
  .filter((d) => d.chars != null)
  .map((d) => ({doc: d.doc, chars: d.chars}))
  .sort((a, b) => a.chars - b.chars || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
const shown = sized.length <= 2 * EACH_END ? sized : [...sized.slice(0, EACH_END), ...sized.slice(-EACH_END)];
process.stdout.write(JSON.stringify({documents: sized.length, shown: shown.reverse()}));
