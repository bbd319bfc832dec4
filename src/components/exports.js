// Download buttons for charts (SVG, PNG at 2×) and tables (CSV, XLSX, Parquet, JSON). Everything is made in the
// page from what it already has; nothing is fetched but this site's own font pieces and parquet-wasm's wasm.
import {embeddedFontCss, exportFontFamily} from "./fonts.js";

// The table formats (and fflate, which zips XLSX) load on the first table download, not with every page.
const tableFiles = () => import("./tableFiles.js");

const svgNS = "http://www.w3.org/2000/svg";

function button(label, kind, action) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.dataset.download = kind;
  element.onclick = async () => {
    element.disabled = true;
    try {
      await action();
    } catch (error) {
      console.error(error);
    } finally {
      element.disabled = false;
    }
  };
  return element;
}

function bar(buttons) {
  const div = document.createElement("div");
  div.className = "downloads";
  div.style.cssText = "display: flex; gap: 0.5rem; align-items: center; font-size: 0.85em; margin-top: 0.5rem;";
  const label = document.createElement("span");
  label.textContent = "下载 Download:";
  div.append(label, ...buttons);
  return div;
}

/** Saves a blob under a file name, as a click on a link with `download` does. */
export function save(blob, filename) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** The chart's main SVG: the element itself, or the largest SVG inside it (a figure also holds legend swatches). */
export function chartSvg(element) {
  if (element instanceof SVGSVGElement) return element;
  const svgs = [...element.querySelectorAll("svg")];
  if (!svgs.length) throw new Error("no chart to download");
  const area = (svg) => (+svg.getAttribute("width") || 0) * (+svg.getAttribute("height") || 0);
  return svgs.reduce((a, b) => (area(b) > area(a) ? b : a));
}

/** The size Plot drew the chart at, in CSS pixels. */
export function svgSize(svg) {
  const box = svg.viewBox.baseVal;
  const width = +svg.getAttribute("width") || box?.width || svg.getBoundingClientRect().width;
  const height = +svg.getAttribute("height") || box?.height || svg.getBoundingClientRect().height;
  return {width, height};
}

function backgroundOf(element) {
  for (let e = element; e instanceof Element; e = e.parentElement) {
    const color = getComputedStyle(e).backgroundColor;
    if (color && color !== "transparent" && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return "white";
}

/** A standalone SVG document: page colours resolved, a background, and the font pieces its text needs embedded. */
export async function standaloneSvg(svg) {
  const clone = svg.cloneNode(true);
  const {width, height} = svgSize(svg);
  clone.setAttribute("xmlns", svgNS);
  clone.setAttribute("width", width);
  clone.setAttribute("height", height);
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  clone.style.fontFamily = exportFontFamily;
  clone.style.color = getComputedStyle(svg).color;
  // Colours given as CSS variables or currentColor mean nothing outside the page.
  const originals = [svg, ...svg.querySelectorAll("*")];
  [clone, ...clone.querySelectorAll("*")].forEach((element, i) => {
    for (const property of ["fill", "stroke"]) {
      const value = element.getAttribute(property);
      if (value && /var\(|currentcolor/i.test(value))
        element.setAttribute(property, getComputedStyle(originals[i])[property]);
    }
  });
  const background = document.createElementNS(svgNS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", backgroundOf(svg));
  const style = document.createElementNS(svgNS, "style");
  style.textContent = await embeddedFontCss(clone.textContent ?? "");
  clone.prepend(style, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** A PNG of the chart at `scale` times its CSS size, drawn from the standalone SVG so the embedded font is used. */
export async function pngBlob(svg, {scale = 2} = {}) {
  const {width, height} = svgSize(svg);
  const url = URL.createObjectURL(new Blob([await standaloneSvg(svg)], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png")
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * SVG and PNG buttons for a chart. `element` is the chart or anything holding it, such as what `resize` returns;
 * the chart is looked up on each click, so the file shows the chart as it is drawn then.
 */
export function downloadButtons(element, {filename = "chart", scale = 2} = {}) {
  return bar([
    button("SVG", "svg", async () =>
      save(new Blob([await standaloneSvg(chartSvg(element))], {type: "image/svg+xml"}), `${filename}.svg`)
    ),
    button(`PNG (${scale}×)`, "png", async () => save(await pngBlob(chartSvg(element), {scale}), `${filename}.png`))
  ]);
}

let parquetLibraries;

/** Apache Arrow and parquet-wasm, loaded on the first Parquet download only. */
function loadParquet() {
  parquetLibraries ??= (async () => {
    const [arrow, parquet] = await Promise.all([import("npm:apache-arrow"), import("npm:parquet-wasm")]);
    await parquet.default(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));
    return {arrow, parquet};
  })();
  parquetLibraries.catch(() => (parquetLibraries = undefined));
  return parquetLibraries;
}

/** Plain row objects from an array, an Arrow table or a DuckDB result. */
export function plainRows(rows) {
  return Array.from(rows, (row) => (typeof row?.toJSON === "function" ? row.toJSON() : row));
}

/**
 * CSV, XLSX, Parquet and JSON buttons for a table. `rows` may be a function returning the rows or a promise of them
 * (a query), so that the buttons export the whole table a filter currently selects, not just the rows on screen.
 * @param {object[] | Promise<object[]> | (() => object[] | Promise<object[]>)} rows
 * @param {{filename?: string, columns?: string[] | ((rows: object[]) => string[]), sheet?: string}} [options]
 */
export function tableDownloads(rows, {filename = "table", columns, sheet = filename} = {}) {
  const table = async () => {
    const [rowsGiven, files] = await Promise.all([typeof rows === "function" ? rows() : rows, tableFiles()]);
    const data = plainRows(rowsGiven);
    return {data, files, columns: files.columnsOf(data, typeof columns === "function" ? columns(data) : columns)};
  };
  return bar([
    button("CSV", "csv", async () => {
      const {data, columns, files} = await table();
      save(new Blob([files.csvText(data, {columns})], {type: "text/csv;charset=utf-8"}), `${filename}.csv`);
    }),
    button("XLSX", "xlsx", async () => {
      const {data, columns, files} = await table();
      const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      save(new Blob([files.xlsxBytes(data, {columns, sheet})], {type}), `${filename}.xlsx`);
    }),
    button("Parquet", "parquet", async () => {
      const {data, columns, files} = await table();
      const bytes = files.parquetBytes(data, {columns}, await loadParquet());
      save(new Blob([bytes], {type: "application/vnd.apache.parquet"}), `${filename}.parquet`);
    }),
    button("JSON", "json", async () => {
      const {data, columns} = await table();
      const picked = data.map((row) => Object.fromEntries(columns.map((name) => [name, row[name] ?? null])));
      save(
        new Blob([JSON.stringify(picked, (_, v) => (typeof v === "bigint" ? Number(v) : v), 2)], {
          type: "application/json"
        }),
        `${filename}.json`
      );
    })
  ]);
}
