// `npm run export`: the tables and charts the pages' download buttons give, written from the command line.
import {after, test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {strFromU8, unzipSync} from "fflate";
import {DuckDBInstance} from "@duckdb/node-api";
import {schemas, type TableName} from "../../loaders/schema.js";
import {launch} from "../../scripts/chromium.js";
import {dist, ensureBuilt, offlineEnv, root} from "../support/site.js";
import {csvText} from "../../src/components/tableFiles.js";

const scratch = mkdtempSync(join(tmpdir(), "export-cli-"));
const tableNames = Object.keys(schemas) as TableName[];
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

after(() => rmSync(scratch, {recursive: true, force: true}));

/** Runs the command as `npm run export` does, with any connection off this machine refused (test/support/offline.js). */
function exportCommand(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/export.ts", ...args], {
    cwd: root,
    env: {...offlineEnv(), ...env},
    encoding: "utf8",
    maxBuffer: 64 << 20
  });
  assert.doesNotMatch(result.stderr, /offline: blocked connection/, "the export tried to reach the network");
  return result;
}

test("--help prints the usage, with the exit status, on stdout", () => {
  const {status, stdout, stderr} = exportCommand(["--help"]);
  assert.equal(status, 0);
  assert.match(stdout, /^Usage: npm run --silent export -- \[PATH\.\.\.\]/);
  assert.match(stdout, /--no-charts/);
  assert.match(stdout, /Exit status: 0 when the tables were written/);
  assert.equal(stderr, "");
});

test("a bad command line exits 2 with a one-line error and writes nothing", () => {
  const out = join(scratch, "bad");
  const cases: [string[], RegExp][] = [
    [["--format", "docx"], /unknown format: docx/],
    [["--tables", "facts,nope"], /unknown table: nope/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["no-such-folder"], /no such file or folder: no-such-folder/],
    [["--site", scratch], /not a built site/],
    [["--charts", "--no-charts"], /--charts and --no-charts together/]
  ];
  for (const [args, message] of cases) {
    const {status, stdout, stderr} = exportCommand([...args, "--out", out]);
    assert.equal(status, 2, args.join(" "));
    assert.match(stderr, /^export: [^\n]+\n$/, `one line for ${args.join(" ")}`);
    assert.match(stderr, message);
    assert.equal(stdout, "");
  }
  assert.equal(existsSync(out), false);
  const file = join(scratch, "a-file");
  writeFileSync(file, "");
  const {status, stderr} = exportCommand(["--no-charts", "--out", join(file, "sub")]);
  assert.equal(status, 2);
  assert.match(stderr, /^export: cannot write to .*\n$/);
});

test("every table as CSV, XLSX, Parquet and JSON, the CSV byte for byte the page's", async () => {
  const out = join(scratch, "tables");
  const {status, stderr} = exportCommand(["data", "--no-charts", "--out", out]);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /^export: 16 table files \(documents \d+, articles \d+, facts \d+, places \d+ rows\)/m);
  assert.doesNotMatch(stderr, /warning/);
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  for (const name of tableNames) {
    const rows: Record<string, unknown>[] = JSON.parse(readFileSync(join(out, `${name}.json`), "utf8"));
    assert.ok(rows.length > 0, `${name} has rows`);
    const columns = Object.keys(schemas[name]);
    assert.deepEqual(Object.keys(rows[0]), columns, `${name}.json has the contract's columns`);

    const csv = readFileSync(join(out, `${name}.csv`));
    assert.ok(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${name}.csv starts with a BOM`);
    assert.ok(csv.equals(Buffer.from(csvText(rows, {columns}), "utf8")), `${name}.csv is the page's CSV`);

    const xlsx = readFileSync(join(out, `${name}.xlsx`));
    assert.deepEqual([...xlsx.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], `${name}.xlsx is a zip`);
    const parts = unzipSync(new Uint8Array(xlsx));
    assert.match(strFromU8(parts["xl/workbook.xml"]), new RegExp(`<sheet name="${name}"`));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    assert.match(sheet, /<t xml:space="preserve">[^<]*[\u4e00-\u9fff]/, `${name}.xlsx holds Chinese text`);
    assert.equal(sheet.match(/<row /g)?.length, rows.length + 1);

    const parquet = join(out, `${name}.parquet`);
    const read = await connection.runAndReadAll(`SELECT count(*)::INT AS n FROM read_parquet('${parquet}')`);
    assert.deepEqual(read.getRowObjectsJS(), [{n: rows.length}], `${name}.parquet reads back`);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${parquet}')`);
    assert.deepEqual(
      described.getRowObjectsJS().map((row) => row.column_name),
      columns
    );
  }
  connection.closeSync();
});

test("without Chromium the tables are still written, with a one-line warning saying how to install it", () => {
  const out = join(scratch, "no-chromium");
  const {status, stderr} = exportCommand(["--tables", "places", "--format", "csv,svg", "--out", out, "--quiet"], {
    CHROMIUM_PATH: join(scratch, "no-chromium-here")
  });
  assert.equal(status, 0);
  assert.match(stderr, /^warning: charts skipped: no Chromium at .*apt-get install chromium fonts-noto-cjk.*\n$/);
  assert.deepEqual(readdirSync(out), ["places.csv"]);
});

test("every chart as an SVG with marks and Chinese text, and a PNG at twice its width", async () => {
  ensureBuilt();
  const out = join(scratch, "charts");
  const {status, stderr} = exportCommand(["--no-tables", "--site", dist, "--out", out]);
  assert.equal(status, 0, stderr);
  assert.doesNotMatch(stderr, /warning/);
  const charts = join(out, "charts");
  const pages = readdirSync(charts);
  for (const page of ["index", "funds", "households", "coverage", "methods"]) assert.ok(pages.includes(page), page);
  assert.deepEqual(readdirSync(out), ["charts"], "no tables with --no-tables");

  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const name of pages) {
      const files = readdirSync(join(charts, name));
      const svgs = files.filter((file) => file.endsWith(".svg"));
      assert.ok(svgs.length > 0, `${name} has charts`);
      assert.deepEqual(
        files.filter((file) => file.endsWith(".png")).sort(),
        svgs.map((f) => f.replace(/svg$/, "png")).sort()
      );
      for (const file of svgs) {
        const text = readFileSync(join(charts, name, file), "utf8");
        const svg = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, "image/svg+xml");
          const root = doc.documentElement;
          return {
            error: doc.querySelector("parsererror")?.textContent ?? null,
            width: Number(root.getAttribute("width")),
            marks: root.querySelectorAll(
              ["bar", "dot", "line", "geo", "area", "cell", "rect"].map((m) => `g[aria-label=${m}] > *`).join()
            ).length,
            text: root.textContent ?? ""
          };
        }, text);
        const where = `${name}/${file}`;
        assert.equal(svg.error, null, where);
        assert.ok(svg.marks > 0, `${where} has marks`);
        assert.match(svg.text, /[\u4e00-\u9fff]/, `${where} has Chinese text`);
        assert.match(text, /src:url\("data:font\/woff2;base64,/, `${where} embeds its font`);
        const png = readFileSync(join(charts, name, file.replace(/svg$/, "png")));
        assert.ok(png.subarray(0, 8).equals(pngSignature), `${where} PNG signature`);
        assert.equal(png.readUInt32BE(16), Math.round(svg.width * 2), `${where} PNG is 2× wide`);
      }
    }
  } finally {
    await browser.close();
  }
});
