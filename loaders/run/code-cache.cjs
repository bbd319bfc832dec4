// Runs a CommonJS bundle of build/engine/ (bundle.js) through V8's code cache, so that a thread does not parse and
// compile the engine's functions again on every run: Node 20 has no compile cache for modules
// (module.enableCompileCache is Node 22), but a vm.Script takes the cache V8 made of the same source on an earlier run.
// The cache is made once per bundle and thread kind (the command line's thread, a worker), after that thread's first
// document, when the functions a document needs have been compiled: saveCodeCache() (save-code-cache.ts) asks for it,
// and does nothing where the cache was taken. A cache V8 rejects (another Node, other V8 flags) is made again; one
// that cannot be written is skipped.
// CommonJS, and free of the engine's imports, so that a worker reaches it without starting the ESM loader's work.
"use strict";
const {readFileSync, renameSync, rmSync, writeFileSync} = require("node:fs");
const Module = require("node:module");
const {dirname} = require("node:path");
const {Script} = require("node:vm");

/** Where saveCodeCache finds this thread's pending caches. */
const SAVE = Symbol.for("liaocheng-relief.saveCodeCache");
/** This thread's bundles that ran without a cache: file → the save of its cache. */
const pending = new Map();

globalThis[SAVE] = () => {
  for (const save of pending.values()) save();
  pending.clear();
};

/** Runs the bundle `file` (a path) as a CommonJS module: its exports, and whether V8 took a stored cache of it. */
function runBundle(file) {
  const cacheFile = `${file}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // Not made yet.
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), {filename: file, cachedData});
  const cached = script.cachedDataRejected === false;
  if (!cached) {
    pending.set(file, () => {
      const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile); // whole or not at all, for a thread reading it meanwhile
      } catch {
        rmSync(temp, {force: true});
      }
    });
  }
  const module = {exports: {}};
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dirname(file));
  return {exports: module.exports, cached};
}

module.exports = {runBundle};
