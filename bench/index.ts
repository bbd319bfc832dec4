// `npm run bench`: runs every bench/*.bench.ts in name order and prints its figures.
// Each module's default export is an async function that prints its own lines; ratios are measured within one run.
// `npm run bench -- --scale [--pages N]` (or `npm run bench:scale`) runs the scale bench alone (bench/scale.ts): it
// builds the site from a synthetic archive, which takes from minutes (300 pages) to an hour or more (10,000).
import {readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
if (args.includes("--scale")) {
  const {default: scale} = await import("./scale.js");
  await scale(args.filter((arg) => arg !== "--scale"));
} else {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort()) {
    if (args.length && !args.some((name) => file.includes(name))) continue;
    console.log(`\n# ${file}`);
    const {default: run} = await import(`./${file}`);
    await run();
  }
}
