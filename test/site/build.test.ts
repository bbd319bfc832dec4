import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {buildSite, dist} from "../support/site.js";

const remoteHosts = /cdn\.jsdelivr\.net|extensions\.duckdb\.org|fonts\.googleapis\.com|unpkg\.com/;
const pages = ["index.html", "methods.html", "funds.html", "households.html"];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test("the site builds with no network and names no remote host", () => {
  const {stdout, stderr} = buildSite();
  assert.doesNotMatch(stdout + stderr, /offline: blocked connection/, "the build tried to reach the network");
  for (const page of pages) assert.ok(statSync(join(dist, page)).isFile(), `${page} was built`);
  const offenders = [...files(dist)].filter((file) => remoteHosts.test(readFileSync(file).toString("latin1")));
  assert.deepEqual(offenders.map((file) => relative(dist, file)), []);
});
