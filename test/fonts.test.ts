import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {family, fontFamily, hasFont, localCjkFonts} from "../src/components/fonts.js";

test("the served font's family is the one the package declares", () => {
  const require = createRequire(import.meta.url);
  const css = readFileSync(
    join(dirname(require.resolve("@fontsource-variable/noto-sans-sc/package.json")), "index.css"),
    "utf8"
  );
  assert.equal(/font-family:\s*'([^']+)'/.exec(css)?.[1], family);
  assert.ok(fontFamily.startsWith(`"${family}", `));
  for (const name of localCjkFonts) assert.ok(fontFamily.includes(`"${name}"`));
});

test("a font counts as present when text set in it measures differently from monospace", () => {
  // A canvas stand-in whose installed fonts are given: width depends on the first installed family in the list.
  const context = (installed: string[]) => ({
    font: "",
    measureText(text: string) {
      const first = this.font.match(/"([^"]+)"/)?.[1];
      return {width: text.length * (first && installed.includes(first) ? 11 : 10)};
    }
  });
  assert.equal(hasFont("Noto Sans CJK SC", context(["Noto Sans CJK SC"])), true);
  assert.equal(hasFont("PingFang SC", context(["Noto Sans CJK SC"])), false);
});
