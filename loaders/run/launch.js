// `npm run extract`: runs the command line from its bundle (bundle.js), rebuilt first when a source changed since it
// was made; where it cannot be built (no esbuild, a read-only checkout), from the TypeScript sources through tsx.
import {buildBundle, freshBundle} from "./bundle.js";

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
