// The article store and the search index as files: built from a few rows, read back over HTTP the way the pages read
// them — by ranges from a server that honours Range, and whole from one that ignores it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {createServer} from "node:http";
import {createWriteStream, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {AddressInfo} from "node:net";
import {serve} from "../scripts/serve.js";
import {articleById, articleByOrdinal} from "../src/components/articleStore.js";
import {parseQuery} from "../src/components/cjkSearch.js";
import {search} from "../src/components/searchIndex.js";
import {articleOrder, writeArticleStore} from "../src/data/articleStore.js";
import {writeSearchIndex} from "../src/data/searchIndex.js";
import type {ArticleRow, FactRow} from "../loaders/types.js";

function article(id: string, date: string | null, title: string, text: string): ArticleRow {
  return {article_id: id, doc: "a.txt", seq: Number.parseInt(id, 16), title, subtitle: null, date, text} as ArticleRow;
}

const articles = [
  article("a1", "2019-05", "村里建起扶贫车间", "贫困户增收有了门路,扶贫车间吸纳30名群众就业。"),
  article("a2", "2020-08-31", "孝善基金", "设立孝善基金专户,贫困户户增收入。ＧＤＰ增长"),
  article("a3", null, "无关报道", "今年粮食丰收,扶贫工作车间整洁。"),
  article("a4", "2020", "户增收入", "一户庭院。扶贫车间扶贫车间。")
];
const facts = [{fact_id: "f1", article_id: "a1", raw: "30名", start: 17, end: 20} as FactRow];

async function build() {
  const dir = mkdtempSync(join(tmpdir(), "store-test-"));
  const order = articleOrder(articles);
  const store = createWriteStream(join(dir, "articles.bin"));
  await writeArticleStore(articles, facts, order, store);
  await new Promise((resolve) => store.end(resolve));
  const index = createWriteStream(join(dir, "search.bin"));
  await writeSearchIndex(articles, order, index);
  await new Promise((resolve) => index.end(resolve));
  return dir;
}

/** A server that answers every request with the whole file and 200, as some static servers do. */
async function serveWhole(dir: string) {
  const server = createServer((request, response) => response.end(readFileSync(join(dir, request.url!.slice(1)))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {origin, close: () => new Promise<void>((resolve) => server.close(() => resolve()))};
}

test("articles are newest first, undated last", () => {
  assert.deepEqual(
    articleOrder(articles).map((i) => articles[i].article_id),
    ["a2", "a4", "a1", "a3"]
  );
});

test("a query is cut into the tokens the index holds", () => {
  const [term] = parseQuery("扶贫车间");
  assert.equal(term.tokens.length, 3);
  assert.equal(term.exact, false);
  assert.deepEqual(
    parseQuery("户增 贫").map((t) => t.exact),
    [true, true]
  );
  assert.equal(parseQuery("ＧＤＰ")[0].term, "gdp");
  assert.deepEqual(parseQuery(" ,。 "), []);
});

for (const [name, start] of [
  ["by range requests", (dir: string) => serve(`${dir}/`)],
  ["from a server that ignores Range", serveWhole]
] as const) {
  test(`the store and the index read ${name}`, async () => {
    const dir = await build();
    const server = await start(dir);
    try {
      const storeUrl = `${server.origin}/articles.bin`;
      const indexUrl = `${server.origin}/search.bin`;
      const a1 = await articleById(storeUrl, "a1");
      assert.equal(a1?.article.title, "村里建起扶贫车间");
      assert.deepEqual(
        a1?.facts.map((f) => f.fact_id),
        ["f1"]
      );
      assert.equal(await articleById(storeUrl, "zz"), null);
      assert.equal(await articleById(storeUrl, ""), null);
      assert.equal((await articleByOrdinal(storeUrl, 0)).article.article_id, "a2");
      const ids = async (q: string) => {
        const results = await (await search(q, {indexUrl, storeUrl})).more(10);
        return results.map((r: any) => r.article.article_id);
      };
      // Title hits first, then hits, then the newest; a3 has 扶贫 and 车间 apart, so it is a candidate, not a result.
      assert.deepEqual(await ids("扶贫车间"), ["a1", "a4"]);
      assert.deepEqual(await ids("户增"), ["a4", "a2", "a1"]);
      assert.deepEqual(await ids("gdp"), ["a2"]);
      assert.deepEqual(await ids("30"), ["a1"]);
      assert.deepEqual(await ids("贫困户 孝善"), ["a2"]);
      assert.deepEqual(await ids("火星"), []);
    } finally {
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    }
  });
}
