// `npm run --silent export -- [PATH...] [options]`: every table as CSV, XLSX, Parquet and JSON and every chart as SVG
// and PNG, the same files the dashboard's download buttons give, from the command line. Follows loaders/run/cli.ts:
// progress and warnings on stderr, exit 2 only for a bad command line or an unwritable folder.
import {existsSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {inputPaths, parseCommandLine, runCommand, UsageError, writableDir} from "../loaders/run/command.js";
import {cachedTables} from "../loaders/run/cache.js";
import {TABLES} from "../loaders/run/write.js";
import {chromiumHint, chromiumPath, hasChromium} from "./chromium.js";
import {chartPages, exportCharts, hasPage, type ChartFormat} from "./export-charts.js";
import {exportTables, TABLE_FORMATS, type TableFormat} from "./export-tables.js";
import {buildSite, dist, siteData, siteState} from "./site-build.js";

const CHART_FORMATS: ChartFormat[] = ["svg", "png"];
type Format = TableFormat | ChartFormat;
const FORMATS: Format[] = [...TABLE_FORMATS, ...CHART_FORMATS];

const usage = `Usage: npm run --silent export -- [PATH...] [--out DIR] [--tables LIST] [--format LIST] [--pages LIST]
                                  [--site DIR] [--no-charts | --no-tables] [--quiet]

Writes the documents, articles, facts and places tables of the pages under PATH (files or folders, as for extract;
default data/) and the site's charts into DIR (default out/export/), as the dashboard's download buttons make them:

  DIR/<table>.csv|xlsx|parquet|json    CSV (UTF-8 with BOM, formula-like text cells get a leading ') and XLSX as
                                       the page makes them; JSON and Parquet as \`npm run extract\` writes them
  DIR/charts/<page>/<chart>.svg|png    the chart buttons' files: SVG with its font pieces embedded, PNG at 2x

  --out DIR        where to write (created if missing)
  --tables LIST    some of documents,articles,facts,places (default all)
  --format LIST    some of csv,xlsx,parquet,json (tables) and svg,png (charts); default all
  --pages LIST     the pages whose charts to save, such as index,funds or county/371502
                   (default every top-level page with chart downloads)
  --site DIR       a built site to take the charts from (default dist/, built with \`npm run build\` first
                   when it is missing or older than src/, loaders/ or data/)
  --charts         save charts (the default); --no-charts: tables only, no site and no browser
  --no-tables      charts only
  --quiet          no summary on stderr (warnings still print)
  --help           this text

Charts are drawn by the built site in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) from the data
the site was built from (data/, or DATA_DIR), not from PATH. Nothing is fetched from the network.

Exit status: 0 when the tables were written, even if some or all charts could not be made (no Chromium, a failed
build, a chart that did not download): each is reported on stderr as "warning: ...". 2 for a bad command line or an
unwritable DIR, with a one-line error, before anything is written.`;

/** A comma-separated option as a list of known names, in the order given, each once. */
function list<T extends string>(value: string | undefined, known: readonly T[], option: string, what: string): T[] {
  if (value === undefined) return [...known];
  const names = [
    ...new Set(
      value
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
    )
  ];
  const unknown = names.find((name) => !known.includes(name as T));
  if (unknown !== undefined) throw new UsageError(`unknown ${what}: ${unknown} (${known.join(", ")})`);
  if (!names.length) throw new UsageError(`empty ${option}`);
  return names as T[];
}

function parse(argv: string[]) {
  const {values, positionals} = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      out: {type: "string", default: join("out", "export")},
      tables: {type: "string"},
      format: {type: "string"},
      pages: {type: "string"},
      site: {type: "string"},
      charts: {type: "boolean", default: false},
      "no-charts": {type: "boolean", default: false},
      "no-tables": {type: "boolean", default: false},
      quiet: {type: "boolean", default: false},
      help: {type: "boolean", default: false}
    }
  });
  if (values.charts && values["no-charts"]) throw new UsageError("--charts and --no-charts together");
  if (values["no-charts"] && values["no-tables"])
    throw new UsageError("--no-charts and --no-tables together: nothing to write");
  const formats = list(values.format, FORMATS, "--format", "format");
  const tableFormats = values["no-tables"] ? [] : TABLE_FORMATS.filter((f) => formats.includes(f));
  const chartFormats = values["no-charts"] ? [] : CHART_FORMATS.filter((f) => formats.includes(f));
  const pages =
    values.pages === undefined
      ? undefined
      : values.pages.split(",").map((page) => page.trim().replace(/^\/+|\.html$/g, ""));
  if (pages?.some((page) => !/^[\w-]+(\/[\w-]+)*$/.test(page))) throw new UsageError(`bad --pages: ${values.pages}`);
  const paths = inputPaths(positionals);
  if (values.site !== undefined && !existsSync(join(values.site, "index.html")))
    throw new UsageError(`not a built site (no index.html): ${values.site}`);
  return {
    out: values.out!,
    quiet: values.quiet!,
    help: values.help!,
    paths,
    tables: list(values.tables, TABLES, "--tables", "table"),
    tableFormats,
    chartFormats,
    pages,
    site: values.site
  };
}

type Options = ReturnType<typeof parse>;

const warn = (message: string) => process.stderr.write(`warning: ${message}\n`);

/** The charts' side, settled before anything is written: whether they can be made, from which site, of which pages. */
function chartPlan(options: Options, log: (line: string) => void): {site: string; pages: string[]} | null {
  if (!options.chartFormats.length) return null;
  if (!hasChromium()) return (warn(`charts skipped: no Chromium at ${chromiumPath} (${chromiumHint})`), null);
  let site = options.site;
  if (site === undefined) {
    site = dist;
    const state = siteState(site);
    if (state !== "fresh") {
      log(`building the site into dist/ (${state === "missing" ? "not built yet" : "older than its sources"})…`);
      const build = buildSite();
      if (!build.ok) {
        const last = build.output.trim().split("\n").at(-1);
        return (warn(`charts skipped: npm run build failed${last ? `: ${last}` : ""}`), null);
      }
    }
  }
  const pages = options.pages ?? chartPages(site);
  const missing = pages.find((page) => !hasPage(site, page));
  if (missing !== undefined) throw new UsageError(`no page ${missing} in ${site}`);
  if (options.paths.some((path) => resolve(path) !== siteData))
    warn(`charts show the documents the site was built from (${relative(process.cwd(), siteData) || "."}), not PATH`);
  return {site: resolve(site), pages};
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (options.help) {
    console.log(usage);
    return 0;
  }
  const log = (line: string) => options.quiet || process.stderr.write(`export: ${line}\n`);
  writableDir(options.out);
  const plan = chartPlan(options, log);

  if (options.tableFormats.length) {
    // Shared with the site's loaders: an export after a build reads the tables the site was built from.
    const tables = await cachedTables(options.paths, {log: (line) => log(line.replace(/^tables: /, ""))});
    for (const document of tables.documents)
      if (document.status === "rejected") warn(`${document.doc}: ${document.reason}`);
    const written = await exportTables(tables, {
      names: options.tables,
      formats: options.tableFormats,
      dir: options.out
    });
    const rows = options.tables.map((name) => `${name} ${tables[name].length}`).join(", ");
    log(
      `${count(written.length, "table file")} (${rows} rows) as ${options.tableFormats.join(", ")} → ${shown(options.out)}`
    );
  }

  if (plan) {
    const dir = join(options.out, "charts");
    try {
      const {written, failures} = await exportCharts(plan.site, plan.pages, {dir, formats: options.chartFormats});
      for (const failure of failures) warn(failure);
      log(
        `${count(written.length, "chart file")} from ${plan.pages.join(", ")} as ${options.chartFormats.join(", ")} → ${shown(dir)}`
      );
    } catch (error) {
      warn(`charts skipped: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** A folder as the summary names it: relative to here when inside, else absolute. */
function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith("..") ? `${relativePath}/` : `${resolve(path)}/`;
}

runCommand("export", main);
