import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {decodeName, listDocuments, readDocumentFile} from "../loaders/run/corpus.js";
import {extractFiles} from "../loaders/run/pool.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const seeds = join(root, "data");
const asRoot = process.getuid?.() === 0;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "corpus-"));
}

/** A name whose bytes are not UTF-8: `bad-name-\xff.txt`. */
const badName = Buffer.concat([Buffer.from("bad-name-"), Buffer.from([0xff]), Buffer.from(".txt")]);

test("a folder is searched recursively for .txt, .md and .html pages, named relative to it, in order", () => {
  const dir = tempDir();
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
  const dir = tempDir();
  writeFileSync(join(dir, "page.txt"), "聊城");
  const [file] = listDocuments([join(dir, "page.txt")]);
  assert.deepEqual([file.doc, file.path, file.size], ["page.txt", join(dir, "page.txt"), 6]);
});

test("a name that is not UTF-8 is listed as bytes, named with the bad byte escaped, and read", () => {
  const dir = tempDir();
  writeFileSync(Buffer.concat([Buffer.from(dir + "/"), badName]), "聊城日报");
  writeFileSync(join(dir, "back\\slash.txt"), "聊城");
  writeFileSync(join(dir, "good.txt"), "聊城");
  const files = listDocuments([dir]);
  assert.deepEqual(
    files.map((f) => f.doc),
    ["back\\slash.txt", "bad-name-\\xFF.txt", "good.txt"]
  );
  const bad = files[1];
  assert.ok(Buffer.isBuffer(bad.path) && bad.path.subarray(-badName.length).equals(badName));
  assert.deepEqual(readDocumentFile(bad.path), {bytes: Buffer.from("聊城日报")});
  assert.equal(decodeName(Buffer.from([0x61, 0xe8, 0x81, 0x8a, 0xe8, 0x81, 0x62])), "a聊\\xE8\\x81b");
});

test("two arguments that would give the same doc keep their own folder names; a file reached twice is listed once", () => {
  const dir = tempDir();
  for (const folder of ["a/2020", "b/2020", "c"]) mkdirSync(join(dir, folder), {recursive: true});
  writeFileSync(join(dir, "a", "2020", "x.txt"), "一");
  writeFileSync(join(dir, "b", "2020", "x.txt"), "二");
  writeFileSync(join(dir, "c", "y.txt"), "三");
  const docs = (paths: string[]) => listDocuments(paths.map((path) => join(dir, path))).map((f) => f.doc);
  assert.deepEqual(docs(["a/2020/x.txt", "b/2020/x.txt"]), ["a/2020/x.txt", "b/2020/x.txt"]);
  assert.deepEqual(docs(["a/2020", "b/2020", "c"]), ["a/2020/x.txt", "b/2020/x.txt", "y.txt"]);
  assert.deepEqual(docs(["a", "b"]), ["a/2020/x.txt", "b/2020/x.txt"]);
  assert.deepEqual(docs(["a", "a/2020/x.txt", "a"]), ["2020/x.txt"]);
  linkSync(join(dir, "c", "y.txt"), join(dir, "c", "z.txt"));
  assert.deepEqual(docs(["c"]), ["y.txt"], "a hard link is the same file");
  symlinkSync(join(dir, "c", "y.txt"), join(dir, "c", "a-link.txt"));
  assert.deepEqual(docs(["c"]), ["y.txt"], "the file itself is kept over a symlink to it, though the link comes first");
});

test("what cannot be read is a reason, never an exception", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "page.txt"), "聊城");
  mkdirSync(join(dir, "folder.txt"));
  symlinkSync("loop.txt", join(dir, "loop.txt"));
  symlinkSync("nowhere.txt", join(dir, "dangling.txt"));
  symlinkSync(dir, join(dir, "to-folder.txt"));
  symlinkSync("/dev/zero", join(dir, "zero.txt"));
  symlinkSync(join(dir, "page.txt"), join(dir, "to-page.txt"));
  spawnSync("mkfifo", [join(dir, "fifo.txt")]);
  const reason = (name: string) => {
    const read = readDocumentFile(join(dir, name));
    return "reason" in read ? read.reason : Buffer.from(read.bytes).toString();
  };
  assert.equal(reason("to-page.txt"), "聊城", "a symlink to a file is followed");
  assert.equal(reason("folder.txt"), "not a file: a folder");
  assert.equal(reason("loop.txt"), "cannot read: symlink loop (ELOOP)");
  assert.equal(reason("dangling.txt"), "cannot read: dangling symlink (ENOENT)");
  assert.equal(reason("gone.txt"), "cannot read: vanished (ENOENT)");
  assert.match(reason("to-folder.txt"), /^not a file: a symlink to a folder/);
  assert.equal(reason("zero.txt"), "not a file: a symlink to a character device");
  assert.equal(reason("fifo.txt"), "not a file: a FIFO", "and opening it does not wait for a writer");
});

test(
  "an unreadable file is a reason",
  {skip: asRoot && "running as root: chmod 000 does not stop root reading"},
  () => {
    const dir = tempDir();
    writeFileSync(join(dir, "secret.txt"), "聊城");
    chmodSync(join(dir, "secret.txt"), 0);
    assert.deepEqual(readDocumentFile(join(dir, "secret.txt")), {reason: "cannot read: permission denied (EACCES)"});
  }
);

test("a file that changes while read is read again, and rejected if it never holds still", () => {
  const dir = tempDir();
  const path = join(dir, "growing.txt");
  writeFileSync(path, "聊城");
  const once = readDocumentFile(path, {afterOpen: (attempt) => attempt === 1 && appendFileSync(path, "日报")});
  assert.deepEqual(once, {bytes: Buffer.from("聊城日报")});
  const always = readDocumentFile(path, {afterOpen: () => appendFileSync(path, "。")});
  assert.deepEqual(always, {reason: "cannot read: changed while being read (3 attempts)"});
});

test("a file that vanishes after it was listed is a rejected document", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "a.txt"), "聊城日报");
  writeFileSync(join(dir, "b.txt"), "聊城日报");
  const files = listDocuments([dir]);
  rmSync(join(dir, "a.txt"));
  const rows = [];
  for await (const {document} of extractFiles(files, {workers: 0}))
    rows.push([document.doc, document.status, document.reason]);
  assert.deepEqual(rows, [
    ["a.txt", "rejected", "cannot read: vanished (ENOENT)"],
    ["b.txt", "ok", null]
  ]);
});

test("extract: odd files beside good ones are each a documents row and a warning, and every good page lands", () => {
  const dir = tempDir();
  const data = join(dir, "papers");
  const other = join(dir, "other");
  const out = join(dir, "out");
  cpSync(seeds, data, {recursive: true});
  mkdirSync(other);
  const seed = readdirSync(seeds).find((f) => f.endsWith(".txt"))!;
  cpSync(join(seeds, seed), join(other, seed));
  appendFileSync(join(other, seed), "\n\n东城街道为贫困户发放扶贫资金3万元。\n");
  writeFileSync(Buffer.concat([Buffer.from(data + "/"), badName]), readFileSync(join(seeds, seed)));
  writeFileSync(join(data, "back\\slash.txt"), "聊城日报\n\n帮扶贫困户12户。\n");
  mkdirSync(join(data, "x.txt"));
  writeFileSync(join(data, "x.txt", "inside.txt"), "聊城日报\n\n帮扶贫困户7户。\n");
  symlinkSync("loop.txt", join(data, "loop.txt"));
  symlinkSync("nowhere.txt", join(data, "dangling.txt"));
  symlinkSync(other, join(data, "folder.txt"));
  symlinkSync("/dev/zero", join(data, "zero.txt"));
  writeFileSync(join(dir, "outside.txt"), "聊城日报\n\n帮扶贫困户5户。\n");
  symlinkSync(join(dir, "outside.txt"), join(data, "link.txt"));
  if (!asRoot) {
    writeFileSync(join(data, "secret.txt"), "聊城");
    chmodSync(join(data, "secret.txt"), 0);
  }
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "loaders", "run", "cli.ts"), data, other, "--out", out, "--quiet"],
    {
      cwd: root,
      encoding: "utf8"
    }
  );
  assert.equal(result.status, 0, result.stderr);
  const documents = JSON.parse(readFileSync(join(out, "documents.json"), "utf8"));
  const articles = JSON.parse(readFileSync(join(out, "articles.json"), "utf8"));
  const facts = JSON.parse(readFileSync(join(out, "facts.json"), "utf8"));
  const byDoc = new Map(documents.map((d: any) => [d.doc, d]));
  const rejected = {
    "papers/loop.txt": "cannot read: symlink loop (ELOOP)",
    "papers/dangling.txt": "cannot read: dangling symlink (ENOENT)",
    "papers/folder.txt": "not a file: a symlink to a folder (symlinked folders are not searched)",
    "papers/zero.txt": "not a file: a symlink to a character device",
    "papers/x.txt": "not a file: a folder",
    ...(asRoot ? {} : {"papers/secret.txt": "cannot read: permission denied (EACCES)"})
  };
  const good = [
    ...readdirSync(seeds)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `papers/${f}`),
    "papers/bad-name-\\xFF.txt",
    "papers/back\\slash.txt",
    "papers/x.txt/inside.txt",
    "papers/link.txt",
    `other/${seed}`
  ];
  assert.deepEqual(
    [...byDoc.keys()].sort(),
    [...good, ...Object.keys(rejected)].sort(),
    "every file once, named apart"
  );
  for (const [doc, reason] of Object.entries(rejected)) {
    assert.deepEqual([(byDoc.get(doc) as any).status, (byDoc.get(doc) as any).reason], ["rejected", reason], doc);
    assert.ok(result.stderr.includes(`warning: ${doc}: ${reason}\n`), `${doc} warned`);
  }
  for (const doc of good) assert.equal((byDoc.get(doc) as any).status, "ok", doc);
  const factsOf = (doc: string) => facts.filter((f: any) => f.doc === doc).map((f: any) => f.raw);
  assert.deepEqual(factsOf("papers/bad-name-\\xFF.txt"), factsOf(`papers/${seed}`));
  assert.ok(factsOf(`papers/${seed}`).length > 0);
  assert.deepEqual(factsOf(`other/${seed}`), [...factsOf(`papers/${seed}`), "3万元"]);
  assert.deepEqual(factsOf("papers/link.txt"), ["5户"]);
  assert.equal(new Set(articles.map((a: any) => a.article_id)).size, articles.length, "article ids are unique");
  assert.equal(new Set(facts.map((f: any) => f.fact_id)).size, facts.length, "fact ids are unique");
});
