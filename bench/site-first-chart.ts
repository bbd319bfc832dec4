// First chart of the six aggregate pages (overview, funds, households, coverage, a county, a town), for before/after:
// each built site given is served gzipped, and each page is loaded N times in a new browser context, the sites taking
// turns load by load so that a busy moment of a shared machine falls on all of them alike. Prints per page and site
// the median time to the first chart, the median main-thread task time until then, and the bytes received.
//
//   npx tsx bench/site-first-chart.ts --runs 7 --county 3715Z1 --town 371521112 /tmp/before/dist /tmp/after/dist
import {cpus, loadavg} from "node:os";
import {parseArgs} from "node:util";
import {launch} from "../scripts/chromium.js";
import {serve} from "../scripts/serve.js";
import {pageKinds, type Sample} from "../test/support/site-pages.js";
import {measureLoad} from "./site-load.js";

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    runs: {type: "string", default: "5"},
    county: {type: "string", default: "3715Z1"},
    town: {type: "string", default: "371521112"},
    pages: {type: "string", default: "overview,funds,households,coverage,county,town"}
  }
});
if (!positionals.length) throw new Error("give one or more built sites (dist/ directories)");
const runs = Number(values.runs);
const sample: Sample = {county: values.county!, town: values.town!, article: "", query: ""};
const names = values.pages!.split(",");
const kinds = pageKinds.filter((k) => names.includes(k.name));

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const servers = await Promise.all(positionals.map((dist) => serve(dist, {gzip: true})));
const browser = await launch();
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} on ${cpus().length} cores; ${runs} loads each`
);
try {
  const figures = new Map<string, {ms: number[]; task: number[]; bytes: number[]}>();
  for (const kind of kinds) {
    for (let run = 0; run < runs; run++) {
      for (const [i, server] of servers.entries()) {
        const context = await browser.newContext({locale: "zh-CN"});
        try {
          const load = await measureLoad(context, server.origin + kind.path(sample), kind.ready, {timeout: 60_000});
          const key = `${kind.name}\t${i}`;
          if (!figures.has(key)) figures.set(key, {ms: [], task: [], bytes: []});
          const f = figures.get(key)!;
          f.ms.push(load.chart);
          f.task.push(load.taskMs);
          f.bytes.push(load.responses.reduce((sum, r) => sum + r.bytes, 0));
        } catch (error) {
          console.log(`${kind.name} on ${positionals[i]}: ${String(error).split("\n")[0]}`);
        } finally {
          await context.close();
        }
      }
    }
    for (const [i, dist] of positionals.entries()) {
      const f = figures.get(`${kind.name}\t${i}`);
      if (!f) continue;
      const range = `${Math.min(...f.ms).toFixed(0)}–${Math.max(...f.ms).toFixed(0)}`;
      console.log(
        [
          kind.name.padEnd(11),
          `chart ${median(f.ms).toFixed(0).padStart(5)} ms [${range}]`.padEnd(28),
          `main thread ${median(f.task).toFixed(0).padStart(5)} ms`,
          `${(median(f.bytes) / 1e6).toFixed(2)} MB`,
          dist
        ].join("  ")
      );
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
