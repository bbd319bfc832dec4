import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import * as arrow from "apache-arrow";
import * as parquet from "parquet-wasm";
import {strFromU8, unzipSync} from "fflate";
import {DuckDBInstance} from "@duckdb/node-api";
import * as files from "../src/components/tableFiles.js";
import * as format from "../src/components/format.js";

const facts = [
  {doc: "聊城日报-2020-08-31.txt", subject: "庭院小道铺设", value: 126, unit: "户", approx: false, county: "开发区"},
  {doc: "东昌府区.txt", subject: "=SUM(A1:A9)", value: -3, unit: "万元", approx: true, county: null},
  {doc: "a,b.txt", subject: '说"孝善基金"', value: 369000.5, unit: "元", approx: null, county: "茌平区"},
  {doc: "x.txt", subject: "-2+3+cmd|' /C calc'!A0", value: null, unit: "+1", approx: false, county: "@莘县"}
];

test("CSV starts with a UTF-8 BOM, quotes what needs quoting and uses CRLF", () => {
  const csv = files.csvText(facts);
  assert.ok(csv.startsWith("\ufeffdoc,subject,value,unit,approx,county\r\n"));
  assert.match(csv, /\r\n"a,b\.txt","说""孝善基金""",369000\.5,元,,茌平区\r\n/);
  assert.match(csv, /^聊城日报-2020-08-31\.txt,庭院小道铺设,126,户,false,开发区$/m);
  assert.ok(
    Buffer.from(csv, "utf8")
      .subarray(0, 3)
      .equals(Buffer.from([0xef, 0xbb, 0xbf]))
  );
});

test("CSV neutralises text cells that a spreadsheet would run as formulas, but not numbers", () => {
  const csv = files.csvText(facts);
  assert.match(csv, /^东昌府区\.txt,'=SUM\(A1:A9\),-3,万元,true,$/m, "a negative number stays a number");
  assert.match(csv, /^x\.txt,'-2\+3\+cmd\|' \/C calc'!A0,,'\+1,false,'@莘县$/m);
  assert.equal(files.csvCell("\tx"), "'\tx");
  assert.equal(files.csvCell("-3"), "'-3", "a string that looks like a negative number is still text");
  assert.equal(files.csvCell(-3), "-3");
  assert.equal(files.csvCell("a\nb"), '"a\nb"');
});

test("CSV keeps the columns asked for, in that order", () => {
  assert.equal(
    files.csvText(facts.slice(0, 1), {columns: ["county", "value"]}),
    "\ufeffcounty,value\r\n开发区,126\r\n"
  );
});

test("XLSX is a zip with the parts Excel needs and a sheet holding the Chinese text", () => {
  const bytes: Uint8Array = files.xlsxBytes(facts, {sheet: "facts: 事实/2020"});
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const parts = unzipSync(bytes);
  for (const part of ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]) {
    assert.ok(parts[part], `${part} is in the zip`);
  }
  assert.match(strFromU8(parts["xl/workbook.xml"]), /<sheet name="facts  事实 2020"/);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  assert.match(sheet, /<c r="B2" t="inlineStr"><is><t xml:space="preserve">庭院小道铺设<\/t><\/is><\/c>/);
  assert.match(sheet, /<c r="C2"><v>126<\/v><\/c>/);
  assert.match(sheet, /<c r="E3" t="b"><v>1<\/v><\/c>/);
  assert.match(sheet, /说&quot;孝善基金&quot;/);
  assert.doesNotMatch(sheet, /<c r="F3"/, "a null cell is left out");
});

test("XLSX drops characters XML forbids and cuts cells at Excel's limit", () => {
  const sheet = files.sheetXml([{text: "a\u0000b\u001fc\ud800d<e>&", long: "字".repeat(40000)}]);
  assert.match(sheet, /abcd&lt;e&gt;&amp;/);
  assert.ok(
    sheet.includes("字".repeat(files.excelCellLimit)) && !sheet.includes("字".repeat(files.excelCellLimit + 1))
  );
  assert.equal(files.columnLetter(0), "A");
  assert.equal(files.columnLetter(25), "Z");
  assert.equal(files.columnLetter(26), "AA");
  assert.equal(files.columnLetter(701), "ZZ");
  assert.equal(files.columnLetter(702), "AAA");
});

test("the same table gives byte-identical XLSX files", () => {
  assert.deepEqual(files.xlsxBytes(facts), files.xlsxBytes(facts));
});

test("Parquet round-trips through DuckDB with types, nulls and Chinese text", async () => {
  const bytes: Uint8Array = files.parquetBytes(facts, {}, {arrow, parquet});
  assert.equal(Buffer.from(bytes.subarray(0, 4)).toString(), "PAR1");
  assert.equal(Buffer.from(bytes.subarray(-4)).toString(), "PAR1");
  const dir = mkdtempSync(join(tmpdir(), "exports-"));
  try {
    const path = join(dir, "facts.parquet");
    writeFileSync(path, bytes);
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const types = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    assert.deepEqual(
      types.getRowObjects().map((r) => [r.column_name, r.column_type]),
      [
        ["doc", "VARCHAR"],
        ["subject", "VARCHAR"],
        ["value", "DOUBLE"],
        ["unit", "VARCHAR"],
        ["approx", "BOOLEAN"],
        ["county", "VARCHAR"]
      ]
    );
    const rows = (await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS();
    assert.deepEqual(rows, facts);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("integer columns stay integers in Parquet; mixed columns become text", () => {
  assert.equal(files.columnType([{n: 1}, {n: null}, {n: 3}], "n"), "int");
  assert.equal(files.columnType([{n: 1}, {n: 2.5}], "n"), "float");
  assert.equal(files.columnType([{n: 1}, {n: "一"}], "n"), "string");
  assert.equal(files.columnType([{n: null}], "n"), "string");
});

test("money in 万元, counts with their units, dates as a Chinese reader writes them", () => {
  assert.equal(format.formatMoney(369000), "36.9 万元");
  assert.equal(format.formatMoney(170000000, {currency: "USD"}), "17,000 万美元");
  assert.equal(format.formatMoney(50), "50 元");
  assert.equal(format.formatValue(126, "households"), "126 户");
  assert.equal(format.formatValue(35, "persons"), "35 人");
  assert.equal(format.formatValue(3000 * format.squareMetresPerMu, "area"), "3,000 亩");
  assert.equal(format.formatValue(7, "count", {unit: "家"}), "7 家");
  assert.equal(format.formatDate("2020-08-31"), "2020年8月31日");
  assert.equal(format.formatDate("2020-08", {inferred: true}), "2020年8月（推断）");
  assert.equal(format.topicLabel("industry"), "产业扶贫 industry");
  assert.equal(format.kindLabel("money"), "资金 money");
  assert.equal(format.axisLabel("money"), "资金 money (万元)");
  assert.equal(format.placeLabeler([{name: "茌平区", pinyin: "Chiping Qu"}])("茌平区"), "茌平区 Chiping Qu");
});

test("every topic and kind of the contract has a gloss", () => {
  const contractTopics =
    "industry employment housing education health social_security filial pv culture infrastructure other";
  assert.deepEqual(Object.keys(format.topics), contractTopics.split(" "));
  const contractKinds = "households persons money area weight count age percent other";
  assert.deepEqual(Object.keys(format.kinds), contractKinds.split(" "));
});
