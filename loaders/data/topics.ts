// Words that mark each poverty-relief topic of the contract. Sources: the contract's topic names (产业扶贫, 就业扶贫 …),
// the central government's "五个一批" and "两不愁三保障" categories, and the programme names that 聊城's papers use
// (孝善扶贫, 光伏扶贫, 扶贫车间, 人居环境整治). A word counts once per occurrence; a title's words count double.
import type {Topic} from "../types.js";

export const TOPIC_WORDS: Record<Exclude<Topic, "other">, string[]> = {
  industry: ["产业扶贫", "扶贫产业", "产业项目", "合作社", "种植", "养殖", "大棚", "特色产业", "扶贫项目", "电商", "收益分红", "入股", "龙头企业", "产业园"],
  employment: ["就业扶贫", "扶贫车间", "就业", "务工", "公益岗", "公益性岗位", "技能培训", "劳务", "工资", "岗位"],
  housing: ["危房改造", "住房安全", "人居环境", "庭院", "院墙", "厕所改造", "改厕", "易地搬迁", "安置", "房屋", "户容户貌", "六净一改善"],
  education: ["教育扶贫", "助学", "资助", "学生", "学校", "奖学金", "雨露计划", "辍学", "教育"],
  health: ["健康扶贫", "医疗", "医保", "家庭医生", "签约", "体检", "就医", "大病", "慢性病", "卫生室", "医疗救助"],
  social_security: ["社保兜底", "兜底", "低保", "特困", "五保", "养老保险", "救助", "残疾", "临时救助", "供养"],
  filial: ["孝善", "孝心", "孝善基金", "养老", "敬老", "赡养", "幸福院"],
  pv: ["光伏", "光伏扶贫", "光伏电站", "发电"],
  culture: ["文化扶贫", "农家书屋", "书屋", "文化广场", "文化振兴", "图书", "文艺", "志智双扶", "扶志", "扶智"],
  infrastructure: ["道路", "修路", "硬化", "路灯", "饮水", "自来水", "桥", "电网", "水利", "村村通", "基础设施"]
};

// A page is about poverty relief when it names the campaign or its programmes, not merely "贫" somewhere.
export const POVERTY_RELIEF_WORDS = [
  "扶贫",
  "脱贫",
  "贫困户",
  "贫困人口",
  "贫困村",
  "贫困群众",
  "建档立卡",
  "精准扶贫",
  "攻坚",
  "两不愁三保障",
  "低保",
  "兜底",
  "孝善基金",
  "第一书记",
  "帮扶"
];
