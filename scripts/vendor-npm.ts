// Serves every `npm:` import of the site from node_modules instead of jsDelivr, so that `npm run build` and
// `npm run dev` make no network request. Framework skips the fetch of any file already in its npm cache
// (src/.observablehq/cache/_npm/NAME@VERSION/...) and resolves versions from the names of the folders there;
// see populateNpmCache and resolveNpmVersion in @observablehq/framework/dist/npm.js.
//
// Each package is bundled with esbuild into `_esm.js` as jsDelivr's `+esm` would be; imports of other vendored
// packages stay imports of their cache files, so the page loads one copy of each (as with jsDelivr).
import {copyFile, mkdir, readFile, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const cache = join(root, "src", ".observablehq", "cache", "_npm");

interface Vendored {
  /** The npm package, as installed in node_modules and pinned in package.json. */
  name: string;
  /** Entry file within the package for the browser ESM build; null when the package ships only assets. */
  entry: string | null;
  /** Files copied as they are (wasm, workers), by path within the package. */
  assets?: string[];
  /** Writes `_esm.js` from the package's own files instead of bundling an entry; returns the assets it names. */
  generate?: (source: string) => Promise<{module: string; assets: string[]}>;
}

// A CSS-only font package becomes a module listing its faces, each file named by `import.meta.resolve` so that
// Framework copies exactly these files into dist/ and the browser fetches only the unicode ranges a page shows.
async function fontFaces(source: string): Promise<{module: string; assets: string[]}> {
  const css = await readFile(join(source, "index.css"), "utf8");
  const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    family: /font-family:\s*'([^']+)'/.exec(body)![1],
    file: /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)![1],
    unicodeRange: /unicode-range:\s*([^;]+);/.exec(body)?.[1].trim() ?? "U+0-10FFFF"
  }));
  const lines = faces.map(
    ({file, unicodeRange}) =>
      `  {url: import.meta.resolve(${JSON.stringify(`./${file}`)}), unicodeRange: ${JSON.stringify(unicodeRange)}}`
  );
  const module = `export const family = ${JSON.stringify(faces[0].family)};\nexport const faces = [\n${lines.join(",\n")}\n];\n`;
  return {module, assets: faces.map((face) => face.file)};
}

const vendored: Vendored[] = [
  {name: "d3", entry: "src/index.js"},
  {name: "d3-dsv", entry: "src/index.js"},
  {name: "htl", entry: "src/index.js"},
  {name: "isoformat", entry: "src/index.js"},
  {name: "@observablehq/plot", entry: "src/index.js"},
  {name: "apache-arrow", entry: "Arrow.dom.mjs"},
  {name: "arquero", entry: "src/index.js"},
  {name: "parquet-wasm", entry: "esm/parquet_wasm.js", assets: ["esm/parquet_wasm_bg.wasm"]},
  {name: "@fontsource-variable/noto-sans-sc", entry: null, generate: fontFaces},
  {
    name: "@duckdb/duckdb-wasm",
    entry: "dist/duckdb-browser.mjs",
    assets: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ]
  }
];

// Libraries Framework's client can import on demand (recommendedLibraries.js, stdlib). Building resolves a version
// for each even when no page uses it; an empty NAME@VERSION folder answers that without asking the registry.
// The versions are real releases, so a user online who starts using one gets it from jsDelivr as before.
const resolvedOnly: Record<string, string> = {
  react: "19.3.1",
  "react-dom": "19.3.1",
  vega: "6.4.0",
  "vega-lite": "6.5.0",
  "vega-lite-api": "6.0.0",
  "topojson-client": "3.1.0",
  "sql.js": "1.16.0",
  mermaid: "12.3.0",
  "mapbox-gl": "3.32.0",
  lodash: "4.18.1",
  leaflet: "1.9.4",
  katex: "0.19.1",
  jszip: "3.10.2",
  exceljs: "4.4.0",
  echarts: "6.1.0",
  "@viz-js/viz": "3.31.0",
  "@uwdata/vgplot": "0.32.0",
  "@observablehq/sample-datasets": "1.0.1"
};

// Every vendored package is a direct dependency, so npm installs it at the top of node_modules.
// Hosts that vendored files name but this site must never contact: DuckDB-wasm's unused jsDelivr bundle helper and
// the extension repositories compiled into its wasm. Each is replaced by a name of the same length (binaries keep
// their layout) under the reserved .invalid top-level domain (RFC 2606), which never resolves.
const unreachableHosts: [string, string][] = [
  ["extensions.duckdb.org", "no-duckdb-ext.invalid"],
  ["cdn.jsdelivr.net", "nocdn-np.invalid"],
  ["unpkg.com", "x.invalid"]
];

function withoutRemoteHosts(bytes: Buffer): Buffer {
  for (const [host, stand] of unreachableHosts) {
    const from = Buffer.from(host);
    const to = Buffer.from(stand);
    for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + to.length)) to.copy(bytes, i);
  }
  return bytes;
}

async function rewriteHosts(path: string): Promise<void> {
  await writeFile(path, withoutRemoteHosts(await readFile(path)));
}

function packageDir(name: string): string {
  return join(root, "node_modules", name);
}

async function versionOf(name: string): Promise<string> {
  return JSON.parse(await readFile(join(packageDir(name), "package.json"), "utf8")).version;
}

async function vendor({name, entry, assets = [], generate}: Vendored, versions: Map<string, string>): Promise<void> {
  const dir = join(cache, `${name}@${versions.get(name)}`);
  const stamp = join(dir, ".vendored");
  if (existsSync(stamp)) return;
  await mkdir(dir, {recursive: true});
  const source = packageDir(name);
  if (entry) {
    const outfile = join(dir, "_esm.js");
    await build({
      entryPoints: [join(source, entry)],
      outfile,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      logLevel: "error",
      plugins: [
        {
          name: "vendored-siblings",
          setup(b) {
            b.onResolve({filter: /^[@a-z]/}, ({path}) => {
              const sibling = [...versions.keys()].find((other) => other !== name && path === other);
              if (!sibling) return undefined;
              const target = join(cache, `${sibling}@${versions.get(sibling)}`, "_esm.js");
              return {path: relative(dir, target).replace(/^(?!\.)/, "./"), external: true};
            });
          }
        }
      ]
    });
    await rewriteHosts(outfile);
  }
  if (generate) {
    const generated = await generate(source);
    await writeFile(join(dir, "_esm.js"), generated.module);
    assets = [...assets, ...generated.assets];
  }
  for (const asset of assets) {
    await mkdir(dirname(join(dir, asset)), {recursive: true});
    await copyFile(join(source, asset), join(dir, asset));
    await rewriteHosts(join(dir, asset));
  }
  await writeFile(stamp, "");
}

const versions = new Map<string, string>();
for (const {name} of vendored) versions.set(name, await versionOf(name));
await Promise.all(vendored.map((v) => vendor(v, versions)));
for (const [name, version] of Object.entries(resolvedOnly)) {
  if (!versions.has(name)) await mkdir(join(cache, `${name}@${version}`), {recursive: true});
}
