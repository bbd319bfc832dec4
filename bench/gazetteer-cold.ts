// Child process of places.bench.ts: the gazetteer's cold load, in a process that has not loaded it yet (in the bench
// run itself, corpus.ts and the engine have already built and cached it). With the argument `build`, built from the
// register as a run without the compact form does (its first run); else read from the compact form, built first if
// missing. Prints one JSON line.
const fromRegister = process.argv[2] === "build";
const t0 = performance.now();
const {buildGazetteer, loadGazetteer} = await import("../loaders/gazetteer.js");
const imported = performance.now();
const gazetteer = fromRegister ? buildGazetteer("3715") : loadGazetteer();
const built = performance.now();
// A second load is served from memory (not measured after a build, which loadGazetteer does not keep).
if (!fromRegister) loadGazetteer();
const cached = fromRegister ? NaN : performance.now() - built;
console.log(
  JSON.stringify({
    importMs: imported - t0,
    loadMs: built - imported,
    cachedMs: cached,
    places: gazetteer.places.size
  })
);
