// Child process of fuzz.bench.ts: extracts each document it is sent, alone, and answers with its CPU time and the
// size of its rows in JSON and CSV, so the parent can stop it when a document hangs and go on with a new child.
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {encodeRows, type Staging} from "../loaders/run/write.js";

/** Bytes of the document's rows in a table file of this staging format (documents, articles, facts; the places
 * table is counted over a corpus, a few rows per place). */
function tableBytes(result: ReturnType<typeof extractDocument>, staging: Staging): number {
  let bytes = 0;
  for (const [table, rows] of [
    ["documents", [result.document]],
    ["articles", result.articles],
    ["facts", result.facts]
  ] as const)
    for (const piece of encodeRows(table, staging, rows)) bytes += piece.length;
  return bytes;
}

const gazetteer = loadGazetteer();
process.on("message", ({id, doc, bytes}: {id: number; doc: string; bytes: Uint8Array}) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let answer: Record<string, unknown>;
  try {
    const result = extractDocument(doc, bytes, gazetteer);
    const used = process.cpuUsage(cpu);
    const outputBytes = tableBytes(result, "json");
    const csvBytes = tableBytes(result, "csv");
    answer = {
      id,
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - started,
      status: result.document.status,
      reason: result.document.reason,
      facts: result.facts.length,
      outputBytes,
      csvBytes
    };
  } catch (error) {
    answer = {id, crash: (error as Error).stack ?? String(error)};
  }
  process.send!(answer);
});
process.send!({ready: true});
