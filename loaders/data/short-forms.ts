// Counties written short outside the configured prefecture (郓城, 罗田, 山东临沭): every county named 县 in the
// register is also known by its stem (gazetteer.ts), trusted where it starts a word or follows a place
// (places/scan.ts). This file holds what that rule cannot know: the stems that are ordinary words, and the longer
// words some stems start.

/** Stems of the register's 1,205 counties named 县 (NBS 2023) that are ordinary words or phrases of news prose, read
 * by hand from the list of stems: `富民政策`, `和平发展`, `延长产业链` hold no county. */
export const COUNTY_STEM_WORDS = new Set([
  "无极", "大城", "安平", "平定", "长子", "和顺", "永和", "方山", "交口", "兴和", "康平", "黑山", "方正", "富裕", "友谊", "东海", "滨海", "象山", "长兴",
  "开化", "三门", "天台", "太湖", "望江", "定远", "太和", "东山", "平和", "莲花", "进贤", "永修", "兴国", "永丰", "万安", "安福", "永新", "上高", "乐安",
  "万年", "平原", "新安", "宝丰", "博爱", "台前", "民权", "光山", "商城", "正阳", "公安", "云梦", "石门", "永兴", "嘉禾", "东安", "宁远", "新田", "会同",
  "凤凰", "龙山", "新丰", "广宁", "龙门", "紫金", "和平", "新兴", "资源", "灵山", "兴业", "乐业", "天等", "大新", "三台", "南部", "仁寿", "长宁", "大竹",
  "天全", "宝兴", "乐至", "金川", "黑水", "九龙", "白玉", "开阳", "正安", "金沙", "大方", "普安", "天柱", "独山", "长顺", "富民", "富源", "通海", "大关",
  "永善", "威信", "永胜", "永德", "南华", "红河", "永平", "云龙", "安多", "比如", "尼玛", "太白", "武功", "延长", "黄龙", "山阳", "永昌", "会宁", 
  "民乐", "高台", "灵台", "金塔", "合水", "正宁", "康乐", "共和", "同德", "乌兰", "永宁", "同心", "温泉", "新和", "民丰", "裕民", "青河", "福海", "清河",
  "永清", "兴隆", "东光", "长海", "新河", "明水", "响水", "金湖", "五河", "石台", "来安", "金门", "安远", "政和", "古田", "建宁", "惠安", "华安", "会昌",
  "石城", "南城", "惠民", "庆云", "新化", "东平", "宜良", "静乐", "多伦", "建平", "延寿", "集贤", "庆安", "德清", "安吉", "新昌", "常山", "仙居", "平阳",
  "文成", "永嘉", "嘉善", "永泰", "清流", "德化", "永春", "光泽", "周宁", "全南", "宜丰", "靖安", "铜鼓", "万载", "五台", "华容", "景泰", "亚东", "固镇",
  "含山", "长丰", "建湖", "宝应", "连城", "安义", "武宁", "新干", "余干"
]);

/** Words that start with a short form but are not about its place: a brand or product named for the place (东阿阿胶,
 * the company's gelatin), or an idiom (大名鼎鼎). The short form is not a mention where the text has one of these. */
export const SHORT_FORM_GUARDS: {word: string; why: string}[] = [
  {word: "东阿阿胶", why: "the brand of 东阿阿胶股份有限公司's donkey-hide gelatin, sold nationwide (issue 11)"},
  {word: "大名鼎鼎", why: "idiom"},
  {word: "大名府", why: "the historical prefecture (大名府), a different unit from today's 大名县"}
];
