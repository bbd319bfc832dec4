// How the pages this engine reads are laid out: the lines that open a report (source lines and lead-ins), the kicker
// forms above a headline, and the furniture a web reprint leaves around its article (menus, breadcrumbs, tool links,
// related-news lists). Sources: the seeds (本报聊城3月15日讯, 开发区讯, 东昌府讯), the house styles of 新华社 (datelined
// 新华社北京11月18日电), of 央视网's 新闻联播 transcripts (央视网消息（新闻联播）：) and of county government portals
// (当前位置：首页 > …, 【打印本页】【关闭窗口】, 上一篇/下一篇), as described in issue 11. Every pattern is anchored and
// bounded, so each is tried in time linear in the line.

export interface LinePattern {
  pattern: RegExp;
  example: string;
  why: string;
  /** Characters of which every text the pattern matches holds one: a line with none is not tried (cues.ts). */
  cues?: string;
}

/** News agencies and media whose name opens a datelined report (新华社北京11月18日电, 中新社济南5月3日电). */
const AGENCIES = "新华社|中新社|中新网|人民网|新华网|央视网|央广网|大众网|齐鲁网|中国新闻网|大众日报";

/**
 * The source line that opens a report, removed from the text and kept as `source`. Group 1 is the source as
 * printed; a parenthesis after it (the reporters, or the programme: 新闻联播) follows in the text.
 */
export const SOURCE_LINES: readonly LinePattern[] = [
  {
    pattern: /^(本报[\u4e00-\u9fff]{0,8}?(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?[讯电])/,
    example: "本报聊城3月15日讯",
    cues: "讯电",
    why: "the paper's own report, optionally datelined"
  },
  {
    pattern: new RegExp(`^((?:${AGENCIES})[\\u4e00-\\u9fff]{0,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日电)`),
    example: "新华社北京11月18日电",
    cues: "电",
    why: "an agency's datelined dispatch"
  },
  {
    pattern: new RegExp(`^((?:${AGENCIES}|[\\u4e00-\\u9fff]{1,6}(?:网|台|客户端))消息)`),
    example: "央视网消息（新闻联播）：",
    cues: "息",
    why: "a web or broadcast newsroom's report"
  },
  {
    pattern: /^([\u4e00-\u9fff]{1,10}?(?:区|县|市|府|镇|乡|街道|社区|园区)讯)/,
    example: "开发区讯",
    cues: "讯",
    why: "a county or district paper's own report: the place word right before 讯"
  }
];

/**
 * A body that opens like a report though it prints no source line: evidence that the heading above it is a headline.
 * Kept in the text.
 */
export const LEAD_OPENERS: readonly LinePattern[] = [
  {
    pattern: /^(?:近日，|近日,)?(?:本报)?记者(?:近日)?从[^，,。]{1,30}?(?:获悉|了解到)/,
    example: "记者从冠县扶贫办获悉",
    cues: "记",
    why: "the reporter's source named in the first words"
  },
  {
    pattern: /^(?:近日|日前)[，,]\s?记者(?:走进|来到|深入|在|从)/,
    example: "近日，记者走进东昌府区堂邑镇",
    cues: "记",
    why: "a reporter's visit opens a feature"
  },
  {
    pattern: /^据[\u4e00-\u9fff]{2,12}(?:报道|消息)[，,：:]/,
    example: "据新华社报道，…",
    cues: "据",
    why: "a report relayed from another outlet"
  },
  {
    pattern: /^当地时间[0-9０-９一二三四五六七八九十]{1,3}日/,
    example: "当地时间17日，联合国秘书长…",
    cues: "当",
    why: "a foreign-news item opens on the local date"
  }
];

/**
 * A kicker in square brackets: a column name above or before the headline (【决战决胜脱贫攻坚】冠县…). Group 1 is the
 * column, group 2 the headline when it follows on the same line.
 */
export const BRACKET_KICKER = /^【([^【】\n]{1,20})】\s*(.{0,60})$/;

/** Tool links of web pages, sometimes written in square brackets like a kicker: never a column. */
export const TOOL_LINKS =
  /^(?:[【\[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|收藏|返回顶部|大|中|小)\s*[】\]]?\s*){1,6}$/;

/** What a web reprint prints around its article, dropped as furniture with the reason "navigation". */
export const NAVIGATION: readonly LinePattern[] = [
  {
    pattern: /^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]/,
    example: "当前位置：首页 > 扶贫动态",
    cues: ":：",
    why: "breadcrumb"
  },
  {pattern: /^(?:首页|网站首页)\s*[>»›]/, example: "首页 > 新闻中心 > 正文", cues: ">»›", why: "breadcrumb"},
  {
    pattern: /^(?:来源|作者|编辑|发布时间|发布日期|更新时间|浏览次数|点击数|阅读次数|信息来源)\s*[:：]/,
    example: "来源：聊城日报 作者：孙丽 2020-05-29 浏览次数：1024",
    cues: ":：",
    why: "the article's metadata line (its date is read as the issue date)"
  },
  {pattern: /^字号\s*[:：]|^【?\s*字体\s*[:：]/, example: "字号：大 中 小", cues: ":：", why: "font-size switch"},
  {pattern: /^分享到\s*[:：]?/, example: "分享到：微信 微博", cues: "享", why: "share buttons"},
  {
    pattern: /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]/,
    example: "上一篇：冠县…",
    cues: ":：",
    why: "links to neighbours"
  },
  {
    pattern: /版权所有|ICP备|ICP证|Copyright|©|网站标识码|公网安备/,
    example: "版权所有：聊城扶贫网",
    cues: "版IC©网",
    why: "site footer"
  },
  {pattern: TOOL_LINKS, example: "【打印本页】 【关闭窗口】", cues: "打关收返大中小", why: "tool links"}
];

/** A site's menu starts with its home link, a line of its own; the short lines after it are the menu's other
 * entries. */
export const MENU_START = ["首页", "网站首页", "返回首页"];
/** Longest entry of a site menu. */
export const MENU_ENTRY_MAX = 8;

/** The heading of a list of links to other articles, a line of its own, dropped with the headlines under it. */
export const RELATED_LIST = [
  "相关新闻",
  "相关阅读",
  "相关文章",
  "相关链接",
  "推荐阅读",
  "延伸阅读",
  "热点新闻",
  "热门文章",
  "精彩推荐",
  "猜你喜欢"
];

/** The heading of a contents box, a line of its own; its entries are titles followed by page references. */
export const CONTENTS_HEADINGS = ["导读", "今日导读", "本期导读", "本版导读", "要闻导读", "内容提要", "要目提要"];
