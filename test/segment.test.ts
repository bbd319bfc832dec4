import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {htmlToText} from "../loaders/decode.js";
import {repair} from "../loaders/repair.js";
import {closingByline, segment, sourceLine, topByline, type Article} from "../loaders/segment.js";

const seed = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");
const articlesOf = (name: string) => segment(repair(seed(name)).paragraphs);

// Each seed's articles as a careful reader lists them: [kicker, title, subtitle, byline, dateline].
type Row = [string | null, string, string | null, string | null, string | null];
const rows = (articles: Article[]): Row[] => articles.map((a) => [a.kicker, a.title, a.subtitle, a.byline, a.dateline]);

test("seed 000: fourteen county briefs, bylines closing the items that have them", () => {
  assert.deepEqual(rows(articlesOf("000_75a53e5b155eac84.txt")), [
    [null, "莘县县委书记王峰就大气污染防治工作进行现场办公", null, "王珊", "8月31日下午"],
    ["决战决胜·脱贫攻坚——聊城在行动", "阳谷县张秋镇李堤口建造农家书屋丰富文化生活", null, "张慧 李新胜 吴传来", null],
    [null, "茌平区信发街道召开扶贫专干培训会议", null, null, "8月23日上午"],
    [null, "聊城开发区持续规范提升贫困户庭院建设水平", null, null, "今年以来"],
    [null, "阳谷县高庙王镇:金银花开“金银”来", null, "郝磊", null],
    [null, "聊城高新区:芳香产业助脱贫", null, null, null],
    [null, "聊城开发区持续做好孝善扶贫", null, null, "8月份以来"],
    [null, "聊城开发区聚焦扶贫工作提升", null, null, "8月份以来"],
    [null, "聊城高新区“产业扶贫”扶到贫困群众心坎上", null, null, null],
    [null, "聊城高新区实验小学开展暑期教育扶贫工作", null, null, null],
    [null, "聊城市工信局携联通公司来茌平区助力脱贫攻坚", null, null, "7月30日"],
    [null, "茌平区温陈街道开展脱贫攻坚工作“规范提升月”活动", null, null, "8月26日"],
    [null, "诸城一临清扶贫协作对接会议召开", null, "张博", "8月25日"],
    [null, "阳谷县博济桥街道:扎实做好脱贫攻坚巩固提升工作", null, null, "2020年以来"]
  ]);
});

test("seed 001: a signed feature with section headings, then signed briefs, one untitled, and a notice", () => {
  const articles = articlesOf("001_fc0604a895fcbabd.txt");
  assert.deepEqual(rows(articles), [
    [
      "补短板、做强项、提品质,聊城高新技术产业开发区",
      "脱贫攻坚工作稳步推进,不断迈向新台阶",
      "五年攻坚克难 促进真抓实干",
      "齐鲁晚报·齐鲁壹点 记者 张超",
      null
    ],
    [null, "摘掉贫困帽 身残志坚好榜样", null, "孙宏钰 秦晓丹", "今年6月份"],
    [null, "", null, "秦晓丹", null],
    [null, "莘县妹冢镇:扶贫扶志,将爱传承到底", null, "孙宏钰 秦晓丹", null],
    [null, "莘县妹冢镇:巩固提升扶贫验收成效", null, "秦晓丹 孙宏钰", null],
    [null, "莘县妹冢镇开展贫困户人居环境大整改、大提升活动", null, "秦晓丹", null],
    [null, "莘县妹冢镇:步步为营决战决胜脱贫攻坚", null, "秦晓丹", null],
    [null, "临清市新华路街道:以决战决胜的姿态高质量打赢脱贫攻坚战", null, "张博", "近期"],
    [null, "贫困户新面貌“舞出”幸福新生活", null, "张博", null],
    [null, "聊城位山:风沙地打造成生态旅游名片", null, null, null],
    [null, "挂失声明", null, null, null]
  ]);
  const feature = articles[0].text;
  for (const section of ["五年革弊鼎新 凝聚各方力量", "五年稳扎稳打 提高脱贫成效", "五年勇担责任 共享全面小康"]) {
    assert.ok(feature.split("\n").includes(section), section);
  }
  assert.ok(feature.includes("挂图作战,确保各项工作落到实处"));
  assert.ok(articles[2].text.startsWith("“闺女,下着雨还来看我"));
  assert.deepEqual(
    articles.map((a) => a.notice),
    articles.map((a) => a.title === "挂失声明")
  );
});

test("seed 002: 本报讯 reports with subtitle and lead-in kicker, then signed county briefs", () => {
  const articles = articlesOf("002_72051a4ed1e9c469.txt");
  assert.deepEqual(rows(articles), [
    [
      null,
      "高新区“双城”共建推进会召开",
      "强化督查问责,问题整改不到位,相关负责人将被约谈",
      "记者 凌文秀 通讯员 楚诗韬",
      "15日"
    ],
    ["全市教育系统召开“双创”工作动员大会", "积极打造优越的文化教育环境", null, "记者 张超", "15日"],
    [null, "莘县妹冢镇:将打赢脱贫攻坚战作为核心工作", null, "王德卫", "2018年"],
    [null, "莘县东鲁街道:探索抓党建促扶贫新路子", null, "王志强", null],
    [null, "莘县妹冢镇:贫困户有了“新工作”", null, "王德卫", null],
    [null, "莘县十八里铺镇扶贫早谋划", null, "王远征", null],
    [null, "莘县河店镇结对帮扶显真情", null, "王尚飞", "近日"],
    [null, "莘县妹冢镇:为贫困育龄妇女提供家政培训", null, "吴廷昌、王德卫", "近日"],
    [null, "莘县柿子园镇加强党员作风建设", null, "邵元龙", null]
  ]);
  assert.deepEqual(
    articles.slice(0, 2).map((a) => a.source),
    ["本报聊城3月15日讯", "本报聊城3月15日讯"]
  );
  assert.ok(articles[0].text.startsWith("15日,高新区召开"));
  assert.ok(articles[0].text.includes("工作面临的形势还很严峻"), "caption dropped and the sentence rejoined");
  assert.ok(!articles[1].text.includes("动员大会。"), "repeated caption dropped");
  assert.ok(articles[1].text.includes("推进生活方式绿色化"));
});

test("seed 003: masthead page of 今日开发区 with a continued feature, 开发区讯 reports and a boxed byline", () => {
  const repaired = repair(seed("003_a86968a7765ce166.txt"));
  assert.equal(repaired.masthead, "今日开发区");
  const articles = segment(repaired.paragraphs);
  assert.deepEqual(rows(articles), [
    ["回眸 2019", "开发区脱贫攻坚人的“奋斗四季”", null, "王长新 于洋", null],
    [null, "开发区召开党工委(扩大)会议", null, "程威威", "1月10日"],
    [null, "全区生态环境保护工作推进会召开", null, "韩小凤", "1月14日"],
    [null, "开发区党工委理论学习中心组进行集体学习", null, "程威威", "1月10日"],
    ["不忘初心 牢记使命", "物流园区:一天解决企业难题", null, "薛蓓蓓", "1月3日"],
    [null, "东城街道再掀“指尖学习”热", null, "张海宇", "近日"]
  ]);
  const feature = articles[0].text.split("\n");
  for (const section of ["春之声", "以思想“破冰”带动行动“突围”", "夏之情", "秋之实", "攻坚战打出新篇章"]) {
    assert.ok(feature.includes(section), section);
  }
  const all = articles.map((a) => a.text).join("\n");
  for (const furniture of ["下转3版", "今日导读", "统稿", "准印字号", "主管主办", "打好碧水蓝天保卫战"]) {
    assert.ok(!all.includes(furniture), furniture);
  }
});

test("seed 004: 东昌府讯 reports with closing bylines, then 融媒体中心 features with section headings", () => {
  const articles = articlesOf("004_5f9f883e554d2686.txt");
  assert.deepEqual(rows(articles), [
    [
      null,
      "山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开",
      "强化使命担当勇于开拓创新 聚力推进绿色低碳高质量发展先行区建设 / 我区设分会场组织收听收看",
      "融媒体中心 徐振鑫 朱晓斌",
      "11月18日"
    ],
    [
      null,
      "全市新冠肺炎疫情防控工作视频会议召开",
      "我区设分会场组织收听收看",
      "融媒体中心 全兴社 朱晓斌",
      "11月18日上午"
    ],
    [null, "暖心! 3360斤爱心蔬菜送进隔离居民家中", null, "融媒体中心 徐振鑫 通讯员 杨晓翠", "11月17日上午"],
    [null, "双拥花开 鱼水情深", "全区深入推进双拥工作纪实", "融媒体中心 全兴社 通讯员 郭瑛琦", null],
    [
      null,
      "让每一位脱贫群众稳稳的收获幸福",
      "侯营镇持续巩固脱贫攻坚成果 助力乡村振兴",
      "融媒体中心 全兴社 通讯员 潘凤艳",
      "11月18日"
    ]
  ]);
  assert.deepEqual(
    articles.map((a) => a.source),
    ["东昌府讯", "东昌府讯", null, null, null]
  );
  assert.ok(articles[3].text.split("\n").includes("千企万店齐拥军"));
});

test("repair rejoins a sentence broken across blank lines and keeps real paragraph breaks", () => {
  const said = "王峰指出,各有关部门要抓住扬尘治理这个关键,齐抓共管。各相关";
  const page = `标题在这里\n\n${said}\n\n\n\n职能部门要加大执法监管力度。\n\n第二段开始了。`;
  assert.deepEqual(
    repair(page).paragraphs.map((p) => p.text),
    ["标题在这里", `${said}职能部门要加大执法监管力度。`, "第二段开始了。"]
  );
  const yard =
    "今年以来,持续清除三大堆,合理布局,在空闲位置发展庭院经济,种植蔬菜或果木,做到贫\n\n困户庭院安全干净规范。";
  assert.deepEqual(
    repair(yard).paragraphs.map((p) => p.text),
    ["今年以来,持续清除三大堆,合理布局,在空闲位置发展庭院经济,种植蔬菜或果木,做到贫困户庭院安全干净规范。"]
  );
});

test("repair does not join a headline, subtitle or byline into the text", () => {
  const page =
    "高新区召开推进会\n\n强化督查问责,相关负责人将被约谈\n\n本报聊城3月15日讯(记者 凌文秀) 15日,高新区召开大会。\n\n正文没有结尾的句子\n\n(郝磊)";
  assert.deepEqual(
    repair(page).paragraphs.map((p) => p.text),
    [
      "高新区召开推进会",
      "强化督查问责,相关负责人将被约谈",
      "本报聊城3月15日讯(记者 凌文秀) 15日,高新区召开大会。",
      "正文没有结尾的句子",
      "(郝磊)"
    ]
  );
});

test("repair drops page furniture and reports each with its reason", () => {
  const page = [
    "今日开发区",
    "中共聊城经济技术开发区工委主管主办",
    "2020年1月16日 星期四",
    "推进会召开",
    "会议指出,要做好工作。(下转3版)",
    "今日导读",
    "开发区:以“双招双引”引领高质量发展",
    "2版",
    "统稿:赵宏磊 校对:蒋红帅",
    "推进会召开。",
    "新的一段。"
  ].join("\n\n");
  const {paragraphs, masthead, dropped} = repair(page);
  assert.equal(masthead, "今日开发区");
  assert.deepEqual(
    paragraphs.map((p) => [p.text, p.continued]),
    [
      ["推进会召开", false],
      ["会议指出,要做好工作。", true],
      ["新的一段。", false]
    ]
  );
  assert.deepEqual(
    [...new Set(dropped.map((d) => d.reason))],
    ["masthead", "page jump", "contents box", "editorial credits", "photo caption"]
  );
});

test("byline forms as printed", () => {
  assert.deepEqual(closingByline("为他们树立了好榜样! (孙宏钰 秦晓丹)"), {
    body: "为他们树立了好榜样!",
    byline: "孙宏钰 秦晓丹"
  });
  assert.deepEqual(closingByline("顺利地完成了就业。(吴廷昌、王德卫)"), {
    body: "顺利地完成了就业。",
    byline: "吴廷昌、王德卫"
  });
  assert.equal(closingByline("现代化的设施(wifi、电脑及投影仪)"), null);
  assert.equal(closingByline("丢失许可证(正本)"), null);
  assert.equal(topByline("□王长新 于洋"), "王长新 于洋");
  assert.equal(topByline("齐鲁晚报·齐鲁壹点 记者 张超"), "齐鲁晚报·齐鲁壹点 记者 张超");
  assert.equal(topByline("融媒体中心 徐振鑫 通讯员 杨晓翠"), "融媒体中心 徐振鑫 通讯员 杨晓翠");
  assert.equal(topByline("春之声"), null);
  assert.equal(topByline("不忘初心 牢记使命"), null);
  assert.deepEqual(sourceLine("本报聊城3月15日讯(记者 凌文秀 通讯员 楚诗韬) 15日,高新区召开"), {
    source: "本报聊城3月15日讯",
    byline: "记者 凌文秀 通讯员 楚诗韬",
    rest: "15日,高新区召开"
  });
  assert.deepEqual(sourceLine("开发区讯(程威威)1月10日,开发区"), {
    source: "开发区讯",
    byline: "程威威",
    rest: "1月10日,开发区"
  });
  assert.deepEqual(sourceLine("东昌府讯 11月18日,山东省"), {source: "东昌府讯", byline: null, rest: "11月18日,山东省"});
  assert.equal(sourceLine("通讯员到村里走访"), null);
});

test("a page without headings is one untitled article; a notice heading makes a notice", () => {
  assert.deepEqual(
    segment(["第一段。", "第二段。"]).map((a) => [a.title, a.text]),
    [["", "第一段。\n第二段。"]]
  );
  const [notice] = segment(["遗失声明", "张三丢失身份证,声明作废。"]);
  assert.equal(notice.notice, true);
  assert.equal(segment(["张三丢失身份证,声明作废。"])[0].notice, true);
  // A page run into one line, with a notice somewhere in it, is news: a notice is a paragraph or two.
  const runOn =
    "冠县投入扶贫资金3000万元,建成扶贫车间12个,".repeat(20) + "张三丢失身份证,声明作废," + "带动1200人就业,".repeat(10);
  assert.equal(segment([runOn])[0].notice, false);
});

test("segmentation of a megabyte without line breaks or punctuation is linear", () => {
  const t0 = performance.now();
  const articles = segment(repair("扶贫".repeat(500_000)).paragraphs);
  assert.equal(articles.length, 1);
  const t1 = performance.now();
  segment(repair("(".repeat(1_000_000) + "\n" + "“".repeat(1_000_000)).paragraphs);
  assert.ok(performance.now() - t0 < 30_000, `${performance.now() - t0} ms`);
  assert.ok(t1 - t0 < 20_000);
});

test("a line with a long run of spaces inside it is trimmed in linear time", () => {
  const t0 = performance.now();
  const {paragraphs} = repair(`  扶贫${" ".repeat(1_000_000)}攻坚\u3000\n${"\u3000".repeat(500_000)}。脱贫`);
  assert.ok(performance.now() - t0 < 20_000, `${performance.now() - t0} ms`);
  assert.equal(paragraphs[0].text.slice(0, 2), "扶贫");
  assert.equal(paragraphs.at(-1)!.text.slice(-3), "。脱贫");
});

const page = (path: string) => readFileSync(new URL(`./fixtures/pages/${path}`, import.meta.url), "utf8");
const titles = (text: string) => segment(repair(text).paragraphs).map((a) => [a.kicker, a.title, a.source]);

test("a broadcast transcript: twelve items, no bylines, bodies open with a source line, a lead-in or nothing", () => {
  assert.deepEqual(titles(page("2020-11-18/broadcast.txt")), [
    ["新闻联播文字版", "习近平会见南非总统", "央视网消息（新闻联播）"],
    [null, "李克强主持召开国务院常务会议", "央视网消息（新闻联播）"],
    ["决战决胜脱贫攻坚", "山东：2.5万名驻村干部坚守一线", "央视网消息（新闻联播）"],
    [null, "国务院扶贫办：今年已有52个贫困县申请退出", "新华社北京11月18日电"],
    [null, "贵州易地扶贫搬迁群众稳定就业", "央视网消息（新闻联播）"],
    [null, "甘肃定西马铃薯产业带动群众增收", null],
    [null, "各地做好冬季供暖保障", null],
    [null, "聊城扶贫车间让群众家门口就业", "央视网消息（新闻联播）"],
    [null, "全国秋冬种进度过半", null],
    [null, "我国成功发射一颗通信卫星", null],
    [null, "联合国呼吁加强全球抗疫合作", null],
    [null, "本台短评：凝心聚力啃下最后的硬骨头", "央视网消息（新闻联播）"]
  ]);
});

test("an e-paper page: masthead and its date line dropped, 【】 kickers, a signed feature keeps its sections", () => {
  const {masthead, dropped} = repair(page("epaper-daily.txt"));
  assert.equal(masthead, "聊城日报");
  assert.deepEqual(
    dropped.map((d) => d.line),
    ["聊城日报", "中共聊城市委机关报", "2016年10月16日", "第3版：要闻"]
  );
  const articles = segment(repair(page("epaper-daily.txt")).paragraphs);
  assert.deepEqual(
    articles.map((a) => [a.kicker, a.title, a.byline]),
    [
      ["精准扶贫在行动", "冠县1.2万户贫困户年内脱贫", "记者 李明 通讯员 王红"],
      [null, "莘县建成扶贫车间86个", "通讯员 张伟"],
      [null, "茌平贫困村通上自来水", null],
      [null, "阳谷：光伏扶贫电站并网发电", null],
      [null, "一个贫困村的蜕变", "本报记者 刘洋"],
      [null, "高唐为贫困户发放小额贷款", null],
      [null, "临清：社会扶贫凝聚合力", "赵敏"]
    ]
  );
  assert.deepEqual(
    articles[4].text.split("\n").filter((l) => l.length < 10),
    ["产业兴起来", "日子好起来"]
  );
});

test("a web reprint: menu, breadcrumb, metadata, tool links, neighbours, related news and footer are furniture", () => {
  const {dropped, paragraphs} = repair(htmlToText(page("2020/05/29/reprint.html")));
  const articles = segment(paragraphs);
  assert.deepEqual(
    articles.map((a) => a.title),
    ["莘县：扶贫车间开到家门口"]
  );
  assert.ok(dropped.some((d) => d.reason === "navigation" && d.line.startsWith("当前位置")));
  assert.ok(
    dropped.some((d) => d.line === "东阿：阿胶产业带贫增收"),
    "related news"
  );
});

test("a heading after an unsigned brief opens the next item; numbered sections and signed features stay whole", () => {
  const brief = [
    "东阿为贫困户送温暖",
    "东阿县组织干部走访贫困户。",
    "冬日里的一碗热汤",
    "清晨六点，老人们已经坐满了食堂。"
  ];
  assert.deepEqual(
    segment(brief).map((a) => a.title),
    ["东阿为贫困户送温暖", "冬日里的一碗热汤"]
  );
  const numbered = ["东阿县扶贫工作综述", "东阿县全面推进扶贫工作。", "一、产业扶贫", "全县建成扶贫车间。"];
  assert.equal(segment(numbered).length, 1);
  const signed = ["一个村的变化", "□本报记者 刘洋", "走进村里，新房林立。", "产业兴起来", "村里成立了合作社。"];
  assert.equal(segment(signed).length, 1);
});

test("source lines: the paper's, an agency's datelined, a newsroom's with its programme, a district's", () => {
  const src = (s: string) => {
    const m = sourceLine(s);
    return m && [m.source, m.byline, m.rest];
  };
  assert.deepEqual(src("央视网消息（新闻联播）：国家主席习近平18日会见南非总统。"), [
    "央视网消息（新闻联播）",
    null,
    "国家主席习近平18日会见南非总统。"
  ]);
  assert.deepEqual(src("新华社北京11月18日电 记者从国务院扶贫办获悉"), [
    "新华社北京11月18日电",
    null,
    "记者从国务院扶贫办获悉"
  ]);
  assert.deepEqual(src("本报讯（记者 孙丽）今年以来"), ["本报讯", "记者 孙丽", "今年以来"]);
  assert.deepEqual(src("开发区讯(程威威) 1月10日"), ["开发区讯", "程威威", "1月10日"]);
  assert.equal(src("记者从冠县扶贫办获悉，全县…"), null);
});

test("a body paragraph then 200k heading-like lines: no stack overflow (no array spread into a call)", () => {
  const lines = "莘县妹冢镇扶贫工作推进会召开。\n" + "产业兴起来\n".repeat(200_000);
  const articles = segment(repair(lines).paragraphs);
  assert.equal(articles.length, 2);
  assert.equal(articles[1].subtitle?.split(" / ").length, 199_998, "a kicker, a title and the rest");
});

test("a page jump followed by a flood of spaces is removed in linear time", () => {
  const t0 = performance.now();
  const {paragraphs} = repair(`测试(转${" ".repeat(200_000)}\n测试(转 第 3 版)。`);
  assert.ok(performance.now() - t0 < 20_000, `${performance.now() - t0} ms`);
  assert.equal(paragraphs.at(-1)!.text, "测试(转测试。", "the unclosed jump is text; the closed one is gone");
});

test("a generated broadcast archive of 200 items in mixed forms: every headline found as an article", () => {
  let seed = 7;
  const pick = <T>(xs: readonly T[]): T => xs[((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) % xs.length];
  const places = ["冠县", "莘县", "阳谷县", "东阿县", "高唐县", "临清市", "茌平区", "东昌府区", "贵州", "甘肃定西"];
  const deeds = [
    "扶贫车间吸纳群众就业",
    "光伏电站并网发电",
    "小额信贷助农增收",
    "特色种植带动脱贫",
    "易地搬迁群众稳定增收"
  ];
  const opens = [
    (p: string, d: string) => `央视网消息（新闻联播）：${p}${d}，当地群众收入稳步提高。`,
    (p: string, d: string) => `新华社北京11月18日电 记者从${p}扶贫办获悉，当地${d}。`,
    (p: string, d: string) => `记者从${p}有关部门获悉，今年以来当地${d}。`,
    (p: string, d: string) => `${p}${d}，一批群众在家门口实现了就业。`,
    () => "清晨的村庄里，机器声已经响起，村民们陆续走进车间开始一天的工作。",
    () => "当地时间17日，有关国际组织发布报告，呼吁各方加强合作。"
  ];
  const expected: string[] = [];
  const lines: string[] = ["新闻联播文字版"];
  for (let k = 0; k < 200; k++) {
    const [p, d] = [pick(places), pick(deeds)];
    const title = `${p}${d}${k}`;
    expected.push(title);
    if (pick([0, 0, 0, 1])) lines.push(`【${pick(["决战决胜脱贫攻坚", "一线调研", "新时代新作为"])}】`);
    lines.push(title, pick(opens)(p, d));
    if (pick([0, 1])) lines.push("据介绍，下一步当地将继续巩固拓展脱贫攻坚成果。");
  }
  const found = new Set(segment(repair(lines.join("\n\n")).paragraphs).map((a) => a.title));
  const missed = expected.filter((t) => !found.has(t));
  assert.ok(missed.length <= 10, `${missed.length} of 200 missed: ${missed.slice(0, 5).join(", ")}`);
  assert.deepEqual(missed, []);
});
