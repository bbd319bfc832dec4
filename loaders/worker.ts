// A worker thread of the extraction pool (pool.ts): reads and extracts the documents it is sent, one at a time.
import {parentPort, workerData} from "node:worker_threads";
import {loadGazetteer} from "./gazetteer.js";
import {extractFile} from "./extract.js";

const gazetteer = loadGazetteer({prefecture: workerData.prefecture});
parentPort!.on("message", ({index, doc, path}: {index: number; doc: string; path: string}) => {
  parentPort!.postMessage({index, result: extractFile(doc, path, gazetteer)});
});
