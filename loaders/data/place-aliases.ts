// Written forms of places beyond the register's names, and the words that keep short forms from matching non-places.
// Short forms are derived by rule in gazetteer.ts (strip 省/市/县/区/镇/乡/街道); this file holds what the rule cannot
// know: variants with evidence, and stems that are ordinary words.

export interface PlaceAlias {
  /** Register code (or zone code) of the place. */
  code: string;
  alias: string;
  kind: "former" | "ocr" | "variant";
  evidence: string;
}

const STATIONS = "/work/shared/geo/liaocheng-towns.geojson source_station_name (2019 AQI network)";

export const PLACE_ALIASES: PlaceAlias[] = [
  {code: "371502100", alias: "候营镇", kind: "ocr", evidence: STATIONS + " prints 候营镇; 候/侯 confusion"},
  {code: "371502100", alias: "候营", kind: "ocr", evidence: STATIONS},
  {code: "371502116", alias: "广平乡", kind: "former", evidence: STATIONS + " prints 广平乡"},
  {code: "371502115", alias: "韩集乡", kind: "former", evidence: STATIONS + " prints 韩集乡"},
  {code: "371502108", alias: "许营乡", kind: "former", evidence: "pre-2010 listings of 东昌府区 (许营乡)"},
  {code: "371502101", alias: "沙镇", kind: "variant", evidence: STATIONS + " prints 沙镇 for 沙镇镇"},
  {code: "371502010", alias: "蒋官屯镇", kind: "former", evidence: "2000 census listing (蒋官屯镇) before it became a 街道"},
  {code: "371502011", alias: "李海务镇", kind: "former", evidence: "2000 census listing (李海务镇) before it became a 街道"},
  {code: "371503", alias: "茌平县", kind: "former", evidence: "茌平县 became 茌平区 in 2019; older pages print 茌平县"},
  {code: "371521113", alias: "郭屯镇", kind: "variant", evidence: "issue 11: pages write 阳谷县郭屯镇 for 郭店屯镇"},
  {code: "371502", alias: "东昌府", kind: "variant", evidence: "seed 004: 东昌府讯, 东昌府分会场"},
  {code: "3715", alias: "江北水城", kind: "variant", evidence: "the city's epithet, used for 聊城 in its papers"}
];

/** Stems that are ordinary words (or too often part of one), so the stripped short form is not a place. */
export const SHORT_FORM_STOPWORDS = new Set([
  // prefecture-level stems elsewhere in China
  "日照", "来宾", "大同", "长治", "三明", "朝阳", "大庆", "四平", "安康", "中山", "金华", "白银", "包头", "开封",
  "孝感", "白山", "吉安", "普洱", "玉溪", "海东", "北海", "黄山", "保山", "阳江", "铜仁", "南平", "永州", "通化",
  // county-level city stems elsewhere in China
  "合作", "安宁", "五常", "尚志", "灯塔", "龙井", "沙河", "江山", "永安", "大安", "长乐", "开平", "新民", "明光",
  "天长", "孝义", "新乐", "安国", "南宫", "三河", "和龙", "敦化", "乐平", "高安", "宁国", "广水", "丰城", "瑞丽",
  "弥勒", "香格里拉", "庐山", "凯里", "北安", "安达", "铁力", "兴义", "清镇", "福泉", "个旧", "开远", "华蓥", "当阳",
  "宜都", "赤水", "仁怀", "海林", "宁安", "东港", "凤城", "北镇", "集安", "临江", "大理", "武安", "迁安", "平度",
  "龙口", "海阳", "新泰", "乐陵", "禹城", "荣成", "栖霞", "瑞金", "德兴", "共青城", "武夷山", "峨眉山",
  // town stems in the prefecture
  "振兴", "新区", "古城", "新城", "人和", "清泉", "清水", "大桥", "安乐", "七级", "西湖", "大布", "松林", "康庄",
  "樱桃园", "清平", "万善", "郑家", "东城", "北城", "新华路", "青年路", "先锋路", "柳林", "店子", "古楼", "崇文",
  "石佛", "东鲁", "定水", "湖西", "汇鑫", "信发", "高集", "刘集", "陈集", "于集", "姜店", "辛集", "梁村", "杨屯",
  "胡屯", "韩屯", "菜屯", "唐园", "烟店", "河店", "张寨", "魏庄", "潘庄", "范寨", "烟庄", "贾寨", "姚寨", "姜楼",
  "阎楼", "李台", "尚店", "燕店", "俎店", "固河", "梁水", "鱼山", "铜城", "博平", "广平"
]);

/** Words that end a short form as part of an organisation's name (北京银行, 聊城大学): not the place itself. */
export const ORG_AFTER = ["银行", "大学", "学院", "集团", "公司", "日报", "晚报", "宾馆", "酒店", "大道", "大街"];

/** Words after a bare or short form that show it is a person (王庄说, 张秋老师). */
export const PERSON_AFTER = [
  "说", "表示", "介绍", "告诉", "指出", "强调", "认为", "同志", "老师", "先生", "女士", "大爷", "大娘", "老人",
  "同学", "书记", "主任", "局长", "镇长", "县长", "村长", "一家", "夫妇", "笑着", "高兴地", "激动地"
];

/** Words before a bare or short form that show it is a person (贫困户刘屯, 记者张秋). */
export const PERSON_BEFORE = [
  "记者", "通讯员", "村民", "贫困户", "群众", "老人", "书记", "主任", "局长", "镇长", "县长", "同志", "老师", "大爷",
  "大娘", "先生", "女士", "同学", "编辑", "责编", "校对", "作者"
];

/** Words that end in 村 or 社区 but name no village (贫困村, 大社区): never the name part of an unregistered village. */
export const NOT_VILLAGE_NAMES = new Set([
  "贫困", "重点", "示范", "样板", "文化", "美丽", "新农", "行政", "自然", "空心", "城中", "合并", "所在", "邻近",
  "周边", "全", "该", "本", "各", "每", "农", "乡", "山", "渔", "驻", "包", "帮包", "结对", "对口", "软弱涣散",
  "省定贫困", "贫困户", "民俗文化", "动漫民俗文化", "特色", "生态", "旅游", "宜居", "幸福", "和谐", "文明", "先进",
  "星级", "试点", "整", "入", "进", "回", "到", "出", "下", "返", "留守", "驻村", "大", "小", "新型", "智慧", "城市",
  "农村", "居民", "老旧", "新建", "安置", "搬迁"
]);

/** First characters of village names besides surnames (data/surnames.ts): directions, sizes, numbers (东王庄, 大李庄,
 * 三里庄, 沿河); 南 is a surname. */
export const VILLAGE_FIRST_EXTRA = "东西北前后上下中大小新老一二三四五六七八九十沿";

/** Sentence words that point back at a level: with no place in the sentence, the fact is about that level. */
export const ANAPHORA: {word: string; level: "village" | "town" | "county" | "city"}[] = [
  {word: "该镇", level: "town"},
  {word: "全镇", level: "town"},
  {word: "该乡", level: "town"},
  {word: "全乡", level: "town"},
  {word: "该街道", level: "town"},
  {word: "全街道", level: "town"},
  {word: "全县", level: "county"},
  {word: "该县", level: "county"},
  {word: "全区", level: "county"},
  {word: "我县", level: "county"},
  {word: "我区", level: "county"},
  {word: "本县", level: "county"},
  {word: "本区", level: "county"},
  {word: "全市", level: "city"},
  // Last, so that a sentence that also points at a wider level (全县…村里) is about that one.
  {word: "村里", level: "village"},
  {word: "该村", level: "village"},
  {word: "本村", level: "village"},
  {word: "全村", level: "village"}
];

/** Words that end like a town or a village (镇, 乡, 街道, 村, 社区) but name no place, so a text that uses them has no
 * unresolved place name: a candidate ending in one of them is not listed. */
export const NOT_PLACE_WORDS = new Set([
  // kinds of settlement, not names: 乡镇, 城镇, 特色小镇, 千年古镇, 历史名镇, 经济强镇, 农业大镇
  "乡镇", "城镇", "集镇", "村镇", "市镇", "小镇", "古镇", "名镇", "重镇", "强镇", "大镇", "边镇",
  // the countryside and where one comes from: 城乡, 家乡, 返乡创业, 送戏下乡, 老乡
  "城乡", "家乡", "故乡", "返乡", "回乡", "下乡", "还乡", "离乡", "思乡", "老乡", "同乡", "异乡", "他乡", "水乡",
  "梦乡", "进乡",
  // a town pointed back at or counted, not named: 全镇, 该乡, 各街道 (ANAPHORA holds the ones that place a fact)
  "全镇", "该镇", "本镇", "各镇", "每镇", "我镇", "全乡", "该乡", "本乡", "各乡", "每乡", "我乡", "全街道", "该街道",
  "本街道", "各街道", "城市街道", "镇街道",
  // counted or divided by compass point: 三个镇, 一个乡, 五个街道, 西部街道
  "个镇", "个乡", "个街道", "部镇", "部乡", "部街道",
  // verbs: 坐镇指挥
  "坐镇",
  // register villages whose names are also ordinary words, written in running text as the word: 和谐村 (four in the
  // prefecture), 新村 (two), 幸福社区, 文化社区
  "和谐村", "新村", "幸福社区", "文化社区"
]);

/** Characters after 乡 that make it the first character of a word (乡村, 乡镇, 乡亲, 乡土, 乡愁, 乡贤), not the
 * suffix of a township's name. */
export const WORDS_STARTING_XIANG = new Set("村镇亲土愁情贤音里邻间野俗风".split(""));
