import {test} from "node:test";
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {articleId, readDocument} from "../loaders/document.js";

const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(`../data/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

// Per seed: the document row's masthead, issue date and year, then each article's [date, date_inferred].
const SEEDS: Record<string, {masthead: string | null; issue: string | null; year: number; dates: [string, boolean][]}> =
  {
    "000_75a53e5b155eac84.txt": {
      masthead: null,
      issue: null,
      year: 2020, // 收官之年
      dates: [
        ["2020-08-31", true],
        ["2020", true],
        ["2020-08-23", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020-08", true],
        ["2020-08", true],
        ["2020", true],
        ["2020", true],
        ["2020-07-30", true],
        ["2020-08-26", true],
        ["2020-08-25", true],
        ["2020", false]
      ]
    },
    "001_fc0604a895fcbabd.txt": {
      masthead: null,
      issue: null,
      year: 2020, // 2016-2020年
      dates: [
        ["2020", true],
        ["2020-06", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020", true],
        ["2020", true]
      ]
    },
    "002_72051a4ed1e9c469.txt": {
      masthead: null,
      issue: null,
      year: 2018,
      dates: [
        ["2018-03-15", true],
        ["2018-03-15", true],
        ["2018", false],
        ["2018", true],
        ["2018", true],
        ["2018", true],
        ["2018", true],
        ["2018", true],
        ["2018", true]
      ]
    },
    "003_a86968a7765ce166.txt": {
      masthead: "今日开发区",
      issue: "2020-01-16",
      year: 2020,
      dates: [
        ["2020", true],
        ["2020-01-10", true],
        ["2020-01-14", true],
        ["2020-01-10", true],
        ["2020-01-03", true],
        ["2020-01", true]
      ]
    },
    "004_5f9f883e554d2686.txt": {
      masthead: null,
      issue: null,
      year: 2022, // 党的二十大
      dates: [
        ["2022-11-18", true],
        ["2022-11-18", true],
        ["2022-11-17", true],
        ["2022", true],
        ["2022-11-18", true]
      ]
    }
  };

for (const [name, expected] of Object.entries(SEEDS)) {
  test(`${name}: document row and article dates`, () => {
    const bytes = bytesOf(name);
    const {document, articles} = readDocument(name, bytes);
    assert.deepEqual(document, {
      doc: name,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      encoding: "utf-8",
      chars: document.chars,
      status: "ok",
      reason: null,
      masthead: expected.masthead,
      issue_date: expected.issue,
      year: expected.year,
      date_source: expected.issue ? "printed" : "inferred",
      decode_repairs: 0
    });
    assert.ok(document.chars > 3000);
    assert.deepEqual(
      articles.map((a) => [a.date, a.date_inferred]),
      expected.dates
    );
    assert.deepEqual(
      articles.map((a) => a.seq),
      articles.map((_, i) => i + 1)
    );
    for (const a of articles) {
      assert.equal(a.article_id, articleId(name, a.seq));
      assert.deepEqual([a.place_code, a.place_name, a.topic, a.is_poverty_relief], [null, null, "other", false]);
      assert.ok(a.text.length > 0);
    }
  });
}

test("each article's source line as printed, for the seeds that print one", () => {
  const sources = (name: string) =>
    readDocument(name, bytesOf(name))
      .articles.map((a) => [a.seq, a.source])
      .filter(([, source]) => source !== null);
  assert.deepEqual(sources("000_75a53e5b155eac84.txt"), []);
  assert.deepEqual(sources("001_fc0604a895fcbabd.txt"), []);
  assert.deepEqual(sources("002_72051a4ed1e9c469.txt"), [
    [1, "本报聊城3月15日讯"],
    [2, "本报聊城3月15日讯"]
  ]);
  assert.deepEqual(sources("003_a86968a7765ce166.txt"), [
    [2, "开发区讯"],
    [3, "开发区讯"],
    [4, "开发区讯"],
    [6, "开发区讯"]
  ]);
  assert.deepEqual(sources("004_5f9f883e554d2686.txt"), [
    [1, "东昌府讯"],
    [2, "东昌府讯"]
  ]);
  const [report] = readDocument("x.txt", utf8("帮扶车间开工\n\n本报讯 近日,帮扶车间开工。")).articles;
  assert.deepEqual([report.source, report.dateline, report.text], ["本报讯", "近日", "近日,帮扶车间开工。"]);
});

test("article ids are stable, 16 hex digits, and unique across documents", () => {
  assert.equal(articleId("000_75a53e5b155eac84.txt", 1), articleId("000_75a53e5b155eac84.txt", 1));
  assert.match(articleId("a.txt", 1), /^[0-9a-f]{16}$/);
  const ids = Object.keys(SEEDS).flatMap((name) => readDocument(name, bytesOf(name)).articles.map((a) => a.article_id));
  assert.equal(new Set(ids).size, ids.length);
});

test("a GBK page and a UTF-16 page read like the UTF-8 original", () => {
  // 聊城扶贫 in GBK: C1C4 B3C7 B7F6 C6B6; 。 is A1A3. A title over a one-sentence body.
  const fupin = [0xc1, 0xc4, 0xb3, 0xc7, 0xb7, 0xf6, 0xc6, 0xb6];
  const gbk = Uint8Array.from([...fupin, 0x0d, 0x0a, 0x0d, 0x0a, ...utf8("2020: "), ...fupin, 0xa1, 0xa3]);
  const read = readDocument("gbk.txt", gbk);
  assert.equal(read.document.encoding, "gbk");
  assert.deepEqual(
    read.articles.map((a) => [a.title, a.text]),
    [["聊城扶贫", "2020: 聊城扶贫。"]]
  );
  const text = new TextDecoder().decode(bytesOf("000_75a53e5b155eac84.txt"));
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
  const original = readDocument("x.txt", bytesOf("000_75a53e5b155eac84.txt"));
  const wide = readDocument("x.txt", utf16);
  assert.equal(wide.document.encoding, "utf-16le");
  assert.deepEqual(wide.articles, original.articles);
});

test("a Big5 page is read, its encoding reported as big5", () => {
  // 扶貧工作 / 聊城市扶貧工作。 in Big5 (扶 A7DF, 貧 B368, 工 A475, 作 A740, 聊 B2E1, 城 ABB0, 市 A5AB, 。 A143).
  const title = [0xa7, 0xdf, 0xb3, 0x68, 0xa4, 0x75, 0xa7, 0x40];
  const body = [0xb2, 0xe1, 0xab, 0xb0, 0xa5, 0xab, ...title, 0xa1, 0x43];
  const read = readDocument("big5.txt", Uint8Array.from([...title, 0x0a, 0x0a, ...body]));
  assert.equal(read.document.encoding, "big5");
  assert.deepEqual(
    read.articles.map((a) => [a.title, a.text]),
    [["扶貧工作", "聊城市扶貧工作。"]]
  );
});

test("bad inputs are rejected documents with a reason, and never throw", () => {
  let seed = 7;
  const random = new Uint8Array(100_000).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
  for (const [name, bytes, reason] of [
    ["empty.txt", new Uint8Array(0), /^empty file$/],
    ["blank.txt", utf8("\n\n   \n"), /^empty page$/],
    ["random.txt", random, /^(binary|undecodable)/],
    [
      "scripts.html",
      utf8("<html><head><script>var a=1</script></head><body></body></html>"),
      /^HTML page with no text$/
    ]
  ] as const) {
    const {document, articles} = readDocument(name, bytes);
    assert.equal(document.status, "rejected", name);
    assert.match(document.reason ?? "", reason, name);
    assert.equal(document.sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.deepEqual(articles, []);
  }
});

test("an HTML page is read for its text", () => {
  const html = `<html><head><style>h1{}</style><script>document.write("x")</script></head><body>
<h1>聊城开发区持续做好孝善扶贫</h1><p>8月份以来,聊城开发区对年满60周岁的老年人开展孝善扶贫&hellip;&hellip;</p>
<p>(郝磊)</p></body></html>`;
  const {document, articles} = readDocument("2020/page.html", utf8(html));
  assert.equal(document.status, "ok");
  assert.deepEqual(
    articles.map((a) => [a.title, a.byline, a.dateline, a.text]),
    [["聊城开发区持续做好孝善扶贫", "郝磊", "8月份以来", "8月份以来,聊城开发区对年满60周岁的老年人开展孝善扶贫……"]]
  );
});

test("a 50 MB page finishes in seconds", () => {
  const text = Object.keys(SEEDS)
    .map((name) => new TextDecoder().decode(bytesOf(name)))
    .join("\n\n");
  const big = new TextEncoder().encode(text.repeat(Math.ceil(50e6 / Buffer.byteLength(text))));
  const t0 = performance.now();
  const {document, articles} = readDocument("big.txt", big);
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(document.status, "ok");
  assert.ok(articles.length > 30_000);
  // A hang guard: the 2-core machine is shared, so the bound is far above the ~3 s this takes alone.
  assert.ok(seconds < 90, `${seconds} s`);
  const flat = new TextEncoder().encode("脱贫攻坚".repeat(4_000_000));
  const t1 = performance.now();
  assert.equal(readDocument("flat.txt", flat).articles.length, 1);
  assert.ok(performance.now() - t1 < 90_000);
});

test("a page with a bad byte or a GBK paragraph is kept, the repairs counted in documents.decode_repairs", () => {
  const original = readDocument("x.txt", bytesOf("000_75a53e5b155eac84.txt"));
  const flipped = bytesOf("000_75a53e5b155eac84.txt").slice();
  flipped[flipped.indexOf(0xe5, 9000)] = 0xff;
  const read = readDocument("x.txt", flipped);
  assert.deepEqual([read.document.status, read.document.encoding, read.document.decode_repairs], ["ok", "utf-8", 1]);
  assert.deepEqual(
    read.articles.map((a) => a.title),
    original.articles.map((a) => a.title)
  );
  // A paragraph pasted in GBK: its own line, so its bytes are a run of their own between ASCII line breaks.
  const gbk = Uint8Array.from([0x0a, 0xc1, 0xc4, 0xb3, 0xc7, 0xb7, 0xf6, 0xc6, 0xb6, 0x0a]);
  const mixed = new Uint8Array([...bytesOf("000_75a53e5b155eac84.txt"), ...gbk]);
  const kept = readDocument("x.txt", mixed);
  assert.deepEqual([kept.document.status, kept.document.decode_repairs], ["ok", 1]);
  assert.ok(kept.articles.some((a) => a.title === "聊城扶贫" || a.text.endsWith("聊城扶贫")));
});

test("seed 000 as UTF-16 without a BOM reads like the original", () => {
  const text = new TextDecoder().decode(bytesOf("000_75a53e5b155eac84.txt"));
  const le = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++)
    [le[2 * i], le[2 * i + 1]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
  const be = le.map((_, i) => le[i ^ 1]);
  const original = readDocument("x.txt", bytesOf("000_75a53e5b155eac84.txt")).articles.map((a) => a.text);
  for (const [bytes, encoding] of [
    [le, "utf-16le"],
    [be, "utf-16be"]
  ] as const) {
    const {document, articles} = readDocument("x.txt", bytes);
    assert.deepEqual([document.status, document.encoding], ["ok", encoding]);
    assert.deepEqual(
      articles.map((a) => a.text),
      original
    );
  }
});

test("the page's date from its path or its HTML metadata, with date_source; an undated page stays undated", () => {
  const page = utf8("扶贫车间开工\n\n3月11日，莘县扶贫车间复工。合作社是2016年4月成立的。");
  const byPath = readDocument("archive/2020-05-29/a.txt", page);
  assert.deepEqual([byPath.document.issue_date, byPath.document.date_source], ["2020-05-29", "path"]);
  assert.deepEqual([byPath.articles[0].date, byPath.articles[0].date_source], ["2020-03-11", "path"]);
  const undated = readDocument("a.txt", page);
  assert.deepEqual(
    [undated.document.year, undated.articles[0].date, undated.articles[0].date_source],
    [null, null, null]
  );
  const html = utf8(
    '<html><head><meta name="publishdate" content="2020-05-29"></head><body><h1>扶贫车间开工</h1>' +
      "<p>3月11日，莘县扶贫车间复工。</p></body></html>"
  );
  const byMeta = readDocument("2019/01/01/a.html", html);
  assert.deepEqual([byMeta.document.issue_date, byMeta.document.date_source], ["2020-05-29", "meta"]);
  assert.equal(byMeta.articles[0].date, "2020-03-11");
});
