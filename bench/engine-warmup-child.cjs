// Child process of extract.bench.ts: one engine, as a worker runs it (the bundle of build/engine/, from its code
// cache, with the V8 flags launch.js sets), extracting the documents listed (with their sizes) in the JSON file
// argv[2] in order, and printing the process's CPU seconds (every thread: V8 compiles on threads of its own) after
// each, so the parent can tell the engine's warm-up from its steady pace. Plain CommonJS: it must start as a worker
// does, with nothing compiled for it.
"use strict";
const {readFileSync} = require("node:fs");
const {join} = require("node:path");

const engine = require(join(__dirname, "..", "build", "engine", "engine.cjs"));
const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const started = process.cpuUsage();
const cpu = () => {
  const {user, system} = process.cpuUsage(started);
  return (user + system) / 1e6;
};
const gazetteer = engine.loadGazetteer();
const points = [[0, cpu()]];
let bytes = 0;
for (const job of jobs) {
  engine.extractOne(job, gazetteer);
  bytes += job.size; // listed by the parent: no stat of its own inside the timed loop
  points.push([bytes, cpu()]);
}
process.stdout.write(JSON.stringify(points));
