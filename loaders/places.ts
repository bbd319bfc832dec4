// Kept so that `./places.js` still resolves for the engine's importers (extract.ts): the code is in places/.
export * from "./places/index.js";
