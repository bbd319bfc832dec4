// Child process of fuzz.bench.ts: extracts each document it is sent, alone, and answers with its CPU time and the
// size of its rows, so the parent can stop it when a document hangs and go on with a new child.
import {extractDocument} from "../loaders/extract.js";
import {loadGazetteer} from "../loaders/gazetteer.js";

const gazetteer = loadGazetteer();
process.on("message", ({id, doc, bytes}: {id: number; doc: string; bytes: Uint8Array}) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let answer: Record<string, unknown>;
  try {
    const result = extractDocument(doc, bytes, gazetteer);
    const used = process.cpuUsage(cpu);
    let outputBytes: number | null = null;
    try {
      outputBytes = Buffer.byteLength(JSON.stringify(result));
    } catch {} // longer than V8's string limit: reported as null
    answer = {
      id,
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - started,
      status: result.document.status,
      reason: result.document.reason,
      facts: result.facts.length,
      outputBytes
    };
  } catch (error) {
    answer = {id, crash: (error as Error).stack ?? String(error)};
  }
  process.send!(answer);
});
process.send!({ready: true});
