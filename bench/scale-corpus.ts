// A deterministic synthetic archive for the scale bench and the scale test: newspaper pages laid out like the seeds
// (masthead and date, headlines, bylines, bodies broken where the seeds break), their bodies recombined from the
// seeds' sentences with the numbers redrawn, the counties, towns and villages of 聊城 swapped for others of the same
// county and town, words swapped for their synonyms, and sentences of our own with figures, people, cooperatives and
// companies named from the characters of the whole national register (3,000+ characters), so that a search index or a
// table of distinct values grows as it would on years of real papers. Page i depends on i alone: the archive of N
// pages is the first N of any larger one, and page N is "one page added".
//
//   tsx bench/scale-corpus.ts --pages 300 [--out DIR]
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {loadGazetteer, type Place} from "../loaders/gazetteer.js";
import {random} from "./random.js";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Bumped when the generator changes, so archives made by an older one are made again. */
export const GENERATOR_VERSION = "scale-1";
/** Bytes a page of the seeds has on average (11–16 kB): 10,000 pages ≈ 150 MB. */
const TARGET_PAGE_BYTES = 15_000;

type Random = () => number;
const pick = <T>(next: Random, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
const int = (next: Random, lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));

// Words of the papers that stand in for each other; each group is swapped within itself.
const SYNONYMS: string[][] = [
  ["贫困户", "建档立卡贫困户", "困难群众", "贫困群众", "脱贫户"],
  ["帮扶", "扶持", "结对帮扶", "包联帮扶"],
  ["扶贫资金", "专项扶贫资金", "财政扶贫资金", "帮扶资金"],
  ["合作社", "专业合作社", "农民专业合作社"],
  ["扶贫车间", "就业扶贫车间", "扶贫加工点"],
  ["增收", "增加收入", "稳定增收"],
  ["村党支部书记", "村支书", "村党支部书记、村委会主任", "驻村第一书记"],
  ["大力推进", "扎实推进", "持续推进", "全面推进"],
  ["脱贫攻坚", "精准扶贫", "脱贫攻坚工作", "扶贫开发"],
  ["进一步", "切实", "不断"],
  ["群众", "村民", "乡亲们"],
  ["产业", "特色产业", "扶贫产业"]
];
const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
];
const PAPERS = [
  "聊城日报",
  "聊城晚报",
  "今日开发区",
  "今日高新区",
  "临清日报",
  "冠县通讯",
  "莘县报",
  "阳谷报",
  "东阿报",
  "高唐报",
  "茌平报"
];
const WEEKDAYS = [..."日一二三四五六"];
const ROLES = ["村党支部书记", "驻村第一书记", "镇党委书记", "扶贫办主任", "帮扶干部", "合作社理事长", "贫困户"];
const VENTURES = [
  "种植专业合作社",
  "养殖专业合作社",
  "农业科技有限公司",
  "家庭农场",
  "食品有限公司",
  "扶贫车间",
  "服装加工厂"
];
const CROPS = [
  "金银花",
  "西红柿",
  "香瓜",
  "食用菌",
  "黄桃",
  "芦笋",
  "葡萄",
  "大蒜",
  "辣椒",
  "中药材",
  "肉鸭",
  "黑山羊",
  "草莓",
  "葫芦"
];
const BUREAUS = ["民政局", "教育局", "卫健局", "人社局", "扶贫办", "住建局", "农业农村局", "医保局", "残联"];

/** Sentences of our own, a figure or several in each, with people, places and ventures of the page's own making. */
const TEMPLATES: ((w: Words) => string)[] = [
  (w) =>
    `${w.town}${w.village}${w.person}办起了${w.venture},带动${w.n(2, 80)}户贫困户${w.syn("增收")},户均年增收${w.n(800, 9000)}元。`,
  (w) =>
    `今年以来,${w.county}累计投入${w.syn("扶贫资金")}${w.n(100, 9000)}.${w.n(1, 9)}万元,实施${w.syn("产业")}项目${w.n(3, 90)}个,覆盖贫困人口${w.n(300, 20000)}人。`,
  (w) =>
    `${w.village}${w.person}家里${w.n(2, 6)}口人,${w.n(2014, 2018)}年被识别为贫困户,如今种了${w.n(2, 30)}亩${w.crop},一年能挣${w.n(1, 5)}万多元。`,
  (w) => `${w.town}为${w.n(10, 400)}户${w.syn("贫困户")}改造危房,发放补助资金${w.n(10, 600)}万元。`,
  (w) => `在${w.town}${w.venture},${w.n(8, 120)}名贫困群众实现了家门口就业,每月收入${w.n(1200, 3500)}元左右。`,
  (w) => `${w.county}${w.bureau}为${w.village}等${w.n(2, 40)}个村的${w.n(20, 900)}名学生发放助学金${w.n(2, 90)}万元。`,
  (w) => `“${w.line}”${w.role}${w.person}说。`,
  (w) =>
    `${w.village}的${w.crop}基地占地${w.n(50, 3000)}余亩,年产值${w.n(100, 5000)}万元,吸纳周边${w.n(20, 300)}人务工。`,
  (w) =>
    `截至${w.n(1, 12)}月底,${w.town}${w.n(5, 60)}个村的孝善基金共筹集资金${w.n(10, 300)}万元,惠及${w.n(100, 3000)}名老人。`
];

interface Words {
  county: string;
  town: string;
  village: string;
  person: string;
  venture: string;
  crop: string;
  bureau: string;
  role: string;
  line: string;
  n: (lo: number, hi: number) => number;
  syn: (word: string) => string;
}

/** What every page is made from: the seeds' blocks and sentences and the prefecture's places. */
interface Material {
  /** Each seed as a list of blocks, the masthead and its furniture left out. */
  layouts: {text: string; body: boolean}[][];
  sentences: string[];
  counties: Place[];
  townsOf: Map<string, Place[]>;
  villagesOf: Map<string, Place[]>;
  /** Names of the prefecture's counties, towns and villages by first character, longest first. */
  names: Map<string, {name: string; place: Place}[]>;
  /** Every character of the register's place names, for names of people and ventures. */
  chars: string[];
  synonymOf: Map<string, string[]>;
  synonymHeads: Map<string, string[]>;
}

function seedTexts(): string[] {
  const dirs = [join(root, "data"), join(root, "..", "shared", "seeds"), "/work/shared/seeds"];
  const texts = new Set<string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort())
      texts.add(readFileSync(join(dir, file), "utf8"));
  }
  return [...texts].sort();
}

// The masthead, its furniture and the date line come from the page's own header instead.
const FURNITURE = /主管|主办|准印|内部资料|星期|第\s*\d+\s*期|今日开发区/;

let material: Material | undefined;
function loadMaterial(): Material {
  if (material) return material;
  const layouts = seedTexts().map((text) =>
    text
      .split(/\n[ \t\u3000]*\n/)
      .map((block) => block.trim())
      .filter((block) => block && !(block.length < 60 && FURNITURE.test(block)))
      .map((block) => ({text: block, body: block.length >= 60 || block.includes("。")}))
  );
  const sentences: string[] = [];
  for (const layout of layouts) {
    for (const block of layout) {
      if (!block.body) continue;
      let from = 0;
      for (let i = 0; i < block.text.length; i++) {
        if ("。!?！？".includes(block.text[i])) {
          sentences.push(block.text.slice(from, i + 1));
          from = i + 1;
        }
      }
      if (block.text.length - from > 10) sentences.push(block.text.slice(from));
    }
  }
  const gazetteer = loadGazetteer();
  const places = [...gazetteer.places.values()];
  const inside = places.filter((p) => p.in_prefecture);
  const counties = inside.filter((p) => p.level === "county");
  const group = (level: string) => {
    const by = new Map<string, Place[]>();
    for (const p of inside.filter((q) => q.level === level && q.parent_code)) {
      const key = level === "town" ? p.county_code! : p.parent_code!;
      if (!by.has(key)) by.set(key, []);
      by.get(key)!.push(p);
    }
    return by;
  };
  const names = new Map<string, {name: string; place: Place}[]>();
  for (const place of inside.filter((p) => p.level === "county" || p.level === "town" || p.level === "village")) {
    if (place.name.length < 2) continue;
    const list = names.get(place.name[0]) ?? [];
    list.push({name: place.name, place});
    names.set(place.name[0], list);
  }
  for (const list of names.values()) list.sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
  const chars = new Set<string>();
  for (const place of places) for (const ch of place.name) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
  const synonymOf = new Map<string, string[]>();
  for (const words of SYNONYMS) for (const word of words) synonymOf.set(word, words);
  const synonymHeads = new Map<string, string[]>();
  for (const word of [...synonymOf.keys()].sort((a, b) => b.length - a.length)) {
    if (!synonymHeads.has(word[0])) synonymHeads.set(word[0], []);
    synonymHeads.get(word[0])!.push(word);
  }
  material = {
    layouts,
    sentences,
    counties,
    townsOf: group("town"),
    villagesOf: group("village"),
    names,
    chars: [...chars].sort(),
    synonymOf,
    synonymHeads
  };
  return material;
}

/** A sentence of a seed, varied: places swapped along one chain, numbers redrawn, synonyms exchanged. */
function vary(sentence: string, m: Material, next: Random, year: number): string {
  let out = "";
  let county = pick(next, m.counties);
  let town = pick(next, m.townsOf.get(county.code)!);
  for (let i = 0; i < sentence.length;) {
    const ch = sentence[i];
    const named = m.names.get(ch)?.find((c) => sentence.startsWith(c.name, i));
    if (named) {
      const {level} = named.place;
      if (level === "county") {
        county = pick(next, m.counties);
        town = pick(next, m.townsOf.get(county.code)!);
        out += county.name;
      } else if (level === "town") {
        town = pick(next, m.townsOf.get(county.code)!);
        out += town.name;
      } else {
        const villages = m.villagesOf.get(town.code);
        out += villages ? pick(next, villages).name : named.name;
      }
      i += named.name.length;
      continue;
    }
    const word = next() < 0.5 ? m.synonymHeads.get(ch)?.find((w) => sentence.startsWith(w, i)) : undefined;
    if (word) {
      out += pick(next, m.synonymOf.get(word)!);
      i += word.length;
      continue;
    }
    if (ch >= "0" && ch <= "9") {
      let j = i;
      while (j < sentence.length && sentence[j] >= "0" && sentence[j] <= "9") j++;
      out += redraw(sentence.slice(i, j), sentence[j], next, year);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Digits redrawn: a year stays within two of the page's year, a month and a day stay valid, others keep their length. */
function redraw(digits: string, after: string | undefined, next: Random, year: number): string {
  if (after === "年" && digits.length === 4) return String(year - int(next, 0, 2));
  if (after === "月") return String(int(next, 1, 12));
  if (after === "日" || after === "号") return String(int(next, 1, 28));
  if (digits.length === 1) return String(int(next, 1, 9));
  let out = String(int(next, 1, 9));
  for (let k = 1; k < digits.length; k++) out += String(int(next, 0, 9));
  return out;
}

function person(m: Material, next: Random): string {
  return pick(next, SURNAMES) + pick(next, m.chars) + (next() < 0.7 ? pick(next, m.chars) : "");
}

function words(m: Material, next: Random, year: number): Words {
  const county = pick(next, m.counties);
  const town = pick(next, m.townsOf.get(county.code)!);
  const village = pick(next, m.villagesOf.get(town.code) ?? [town]);
  return {
    county: county.name,
    town: town.name,
    village: village === town ? "" : village.name,
    person: person(m, next),
    venture: `${pick(next, m.chars)}${pick(next, m.chars)}${pick(next, VENTURES)}`,
    crop: pick(next, CROPS),
    bureau: pick(next, BUREAUS),
    role: pick(next, ROLES),
    line: vary(pick(next, m.sentences), m, next, year).replace(/[。!?！？]$/, ""),
    n: (lo, hi) => int(next, lo, hi),
    syn: (word) => pick(next, m.synonymOf.get(word) ?? [word])
  };
}

/** A byline in the seed's own form (□name, (name), 记者 name 通讯员 name) with new names. */
function byline(block: string, m: Material, next: Random): string | null {
  const names = () => Array.from({length: int(next, 1, 3)}, () => person(m, next)).join(" ");
  if (/^[□■]/.test(block)) return `□${names()}`;
  if (/^[(（][^)）]{2,12}[)）]$/.test(block)) return `(${names()})`;
  if (/记者|通讯员|融媒体中心/.test(block) && block.length < 40) return `记者 ${names()} 通讯员 ${names()}`;
  return null;
}

function masthead(index: number, next: Random): {text: string; year: number} {
  const year = 2014 + (index % 8);
  const date = new Date(Date.UTC(year, int(next, 0, 11), int(next, 1, 28)));
  const [y, mo, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const paper = PAPERS[index % PAPERS.length];
  return {
    text: `${paper}\n\n${y}年${mo}月${d}日 星期${WEEKDAYS[date.getUTCDay()]} 第${1000 + index}期\n\n`,
    year
  };
}

/** Page `index` of the archive: its file name and text. */
export function scalePage(index: number): {name: string; text: string} {
  const m = loadMaterial();
  const next = random(0x3715 + index * 7919);
  const head = masthead(index, next);
  const parts = [head.text];
  let bytes = Buffer.byteLength(head.text);
  // Layouts follow each other until the page has its size; a page may hold the end of one and the start of another.
  while (bytes < TARGET_PAGE_BYTES * (0.65 + 0.35 * next())) {
    for (const block of pick(next, m.layouts)) {
      let text: string;
      if (block.body) {
        const target = block.text.length * (0.6 + 0.8 * next());
        text = "";
        while (text.length < target) {
          text +=
            next() < 0.06
              ? pick(next, TEMPLATES)(words(m, next, head.year))
              : vary(pick(next, m.sentences), m, next, head.year);
        }
      } else {
        text = byline(block.text, m, next) ?? vary(block.text, m, next, head.year);
      }
      parts.push(text, "\n\n");
      bytes += Buffer.byteLength(text) + 2;
      if (bytes > TARGET_PAGE_BYTES * 1.05) break;
    }
  }
  return {name: `page-${String(index).padStart(5, "0")}.txt`, text: parts.join("")};
}

/**
 * The archive of `pages` pages in `dir` (default bench/corpus/scale-PAGES/), written unless a complete one by this
 * generator is there. Returns the folder.
 */
export function scaleCorpus(pages: number, dir = join(root, "bench", "corpus", `scale-${pages}`)): string {
  const stamp = join(dir, ".complete");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === GENERATOR_VERSION) return dir;
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (let i = 0; i < pages; i++) {
    const {name, text} = scalePage(i);
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(stamp, GENERATOR_VERSION);
  return dir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {values} = parseArgs({options: {pages: {type: "string", default: "300"}, out: {type: "string"}}});
  const start = performance.now();
  const dir = scaleCorpus(Number(values.pages), values.out);
  const size = readdirSync(dir).reduce(
    (sum, f) => sum + (f.endsWith(".txt") ? readFileSync(join(dir, f)).length : 0),
    0
  );
  console.log(
    `${dir}: ${values.pages} pages, ${(size / 1e6).toFixed(1)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s`
  );
}
