// Asks the loader of the bundle (code-cache.cjs) to store V8's code cache of this thread's bundle, once its first
// document has compiled what a document needs. Does nothing when the thread runs from the sources (tsx) or already
// started from a cache.
const SAVE = Symbol.for("liaocheng-relief.saveCodeCache");

export function saveCodeCache(): void {
  (globalThis as {[SAVE]?: () => void})[SAVE]?.();
}
