// Child process of places.bench.ts: the gazetteer's cold load, in a process that has not loaded it yet (in the bench
// run itself, corpus.ts and the engine have already built and cached it). Prints one JSON line.
const t0 = performance.now();
const {loadGazetteer} = await import("../loaders/gazetteer.js");
const imported = performance.now();
const gazetteer = loadGazetteer();
const built = performance.now();
loadGazetteer();
const cached = performance.now() - built;
console.log(
  JSON.stringify({
    importMs: imported - t0,
    loadMs: built - imported,
    cachedMs: cached,
    places: gazetteer.places.size
  })
);
