// `npm run extract`: runs the command line from its bundle (bundle.js), rebuilt first when a source changed since it
// was made; where it cannot be built (no esbuild, a read-only checkout), from the TypeScript sources through tsx.
import {setFlagsFromString} from "node:v8";
import {buildBundle, freshBundle} from "./bundle.js";

// V8's optimizing compiler inlines up to 920 bytes of bytecode into a function by default: the engine's stages end up
// in a few huge functions (extractDocument) that take it hundreds of milliseconds each to compile, again after each
// deoptimisation, and again in every worker, on background threads that cost as much CPU as a worker. At 200 the
// code runs as fast and the compiler's CPU time is a third (measured on 50 MB with two workers: 26 s of CPU
// instead of 32). Set before any worker starts; the flag is read at each compilation, in every thread.
setFlagsFromString("--max-inlined-bytecode-size-cumulative=200");

let bundle = freshBundle();
if (!bundle) {
  try {
    bundle = await buildBundle();
  } catch (error) {
    process.stderr.write(`extract: running from the sources (${error.message.split("\n")[0]})\n`);
  }
}
if (bundle) {
  await import(bundle.cli.href);
} else {
  const {register} = await import("tsx/esm/api");
  register();
  await import("./cli.ts");
}
