// `npm run extract`: runs the command line from its bundle (bundle.js), rebuilt first when a source changed since it
// was made; where it cannot be built (no esbuild, a read-only checkout), from the TypeScript sources through tsx.
import {setFlagsFromString} from "node:v8";
import {buildBundle, ENGINE_V8_FLAGS, freshBundle} from "./bundle.js";

// Set before any worker starts; a flag is read at each compilation, in every thread.
setFlagsFromString(ENGINE_V8_FLAGS);

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
