import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {listDocuments} from "../loaders/corpus.js";

test("a folder is searched recursively for .txt, .md and .html pages, named relative to it, in order", () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  mkdirSync(join(dir, "2020", "08"), {recursive: true});
  writeFileSync(join(dir, "b.txt"), "聊城日报");
  writeFileSync(join(dir, "2020", "08", "a.html"), "<p>聊城</p>");
  writeFileSync(join(dir, "2020", "notes.md"), "# 笔记");
  writeFileSync(join(dir, "scan.pdf"), "%PDF");
  writeFileSync(join(dir, ".hidden.txt"), "x");
  assert.deepEqual(
    listDocuments([dir]).map((d) => d.doc),
    ["2020/08/a.html", "2020/notes.md", "b.txt"]
  );
});

test("a file given by name keeps its file name as doc", () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  writeFileSync(join(dir, "page.txt"), "聊城");
  assert.deepEqual(listDocuments([join(dir, "page.txt")]), [{doc: "page.txt", path: join(dir, "page.txt"), size: 6}]);
});
