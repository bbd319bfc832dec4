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
  assert.deepEqual(
    offenders.map((file) => relative(dist, file)),
    []
  );
});

test("every built page carries the page chrome: language, icon, search box and source line", () => {
  const built = [...files(dist)].filter((file) => file.endsWith(".html") && !relative(dist, file).startsWith("_"));
  assert.ok(built.length >= 10, "the pages are built");
  for (const file of built) {
    const page = relative(dist, file);
    const html = readFileSync(file, "utf8");
    const root = "../".repeat(page.split("/").length - 1) || "./";
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/, `${page}: the language`);
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    assert.equal(icon, `${root}favicon.svg`, `${page}: the icon`);
    assert.ok(statSync(join(dist, page, "..", icon)).isFile(), `${page}: the icon is there`);
    assert.equal(html.split('<form class="fulltext-search"').length, 2, `${page}: one search box`);
    assert.ok(html.includes(`<header id="observablehq-header">\n<form class="fulltext-search" action="${root}search"`));
    assert.match(html, /<footer id="observablehq-footer">(\n<nav>.*<\/nav>)?\n<div>Source: local newspaper pages/);
  }
});

test("the data pages name only the aggregates; the detail rows are one DuckDB database, with no CSV copies", () => {
  const built = [...files(dist)].map((file) => relative(dist, file));
  assert.ok(
    built.some((file) => /^_file\/data\/corpus\.[0-9a-f]+\.duckdb$/.test(file)),
    "the database is built"
  );
  assert.deepEqual(
    built.filter((file) => /^_file\/data\/sql\//.test(file) || /\.csv$/.test(file)),
    []
  );
  const dataPages = [
    "index.html",
    "funds.html",
    "households.html",
    "coverage.html",
    "methods.html",
    "county/371522.html",
    "town/371522114.html"
  ];
  for (const page of dataPages) {
    const html = readFileSync(join(dist, page), "utf8");
    assert.doesNotMatch(
      html,
      /data\/(facts|articles|places|documents)\.[0-9a-f]+\.json/,
      `${page} loads no whole table`
    );
    assert.match(html, /data\/cubes\/facts\.arrow\.[0-9a-f]+\.gz/, `${page} loads the fact aggregate`);
  }
});
