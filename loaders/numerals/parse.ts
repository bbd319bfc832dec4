// Whole strings as numbers: a numeral spelled out alone, or an amount written as on a cheque.
import {readNumeral, tidy} from "./read.js";

/**
 * The number a whole string spells, or null when it is not exactly one numeral: Chinese (`一千二百三十四`, `两万`,
 * `廿`, `〇`), financial (`壹拾贰`, `玖仟陆佰陆拾伍圆壹角捌分`), Arabic and full-width (`１２６`, `1,064`, `８.３６６`)
 * and mixed (`3.5万`, `1.2亿`, `5万余`, `100万三千`).
 */
export function parseNumeral(s: string): number | null {
  const t = s.trim();
  if (!t) return null;
  const money = parseRmb(t);
  if (money !== null) return money;
  const num = readNumeral(t, 0, {wide: true, fractions: true});
  if (!num || num.approxEnd !== t.length) return null;
  return num.value;
}

/** Amounts written as on a cheque: `壹拾壹元整`, `壹元零壹分`, `肆角叁分`. */
function parseRmb(t: string): number | null {
  if (!/[元圆角分]/.test(t)) return null;
  let k = 0;
  let sign = 1;
  if (t[0] === "负" || t[0] === "負") {
    sign = -1;
    k = 1;
  }
  let total = 0;
  let any = false;
  for (const mark of ["元圆", "角", "分"]) {
    if (t[k] === "零" && k > 0) k++;
    const num = readNumeral(t, k, {});
    if (num && mark.includes(t[num.end])) {
      total += num.value * (mark === "角" ? 0.1 : mark === "分" ? 0.01 : 1);
      k = num.end + 1;
      any = true;
    }
  }
  if (t[k] === "整" || t[k] === "正") k++;
  return any && k === t.length ? tidy(sign * total) : null;
}
