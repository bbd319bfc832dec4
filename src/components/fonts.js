// The site's CJK font, Noto Sans SC (SIL Open Font License) from @fontsource-variable/noto-sans-sc, served from
// this site in 101 unicode-range pieces. Charts on screen use the reader's own Chinese font when the machine has one
// (the pieces a chart needs weigh more than the rest of a page together), and the served font where it has none; an
// exported chart always embeds the pieces its text needs, so that it renders the same on any machine.

// The family the package declares (a test checks it against the package's CSS); the list of its pieces is imported
// only when needed.
export const family = "Noto Sans SC Variable";
const fontPieces = async () => (await import("npm:@fontsource-variable/noto-sans-sc")).faces;

// Chinese fonts that ship with macOS, Windows and the common Linux distributions.
export const localCjkFonts = [
  "PingFang SC",
  "Hiragino Sans GB",
  "Microsoft YaHei",
  "Noto Sans CJK SC",
  "Source Han Sans SC",
  "Source Han Sans CN",
  "WenQuanYi Micro Hei"
];

const list = (names) => names.map((name) => `"${name}"`).join(", ");

/** For charts on screen: the served font first, which only exists on a page that registered it (see below). */
export const fontFamily = `"${family}", ${list(localCjkFonts)}, system-ui, sans-serif`;

/** For exported charts, whose embedded font should win over whatever the viewing machine has. */
export const exportFontFamily = `"${family}", sans-serif`;

function fontFaceRule(src, unicodeRange) {
  return `@font-face{font-family:"${family}";font-style:normal;font-weight:100 900;font-display:swap;src:url(${JSON.stringify(src)}) format("woff2");unicode-range:${unicodeRange};}`;
}

/**
 * Whether the machine has the named font, by the usual measurement: text set in `"name", monospace` differs in width
 * from text set in monospace only if the named font exists (the Latin letters differ even where both would borrow
 * the same Chinese glyphs).
 * @param {string} name
 * @param {{font: string, measureText(text: string): {width: number}}} [context] a canvas's 2D context
 */
export function hasFont(name, context = document.createElement("canvas").getContext("2d")) {
  const sample = "扶贫mmmmmmmmmmlli10";
  context.font = "72px monospace";
  const fallback = context.measureText(sample).width;
  context.font = `72px "${name}", monospace`;
  return context.measureText(sample).width !== fallback;
}

/** Registers the served font's pieces for the page, unless the machine has a Chinese font of its own. */
export async function registerServedFont({force = false} = {}) {
  if (document.getElementById("cjk-font-faces")) return true;
  if (!force && localCjkFonts.some((name) => hasFont(name))) return false;
  const faces = await fontPieces();
  const style = document.createElement("style");
  style.id = "cjk-font-faces";
  style.textContent = faces.map(({url, unicodeRange}) => fontFaceRule(url, unicodeRange)).join("\n");
  document.head.append(style);
  return true;
}

// Measuring the fonts holds the main thread (the first text set in a family makes the browser look it up among the
// system's fonts), so it waits for an idle moment rather than holding up this module and every chart that imports it.
if (typeof document !== "undefined") {
  const whenIdle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback, 1));
  whenIdle(() => registerServedFont(), {timeout: 1000});
}

/** `"U+4e00-4eff,U+3000"` → `[[0x4e00, 0x4eff], [0x3000, 0x3000]]`. */
export function parseUnicodeRange(range) {
  return range.split(",").map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(start, 16), parseInt(end, 16)];
  });
}

let ranges;

/** The font pieces that cover some character of `text`. */
export async function facesFor(text) {
  ranges ??= (await fontPieces()).map((face) => ({...face, ranges: parseUnicodeRange(face.unicodeRange)}));
  const points = new Set(Array.from(text, (c) => c.codePointAt(0)));
  return ranges.filter((face) => [...points].some((p) => face.ranges.some(([a, b]) => p >= a && p <= b)));
}

const dataUrls = new Map();

function dataUrl(url) {
  if (!dataUrls.has(url)) {
    const promise = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        return response.blob();
      })
      .then(
        (blob) =>
          new Promise((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result).replace(/^data:[^;,]*/, "data:font/woff2"));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          })
      );
    promise.catch(() => dataUrls.delete(url));
    dataUrls.set(url, promise);
  }
  return dataUrls.get(url);
}

/** `@font-face` rules embedding, as data URLs, the font pieces that `text` needs. */
export async function embeddedFontCss(text) {
  const needed = await facesFor(text);
  const urls = await Promise.all(needed.map(({url}) => dataUrl(url)));
  return needed.map(({unicodeRange}, i) => fontFaceRule(urls[i], unicodeRange)).join("\n");
}
