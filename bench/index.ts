// `npm run bench`: runs every bench/*.bench.ts in name order and prints its figures.
// Each module's default export is an async function that prints its own lines; ratios are measured within one run.
import {readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
for (const file of readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort()) {
  if (only.length && !only.some((name) => file.includes(name))) continue;
  console.log(`\n# ${file}`);
  const {default: run} = await import(`./${file}`);
  await run();
}
