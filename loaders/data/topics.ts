// Words that mark each poverty-relief topic of the contract. Sources: the contract's topic names (产业扶贫, 就业扶贫 …),
// the central government's "五个一批" and "两不愁三保障" categories, and the programme names that 聊城's papers use
// (孝善扶贫, 光伏扶贫, 扶贫车间, 人居环境整治). A word counts once per occurrence; a title's words count double.
import type {Topic} from "../types.js";

export const TOPIC_WORDS: Record<Exclude<Topic, "other">, string[]> = {
  industry: [
    "产业扶贫",
    "扶贫产业",
    "产业项目",
    "合作社",
    "种植",
    "养殖",
    "大棚",
    "特色产业",
    "扶贫项目",
    "电商",
    "收益分红",
    "入股",
    "龙头企业",
    "产业园"
  ],
  employment: ["就业扶贫", "扶贫车间", "就业", "务工", "公益岗", "公益性岗位", "技能培训", "劳务", "工资", "岗位"],
  housing: [
    "危房改造",
    "住房安全",
    "人居环境",
    "庭院",
    "院墙",
    "厕所改造",
    "改厕",
    "易地搬迁",
    "安置",
    "房屋",
    "户容户貌",
    "六净一改善"
  ],
  education: ["教育扶贫", "助学", "资助", "学生", "学校", "奖学金", "雨露计划", "辍学", "教育"],
  health: ["健康扶贫", "医疗", "医保", "家庭医生", "签约", "体检", "就医", "大病", "慢性病", "卫生室", "医疗救助"],
  social_security: ["社保兜底", "兜底", "低保", "特困", "五保", "养老保险", "救助", "残疾", "临时救助", "供养"],
  filial: ["孝善", "孝心", "孝善基金", "养老", "敬老", "赡养", "幸福院"],
  pv: ["光伏", "光伏扶贫", "光伏电站", "发电"],
  culture: ["文化扶贫", "农家书屋", "书屋", "文化广场", "文化振兴", "图书", "文艺", "志智双扶", "扶志", "扶智"],
  infrastructure: ["道路", "修路", "硬化", "路灯", "饮水", "自来水", "桥", "电网", "水利", "村村通", "基础设施"]
};

/** A word that shows a text is about poverty relief, how strongly, and why. */
export interface PovertyReliefEvidence {
  word: string;
  /** 2: the campaign or its programmes by name; 1: a word that is poverty relief in most of these papers' uses but
   * not all (帮扶企业, 兜底保障 of employment), or poverty as a condition rather than the campaign (贫困育龄妇女). */
  weight: 1 | 2;
  reason: string;
}

// Sources: the campaign's names (精准扶贫, 脱贫攻坚 and their 扶贫/脱贫), the national registration of poor households
// (建档立卡) and its standard (两不愁三保障), the units it counts (贫困户, 贫困人口, 贫困村), and the programmes
// 聊城's papers report (孝善基金 of 孝善扶贫, 第一书记 sent to poor villages, 结对帮扶).
export const POVERTY_RELIEF_EVIDENCE: readonly PovertyReliefEvidence[] = [
  {word: "扶贫", weight: 2, reason: "the campaign by name: 精准扶贫, 产业扶贫, 扶贫车间"},
  {word: "脱贫", weight: 2, reason: "the campaign by its goal: 脱贫攻坚, 脱贫户, 脱贫摘帽"},
  {word: "建档立卡", weight: 2, reason: "the national register of poor households"},
  {word: "两不愁三保障", weight: 2, reason: "the campaign's standard for leaving poverty"},
  {word: "贫困户", weight: 2, reason: "the households the campaign registers and helps"},
  {word: "贫困人口", weight: 2, reason: "the people the campaign counts"},
  {word: "贫困村", weight: 2, reason: "the villages the campaign registers"},
  {word: "贫困群众", weight: 2, reason: "the campaign's word for the poor it serves"},
  {word: "贫困家庭", weight: 2, reason: "households in poverty, as the campaign's reports name them"},
  {word: "返贫", weight: 2, reason: "falling back into poverty, which the consolidation phase watches"},
  {word: "致贫", weight: 2, reason: "falling into poverty (因病致贫), the campaign's causes of poverty"},
  {word: "孝善基金", weight: 2, reason: "the fund of 孝善扶贫, 聊城's filial-piety poverty programme"},
  {
    word: "贫困",
    weight: 1,
    reason: "poverty as a condition (贫困育龄妇女, 家庭贫困): help for the poor, maybe not the campaign"
  },
  {word: "帮扶", weight: 1, reason: "the campaign's pairing of cadres with poor households, but also 帮扶企业"},
  {word: "第一书记", weight: 1, reason: "cadres sent to poor villages, and since 2021 to villages in general"},
  {
    word: "低保",
    weight: 1,
    reason: "minimum living allowance: the campaign's safety net (社保兜底), and welfare of its own"
  },
  {word: "兜底", weight: 1, reason: "the safety net of the campaign (兜底保障), and of employment or housing too"}
];

// Not evidence on its own: 攻坚 (污染防治攻坚战, 三大攻坚战, 攻坚克难 name other campaigns; 脱贫攻坚 counts by 脱贫),
// and 贫 alone (贫血, 清贫).

/**
 * How a text's evidence adds up. A sentence counts its strongest word once; the title counts double, since a
 * headline names what the article is about. An article is about poverty relief when the evidence reaches
 * MIN_EVIDENCE and, unless its title names the subject, at least MIN_SHARE of its sentences carry some: one
 * sentence that names the campaign among a meeting's other business, or two among thirty, is a mention in passing.
 */
export const POVERTY_RELIEF_RULE = {MIN_EVIDENCE: 3, TITLE_FACTOR: 2, MIN_SHARE: 0.1} as const;
