// The site's one mu factor (src/components/format.js) is the engine's (loaders/units.ts): an area the engine
// converts to square metres shows again as the 亩 the paper printed.
import {test} from "node:test";
import assert from "node:assert/strict";
import {UNITS} from "../loaders/units.js";
import {scanQuantities} from "../loaders/quantities.js";
import {formatValue, squareMetresPerMu} from "../src/components/format.js";

test("the site's square metres per 亩 are the engine's", () => {
  assert.equal(UNITS.get("亩")?.factor, squareMetresPerMu);
  const [area] = scanQuantities("该项目占地3000余亩");
  assert.equal(formatValue(area.value, "area"), "3,000 亩");
  assert.equal(formatValue(2 * squareMetresPerMu, "area"), "2 亩");
});
