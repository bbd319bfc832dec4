// A Chromium CPU profile of one page load until its first chart, summarised by self time per function (and by
// script), to see what delays the chart: `npx tsx bench/site-profile.ts DIST /path [selector]`.
import {writeFileSync} from "node:fs";
import {launch} from "../scripts/chromium.js";
import {serve} from "../scripts/serve.js";

const [dist, path = "/", selector = "#funds-by-county svg g[aria-label='bar'] rect", out] = process.argv.slice(2);
const server = await serve(dist, {gzip: true});
const browser = await launch();
try {
  const context = await browser.newContext({locale: "zh-CN"});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", {interval: 200});
  await cdp.send("Profiler.start");
  await page.goto(server.origin + path);
  await page.waitForSelector(selector, {state: "attached", timeout: 60_000});
  const chart = await page.evaluate(() => performance.now());
  const {profile} = await cdp.send("Profiler.stop");
  if (out) writeFileSync(out, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, ms] of self) {
    const {callFrame: f} = byId.get(id)!;
    const script = f.url.replace(server.origin, "").replace(/\.[0-9a-f]{8}\.js$/, ".js") || "(native)";
    const name = `${f.functionName || "(anonymous)"} ${script}:${f.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join("\n");
  console.log(`first chart at ${chart.toFixed(0)} ms`);
  console.log(`-- by script\n${top(byScript, 20)}\n-- by function\n${top(byFunction, 40)}`);
} finally {
  await browser.close();
  await server.close();
}
