// The site's CJK font, Noto Sans SC (SIL Open Font License) from @fontsource-variable/noto-sans-sc, served from
// this site in 101 unicode-range pieces: a page loads only the pieces its text needs, and an exported chart embeds
// only those, so that its Chinese renders on a machine with no CJK font.
import {faces, family} from "npm:@fontsource-variable/noto-sans-sc";

export {family};
export const fontFamily = `"${family}", system-ui, sans-serif`;

function fontFaceRule(src, unicodeRange) {
  return `@font-face{font-family:"${family}";font-style:normal;font-weight:100 900;font-display:swap;src:url(${JSON.stringify(src)}) format("woff2");unicode-range:${unicodeRange};}`;
}

if (typeof document !== "undefined" && !document.getElementById("cjk-font-faces")) {
  const style = document.createElement("style");
  style.id = "cjk-font-faces";
  style.textContent = faces.map(({url, unicodeRange}) => fontFaceRule(url, unicodeRange)).join("\n");
  document.head.append(style);
}

/** `"U+4e00-4eff,U+3000"` → `[[0x4e00, 0x4eff], [0x3000, 0x3000]]`. */
export function parseUnicodeRange(range) {
  return range.split(",").map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(start, 16), parseInt(end, 16)];
  });
}

const ranges = faces.map((face) => ({...face, ranges: parseUnicodeRange(face.unicodeRange)}));

/** The font pieces that cover some character of `text`. */
export function facesFor(text) {
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
  const needed = facesFor(text);
  const urls = await Promise.all(needed.map(({url}) => dataUrl(url)));
  return needed.map(({unicodeRange}, i) => fontFaceRule(urls[i], unicodeRange)).join("\n");
}
