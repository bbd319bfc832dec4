import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {decode, decodeEntities, htmlToText, normalise} from "../loaders/decode.js";

// Named entities the property test below uses, with what they stand for.
const ENTITY_SAMPLE: Record<string, string> = {amp: "&", nbsp: " ", ldquo: "“"};

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) [out[2 * i], out[2 * i + 1]] = [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8];
  return out;
};
const swap = (b: Uint8Array) => b.map((_, i) => b[i ^ 1]);
// 聊城扶贫 in GBK, hand-encoded: 聊 C1C4, 城 B3C7, 扶 B7F6, 贫 C6B6.
const GBK_LIAOCHENG_FUPIN = [0xc1, 0xc4, 0xb3, 0xc7, 0xb7, 0xf6, 0xc6, 0xb6];
const page = "聊城开发区持续做好孝善扶贫\n\n8月份以来,聊城开发区对全区建档立卡贫困户开展孝善扶贫。";
// Traditional characters in Big5, hand-encoded from the Big5 table as the WHATWG Encoding Standard's index-big5
// gives it (the table Node's TextDecoder("big5") decodes with; Microsoft's CP950 agrees for these): 聊 B2E1,
// 城 ABB0, 市 A5AB, 扶 A7DF, 貧 B368, 工 A475, 作 A740, 脫 B2E6, 攻 A7F0, 堅 B0ED, 年 A67E, ， A141, 。 A143.
const BIG5: Record<string, number[]> = {
  聊: [0xb2, 0xe1],
  城: [0xab, 0xb0],
  市: [0xa5, 0xab],
  扶: [0xa7, 0xdf],
  貧: [0xb3, 0x68],
  工: [0xa4, 0x75],
  作: [0xa7, 0x40],
  脫: [0xb2, 0xe6],
  攻: [0xa7, 0xf0],
  堅: [0xb0, 0xed],
  年: [0xa6, 0x7e],
  "，": [0xa1, 0x41],
  "。": [0xa1, 0x43]
};
/** What decode returns for a text page read without repairs. */
const plain = (text: string, encoding: string) => ({text, encoding, html: false, published: null, repairs: 0});
const big5 = (s: string) => Uint8Array.from([...s].flatMap((c) => BIG5[c] ?? [c.charCodeAt(0)]));

test("UTF-8 with and without a BOM", () => {
  assert.deepEqual(decode(utf8(page)), plain(page, "utf-8"));
  assert.deepEqual(decode(concat([0xef, 0xbb, 0xbf], utf8(page))), plain(page, "utf-8-bom"));
});

test("GBK and GB18030 bytes are detected and decoded", () => {
  const gbk = concat(utf8("2020: "), GBK_LIAOCHENG_FUPIN, utf8("\r\n"), GBK_LIAOCHENG_FUPIN);
  assert.deepEqual(decode(gbk), plain("2020: 聊城扶贫\n聊城扶贫", "gbk"));
  const gb18030 = concat(GBK_LIAOCHENG_FUPIN, [0x81, 0x30, 0x84, 0x36]);
  assert.deepEqual(decode(gb18030), plain("聊城扶贫¥", "gb18030"));
});

test("Big5 bytes are detected and decoded, though most of them are valid GBK too", () => {
  const text = "2020年，聊城市扶貧工作。\n脫貧攻堅";
  assert.deepEqual(decode(big5(text)), plain(text, "big5"));
  assert.deepEqual(decode(big5("扶貧")), plain("扶貧", "big5"));
  // The same bytes read as GB18030 are a string of rare characters, not an error: detection has to weigh them.
  assert.doesNotThrow(() => new TextDecoder("gb18030", {fatal: true}).decode(big5(text)));
  // And GBK bytes that Big5 would also accept stay GBK.
  assert.doesNotThrow(() => new TextDecoder("big5", {fatal: true}).decode(Uint8Array.from(GBK_LIAOCHENG_FUPIN)));
  assert.equal((decode(Uint8Array.from(GBK_LIAOCHENG_FUPIN)) as {encoding: string}).encoding, "gbk");
});

test("UTF-16 by its BOM, little- and big-endian, and without a BOM by its NULs", () => {
  const le = concat([0xff, 0xfe], utf16le(page));
  assert.deepEqual(decode(le), plain(page, "utf-16le"));
  assert.deepEqual(decode(swap(le)), plain(page, "utf-16be"));
  const ascii = "Poverty relief, 2020: 126 households.\n".repeat(5);
  assert.deepEqual(decode(utf16le(ascii)), plain(ascii, "utf-16le"));
});

test("binary, empty and undecodable files are rejected with a reason, never thrown", () => {
  let seed = 42;
  const random = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(0), /^empty file$/],
    [utf8("  \n\n \t "), /^empty page$/],
    [random, /^(binary|undecodable)/],
    [concat(utf8("%PDF-1.7\n"), random), /^binary: a PDF file/],
    [concat(utf8("abc"), [0, 0, 0, 1, 2], utf8("def")), /^binary/],
    [concat([0xff, 0xfe], [0x00, 0xd8, 0x41, 0x00]), /^undecodable: not valid utf-16le/],
    [utf8("\u0001\u0002\u0003\u0004 text"), /^binary: 4 control characters/]
  ];
  for (const [bytes, reason] of cases) {
    const result = decode(bytes);
    assert.ok("rejected" in result, `expected a rejection for ${reason}`);
    assert.match(result.rejected, reason);
  }
});

test("CRLF, lone CR, form feeds and stray control characters are normalised; full-width ASCII is kept", () => {
  assert.equal(normalise("甲\r\n乙\r丙\f丁\u0007戊\u200b己\u00a0庚\t辛"), "甲\n乙\n丙\n丁戊己 庚 辛");
  const fullWidth = "截至目前庭院小道铺设１２６户，院墙改造２２户";
  assert.equal((decode(utf8(fullWidth)) as {text: string}).text, fullWidth);
});

test("an HTML page becomes its text: scripts, styles and comments gone, blocks on their own lines, entities decoded", () => {
  const html = `<!DOCTYPE html><html><head><title>聊城日报</title><style>p{color:red}</style>
<script>var x = "<p>不是正文</p>";</script></head><body>
<h1>聊城开发区持续做好孝善扶贫</h1><!-- 广告 -->
<p>8月份以来,聊城开发区&ldquo;孝善扶贫&rdquo;按照每月100元&amp;200元的标准,
由区乡财政给予10%的孝心奖补&#12290;</p><p>完成了570人<b>83.66万元</b>收缴。</p></body></html>`;
  const result = decode(utf8(html));
  assert.ok(!("rejected" in result));
  assert.equal(result.html, true);
  assert.deepEqual(
    result.text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => l.trim()),
    [
      "聊城开发区持续做好孝善扶贫",
      "8月份以来,聊城开发区“孝善扶贫”按照每月100元&200元的标准,由区乡财政给予10%的孝心奖补。",
      "完成了570人83.66万元收缴。"
    ]
  );
  assert.deepEqual(decode(utf8("<html><script>alert(1)</script></html>")), {
    rejected: "HTML page with no text",
    encoding: "utf-8"
  });
  assert.equal(decodeEntities("&nbsp;&lt;&#x41;&#66;&unknown;"), " <AB&unknown;");
});

test("markup leaves nothing behind: </ p>, <!-->, a stray quote in a tag, nested Markdown quotes, XHTML", () => {
  // An end tag that does not start with a letter is a bogus comment to browsers: gone, not "</ p>" in the text.
  assert.equal(htmlToText("<p>产业项目</ p>12个</p>"), "\n产业项目12个\n");
  // <!--> is a whole empty comment, not the start of one that swallows the page.
  assert.equal(htmlToText("<!-->投入资金50万元<!--->,<!-- 广告 -->帮扶126户"), "投入资金50万元,帮扶126户");
  // A quote opens an attribute value only after =: an unbalanced one does not hide the rest of the page.
  assert.equal(htmlToText(`<p data-x=a"b>资金</p><a title='It"s' href = "a>b">链接</a>`), "\n资金\n链接");
  // > and < written as text stay text, as browsers show them.
  assert.equal(htmlToText("<li>首页 &gt; 新闻</li>1<2"), "\n首页 > 新闻\n1<2");
  const markdown = decode(utf8("> > 引文:投入资金50万元\n> ## 小标题\n正文"), {format: "markdown"});
  assert.deepEqual(markdown, plain("引文:投入资金50万元\n小标题\n正文", "utf-8"));
  const prolog = `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n`;
  const head = "<meta name='k' content='v'/>".repeat(100);
  const xhtml = `${prolog}<html><head>${head}</head><body><p>投入资金50万元</p></body></html>`;
  const page = decode(utf8(xhtml));
  assert.ok("text" in page && page.html);
  assert.deepEqual(
    page.text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    ["投入资金50万元"]
  );
});

test("HTML stripping is linear on pathological input", () => {
  const t0 = performance.now();
  htmlToText("<".repeat(2_000_000));
  htmlToText("<p a='".repeat(200_000));
  htmlToText("<script>".repeat(200_000));
  assert.ok(performance.now() - t0 < 30_000, `${performance.now() - t0} ms`);
});

const seed000 = readFileSync(new URL("../data/000_75a53e5b155eac84.txt", import.meta.url), "utf8");
const decoded = (bytes: Uint8Array) => {
  const result = decode(bytes);
  assert.ok(!("rejected" in result), "rejected" in result ? result.rejected : "");
  return result;
};

test("seed 000 as UTF-16 without a BOM, little- and big-endian, is found by where its NULs fall", () => {
  const le = utf16le(seed000);
  // One character in ten is ASCII: too few NULs for a count, but every one of them sits at an odd offset.
  assert.deepEqual(decoded(le), plain(seed000, "utf-16le"));
  assert.equal(decoded(swap(le)).encoding, "utf-16be");
  assert.equal(decoded(swap(le)).text, seed000);
});

test("one bad byte in a UTF-8 page is replaced, the page kept and the repair counted", () => {
  const bytes = utf8(seed000);
  const at = bytes.indexOf(0xe5, 6000);
  bytes[at] = 0xff;
  const result = decoded(bytes);
  assert.equal(result.encoding, "utf-8");
  assert.equal(result.repairs, 1);
  // The broken character's three bytes are each replaced, as TextDecoder does; the rest of the page is intact.
  assert.equal(result.text.replace(/\ufffd+/, "\ufffd").length, seed000.length);
  assert.equal(result.text.slice(0, 2000), seed000.slice(0, 2000));
  assert.ok(result.text.includes("阳谷县张秋镇李堤口建造农家书屋丰富文化生活"));
});

test("a UTF-8 page with one paragraph in GBK keeps both, the GBK paragraph re-decoded", () => {
  const bytes = concat(utf8("聊城开发区持续做好孝善扶贫\n\n"), GBK_LIAOCHENG_FUPIN, utf8("2020\n\n" + page));
  const result = decoded(bytes);
  assert.equal(result.encoding, "utf-8");
  assert.equal(result.text, "聊城开发区持续做好孝善扶贫\n\n聊城扶贫2020\n\n" + page);
  assert.equal(result.repairs, 1);
});

test("a GBK page with a bad byte keeps its text; a page of many bad sequences is still rejected", () => {
  const line = concat(GBK_LIAOCHENG_FUPIN, utf8(",2020.\n"), GBK_LIAOCHENG_FUPIN, GBK_LIAOCHENG_FUPIN);
  const lines = Array.from({length: 20}, () => line);
  const result = decoded(concat(...lines.slice(0, 10), [0xff], ...lines.slice(10)));
  assert.equal(result.encoding, "gbk");
  assert.equal(result.repairs, 1);
  assert.ok(result.text.startsWith("聊城扶贫,2020.\n聊城扶贫聊城扶贫"));
  assert.ok(result.text.endsWith("聊城扶贫,2020.\n聊城扶贫聊城扶贫"));
  const junk = Uint8Array.from({length: 400}, (_, i) => (i % 3 ? 0xff : 0xc1));
  assert.ok("rejected" in decode(junk));
});

test("an HTML page's publication date from its metadata, most trusted name first, else <time datetime>", () => {
  const html = (head: string, body = "<p>聊城扶贫车间开工。</p>") =>
    decode(utf8(`<html><head>${head}</head><body>${body}</body></html>`)) as {published: string | null};
  assert.equal(html('<meta name="publishdate" content="2020-05-29">').published, "2020-05-29");
  assert.equal(
    html('<meta name="date" content="2019-01-01"><meta property="article:published_time" content="2020-05-29T09:30">')
      .published,
    "2020-05-29"
  );
  assert.equal(html("", '<p>正文。</p><time datetime="2020/5/29">五月</time>').published, "2020-05-29");
  assert.equal(html('<meta name="keywords" content="2020-05-29">').published, null);
  assert.equal(html('<meta name="pubdate" content="2020-13-40">').published, null, "no such date");
  assert.equal((decode(utf8("2020-05-29 聊城扶贫")) as {published: string | null}).published, null, "not HTML");
});

test("entities read by hand agree with the plain pattern on seeded random text; &constructor; is not an entity", () => {
  const reference = (x: string) =>
    x.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (all, body: string) => {
      if (body[0] === "#") {
        const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
        return code === 0xa0 ? " " : String.fromCodePoint(code);
      }
      return Object.hasOwn(ENTITY_SAMPLE, body) ? decodeEntities(`&${body};`) : all;
    });
  const pieces = [
    "&",
    "#",
    "x",
    "X",
    "2",
    "0",
    "1",
    "08",
    "4e24",
    "f",
    ";",
    "amp",
    "nbsp",
    "ldquo",
    "zz",
    "扶贫",
    " ",
    "a1"
  ];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8;
  for (let n = 0; n < 2000; n++) {
    let x = "";
    for (let k = next() % 12; k >= 0; k--) x += pieces[next() % pieces.length];
    assert.equal(decodeEntities(x), reference(x), JSON.stringify(x));
  }
  assert.equal(decodeEntities("&constructor;&toString;"), "&constructor;&toString;");
  assert.equal(decodeEntities("&#128512;&#x1F600"), "😀😀");
  const flood = "&#20108;".repeat(100_000);
  assert.equal(decodeEntities(flood), "二".repeat(100_000));
});

test("a UTF-8 page cut inside its last character is read, the partial character replaced and counted", () => {
  for (const page of ["第3版", "聊城", "2019年扶贫资金3000万元到位"]) {
    const bytes = new TextEncoder().encode(page);
    for (const cut of [1, 2]) {
      const result = decode(bytes.subarray(0, bytes.length - cut));
      assert.ok(!("rejected" in result), `${page} less ${cut} bytes`);
      assert.deepEqual([result.text, result.encoding, result.repairs], [page.slice(0, -1) + "\uFFFD", "utf-8", 1]);
    }
  }
  // A page with a GBK paragraph and a cut end: both repaired.
  const mixed = concat(
    new TextEncoder().encode("聊城扶贫工作\n"),
    GBK_LIAOCHENG_FUPIN,
    new TextEncoder().encode("\n扶贫攻坚")
  );
  const result = decode(mixed.subarray(0, mixed.length - 1));
  assert.ok(!("rejected" in result));
  assert.equal(result.text, "聊城扶贫工作\n聊城扶贫\n扶贫攻\uFFFD");
  assert.equal(result.repairs, 2);
});
