// The kind of a count that names what it counts instead of measuring it (issue 11, item 3): `20万群众`, `390多万贫困人口`
// are persons and `713个贫困户`, `上千家贫困户` households, though 个 and 家 are general counters (量词) and 群众 no
// unit at all. Sources: the categories of 《扶贫开发建档立卡工作方案》 (国开办发〔2014〕24号) — 贫困户 and 贫困人口 are
// counted by household (户) and by person (人) — and the nouns the seed pages and poverty-relief reports count.
// Read by loaders/quantities.ts; also nouns a subject is read as (loaders/subject.ts).
import type {Kind} from "../types.js";

/** Nouns of households: a household is what the register counts as 户. */
export const HOUSEHOLD_NOUNS = [
  "建档立卡贫困户",
  "贫困户",
  "脱贫户",
  "低保户",
  "五保户",
  "特困户",
  "困难户",
  "边缘户",
  "监测户",
  "农户",
  "养殖户",
  "种植户",
  "贫困家庭",
  "困难家庭",
  "低保家庭",
  "脱贫家庭",
  "家庭",
  "住户"
];

/** Nouns of persons. */
export const PERSON_NOUNS = [
  "建档立卡贫困人口",
  "贫困人口",
  "脱贫人口",
  "农村人口",
  "人口",
  "贫困群众",
  "困难群众",
  "群众",
  "村民",
  "居民",
  "农民",
  "农民工",
  "党员",
  "干部",
  "职工",
  "工人",
  "学生",
  "贫困学生",
  "孩子",
  "儿童",
  "老人",
  "妇女",
  "残疾人",
  "劳动力",
  "贫困劳动力",
  "志愿者",
  "教师",
  "老师",
  "医生",
  "人员",
  "游客"
];

export const COUNTED_KINDS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ...HOUSEHOLD_NOUNS.map((noun): [string, Kind] => [noun, "households"]),
  ...PERSON_NOUNS.map((noun): [string, Kind] => [noun, "persons"])
]);

/** The counters that may count a household or person noun and then take its kind: 个, 家, and for persons 名 and 位
 * (already persons). Counters of things (处, 项, 座 …) keep their kind. */
export const GENERAL_COUNTERS = "个家";
