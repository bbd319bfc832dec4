// Toneless pinyin of place names (莘县 → shen xian), remembered between runs. The romanisation library takes a tenth
// of a second of CPU to load its dictionaries, more than the rest of what the writing thread does before a run's
// first document, for the few hundred names a run writes. So the names earlier runs romanised are kept in the cache
// folder (cache.ts), in a file named by the library's version and this format (a new version never reads an old
// one's answers), and the library is loaded only for a name none of them wrote. savePinyinMemo() stores what a run
// added (the command line calls it at its end); a memo that cannot be read or written is done without.
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {cacheDir} from "./run/cache.js";

const FORMAT = 1;
/** Names kept at most: however many names a corpus has (villages the register lacks), the memo stays small. */
const MAX_NAMES = 100_000;

let memo: Map<string, string> | null = null;
let added = false;
let pinyin: typeof import("pinyin-pro").pinyin | null = null;

function memoPath(): string {
  const require = createRequire(import.meta.url);
  const {version} = JSON.parse(readFileSync(require.resolve("pinyin-pro/package.json"), "utf8"));
  return join(cacheDir(), "pinyin", `pinyin-pro-${version}.${FORMAT}.json`);
}

/** The memo's [name, pinyin] pairs as stored, none where there is no memo or it is damaged. */
function stored(): [string, string][] {
  try {
    const pairs: unknown = JSON.parse(readFileSync(memoPath(), "utf8"));
    if (!Array.isArray(pairs)) return [];
    return pairs.filter(
      (pair): pair is [string, string] =>
        Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string"
    );
  } catch {
    return [];
  }
}

/** The pinyin of a name, syllables separated by spaces, from the memo or else the library. */
export function romanised(name: string): string {
  memo ??= new Map(stored());
  let value = memo.get(name);
  if (value === undefined) {
    pinyin ??= (createRequire(import.meta.url)("pinyin-pro") as typeof import("pinyin-pro")).pinyin;
    value = pinyin(name, {toneType: "none", type: "array"}).join(" ");
    if (memo.size < MAX_NAMES) {
      memo.set(name, value);
      added = true;
    }
  }
  return value;
}

/** Stores the names this run romanised beside those already stored (by another run meanwhile, too). */
export function savePinyinMemo(): void {
  if (!memo || !added) return;
  const path = memoPath();
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const names = new Map(stored());
    for (const [name, value] of memo) if (names.size < MAX_NAMES) names.set(name, value);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(temp, JSON.stringify([...names]));
    renameSync(temp, path); // whole or not at all, for a run reading it meanwhile
    added = false;
  } catch {
    rmSync(temp, {force: true});
  }
}
