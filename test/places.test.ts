import assert from "node:assert/strict";
import {test} from "node:test";
import {loadGazetteer} from "../loaders/gazetteer.js";
import {
  findPlaceMentions,
  homeCounty,
  placeForSpan,
  resolveArticlePlace,
  withHomeCounty
} from "../loaders/places/index.js";
import {childOf, mayStart, rootChild} from "../loaders/trie.js";

const gazetteer = loadGazetteer();
const found = (text: string) => findPlaceMentions(text, gazetteer).map((m) => [m.text, m.place.name]);

function factPlace(title: string, text: string, cue: string): string[] | undefined {
  const article = resolveArticlePlace(title, text, gazetteer);
  const at = text.indexOf(cue);
  assert.ok(at >= 0, cue);
  return placeForSpan(text, at, at + cue.length, article)?.chain;
}

test('"阳谷县张秋镇李堤口村" → 李堤口村, a village the register lacks, under 张秋镇 with a project code', () => {
  const mentions = findPlaceMentions("阳谷县张秋镇李堤口村第一书记邵艳芬", gazetteer);
  assert.deepEqual(
    mentions.map((m) => m.text),
    ["阳谷县", "张秋镇", "李堤口村"]
  );
  const village = mentions[2].place;
  assert.equal(village.level, "village");
  assert.equal(village.parent_code, "371521112");
  assert.match(village.code, /^371521112V[0-9a-z]{6}$/);
  assert.equal(village.registered, false);
});

test("截至目前庭院小道铺设126户 in an article headed 聊城开发区… is about 开发区", () => {
  const title = "聊城开发区持续规范提升贫困户庭院建设水平";
  const text = "今年以来,聊城开发区继续强化“双提升”工作。\n\n截至目前庭院小道铺设126户,院墙改造22户。";
  assert.deepEqual(factPlace(title, text, "庭院小道铺设126户"), ["开发区"]);
  assert.equal(resolveArticlePlace(title, text, gazetteer).place?.place_code, "3715Z1");
});

test("a fact takes the village its paragraph names, the town when the sentence says 该镇", () => {
  const title = "阳谷县高庙王镇:金银花开“金银”来";
  const text =
    "在阳谷县高庙王镇徐山村金银花标准化种植基地,泛着青绿的金银花随着微风轻轻摇曳。“俺在这里干着活,一天能挣50块钱。”" +
    "这是阳谷县高庙王镇大力推进产业扶贫的缩影。该镇根据自身产业基础制定扶贫产业发展规划,2019年,争取各项帮扶资金36.9万元。";
  assert.deepEqual(factPlace(title, text, "50块钱"), ["阳谷县", "高庙王镇", "徐山村"]);
  assert.deepEqual(factPlace(title, text, "36.9万元"), ["阳谷县", "高庙王镇"]);
});

test("a fact in a sentence naming a town in a zone: 高新区 > 韩集镇", () => {
  const text = "在聊城高新区韩集镇聊城芳香文化博览园,薰衣草随处可见。该项目占地3000余亩。";
  assert.deepEqual(factPlace("聊城高新区:芳香产业助脱贫", text, "在聊城高新区韩集镇"), ["高新区", "韩集镇"]);
});

test("a village with no town in sight sits under the zone of the article: 高新区 > 马庙村", () => {
  const text = "8月15日,高新区实验小学的李梅老师又走进了马庙村张舒艺同学的家里。张舒艺有姐妹三人。";
  assert.deepEqual(factPlace("聊城高新区实验小学开展暑期教育扶贫工作", text, "姐妹三人"), ["高新区", "马庙村"]);
});

test("homonyms by context: 曹庄村 and 徐庄 under the town the text is about", () => {
  const [, xuying] = findPlaceMentions("在许营镇曹庄村引入社区公益资源", gazetteer);
  assert.equal(xuying.place.parent_code, "371502108");
  const article = resolveArticlePlace(
    "莘县十八里铺镇扶贫早谋划",
    "以徐庄基地高标准日光温室棚、曹庄森牧养驴为重点。",
    gazetteer
  );
  const byText = Object.fromEntries(article.mentions.map((m) => [m.text, m.place]));
  assert.equal(byText["徐庄"].code, "371522107254");
  assert.equal(byText["曹庄"].code, "371522107200");
  const [, , liutun] = findPlaceMentions("莘县妹冢镇刘屯村贫困户刘守德", gazetteer);
  assert.equal(liutun.place.code, "371522114254");
  const elsewhere = findPlaceMentions("莘县妹冢镇西高庄村贫困户", gazetteer)[2].place;
  assert.equal(elsewhere.parent_code, "371522114", "the register's 西高庄村 is under 樱桃园镇, this one under 妹冢镇");
});

test("false places: 高新技术, a person, a bank, a byline, 巩固原有, 贫困村", () => {
  assert.deepEqual(found("农业高新技术企业"), []);
  assert.deepEqual(found("巩固原有扶贫产业"), []);
  assert.deepEqual(found("北京银行聊城分行"), [["聊城", "聊城市"]]);
  assert.deepEqual(found("覆盖所有贫困村和软弱涣散村"), []);
  assert.deepEqual(found("(张慧 李新胜 吴传来)"), []);
  const article = resolveArticlePlace("莘县十八里铺镇扶贫早谋划", "村民徐庄说,日子好了。", gazetteer);
  assert.deepEqual(article.mentions, []);
  assert.deepEqual(found("莘县经济开发区"), [["莘县", "莘县"]]);
  assert.deepEqual(found("石家庄高新区"), [["石家庄", "石家庄市"]]);
});

test("东城 in 东城街道 is a place; short forms in the prefecture (东昌府, 临清, 张秋), 莘县 only with 县", () => {
  assert.deepEqual(found("开发区东城街道九和社区单光屯村"), [
    ["开发区", "开发区"],
    ["东城街道", "东城街道"],
    ["九和社区", "九和社区"],
    ["单光屯村", "单光屯社区"]
  ]);
  assert.deepEqual(found("聊城市东昌府人民医院"), [
    ["聊城市", "聊城市"],
    ["东昌府", "东昌府区"]
  ]);
  assert.deepEqual(found("诸城一临清扶贫协作"), [
    ["诸城", "诸城市"],
    ["临清", "临清市"]
  ]);
  assert.deepEqual(found("张秋木版年画"), [["张秋", "张秋镇"]]);
  assert.deepEqual(found("莘州街道"), [["莘州街道", "莘州街道"]]);
  assert.deepEqual(found("候营镇"), [["候营镇", "侯营镇"]]);
});

test("a place elsewhere in China at the level the text names it: 湖南省湘西州花垣县", () => {
  const mentions = findPlaceMentions("湖南省湘西州花垣县十八洞村", gazetteer);
  assert.deepEqual(
    mentions.slice(0, 3).map((m) => [m.place.name, m.place.level]),
    [
      ["湖南省", "province"],
      ["湘西土家族苗族自治州", "city"],
      ["花垣县", "county"]
    ]
  );
  const article = resolveArticlePlace("湖南省湘西州花垣县考察", "", gazetteer);
  assert.deepEqual(article.place?.chain, ["湖南省", "湘西土家族苗族自治州", "花垣县"]);
});

test("the article's place prefers the prefecture: 诸城一临清扶贫协作对接会议召开 → 临清市", () => {
  const article = resolveArticlePlace("诸城一临清扶贫协作对接会议召开", "8月25日,会议在临清市召开。", gazetteer);
  assert.equal(article.place?.place_name, "临清市");
});

test("a title with no place takes the county the text names most: 东昌府讯 → 东昌府区", () => {
  const article = resolveArticlePlace(
    "全市新冠肺炎疫情防控工作视频会议召开",
    "东昌府讯 11月18日上午,会议在东昌府分会场召开。",
    gazetteer
  );
  assert.equal(article.place?.place_code, "371502");
});

test("a village named with 村 is also found bare in the same article: 李堤口农家书屋", () => {
  const title = "阳谷县张秋镇李堤口建造农家书屋丰富文化生活";
  const text =
    "今年,阳谷县张秋镇李堤口村第一书记邵艳芬做了许多工作。积极分子李雅琳为李堤口农家书屋购买价值约三百元的图书。";
  assert.deepEqual(resolveArticlePlace(title, text, gazetteer).place?.chain, ["阳谷县", "张秋镇", "李堤口村"]);
  assert.deepEqual(factPlace(title, text, "三百元"), ["阳谷县", "张秋镇", "李堤口村"]);
});

test("offsets index the scanned string", () => {
  const text = "近日莘县疾控中心一行7人来到河店镇西大杨村";
  const mentions = findPlaceMentions(text, gazetteer);
  assert.equal(mentions.length, 3);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test("a paragraph is a line: 其中种植项目13个 under a line that names no town is about 高新区, not the last town named", () => {
  const title = "聊城高新技术产业开发区脱贫攻坚工作稳步推进";
  const text =
    "聊城高新区在许营镇突出特色产业带动,顾官屯镇突出加工业推动。\n" +
    "2016-2020年,全区五年内投入5574万元,发展产业项目46个。其中种植项目13个,光伏项目14个。";
  assert.deepEqual(factPlace(title, text, "种植项目13个"), ["高新区"]);
});

test("naming the county again does not take the focus off its village: 景庄村…“多彩临清”… 20多名 → 景庄村", () => {
  const text =
    "临清市戴湾镇景庄村的文化大院里,“悦动城乡多彩临清”农民文艺汇演正在演出。贫困户张绪玲带领20多名好姐妹表演。";
  assert.deepEqual(factPlace("贫困户新面貌“舞出”幸福新生活", text, "20多名"), ["临清市", "戴湾镇", "景庄村"]);
});

test("several places at one level in a sentence: the clause's own, else their common ancestor", () => {
  const zone =
    "聊城高新区在许营镇突出特色产业带动,韩集镇突出绿色生态驱动,顾官屯镇突出加工业推动,推进产业扶贫100%覆盖。";
  assert.deepEqual(factPlace("聊城高新区五年攻坚", zone, "100%"), ["高新区"]);
  assert.deepEqual(factPlace("聊城高新区五年攻坚", zone + "顾官屯镇建成车间3个,韩集镇流转土地。", "3个"), [
    "高新区",
    "顾官屯镇"
  ]);
  const listed = "捐赠给柳园街道文苑社区、平安社区的210份新鲜蔬菜全部送到了居民家中。";
  assert.deepEqual(factPlace("爱心蔬菜送进隔离居民家中", listed, "210份"), ["东昌府区", "柳园街道"]);
});

test("a zone's feature that visits one town for an anecdote stays the zone's", () => {
  const title = "开发区脱贫攻坚人的“奋斗四季”";
  const text =
    "开发区扶贫办挨家挨户走访。经过三年的攻坚,17个省级贫困村全部摘帽。开发区干部群众感到高兴。\n" +
    "2019年8月20日,开发区东城街道九和社区单光屯村“爱心众筹流动超市”前,贫困户兑换积分。";
  assert.equal(resolveArticlePlace(title, text, gazetteer).place?.place_name, "开发区");
  assert.deepEqual(factPlace(title, text, "17个"), ["开发区"]);
});

test("全区 in an article that names only the city is about the paper's home county", () => {
  const home = homeCounty(
    gazetteer,
    ["东昌府讯 会议在东昌府分会场召开。", "柳园街道文苑社区迎来了一辆小货车。", "侯营镇持续巩固脱贫攻坚成果。"].map(
      (text) => resolveArticlePlace("", text, gazetteer).place
    )
  );
  assert.equal(home?.name, "东昌府区");
  const text = "军休所家属院紧邻聊城市军休所,共有居民52户。今年,全区投入70余万元加强拥军阵地建设。";
  const article = withHomeCounty(resolveArticlePlace("双拥花开 鱼水情深", text, gazetteer), text, home);
  assert.equal(article.place?.place_name, "东昌府区");
  const at = text.indexOf("52户");
  assert.deepEqual(placeForSpan(text, at, at + 3, article)?.chain, ["东昌府区"]);
  const county = findPlaceMentions("莘县", gazetteer)[0].place;
  assert.equal(withHomeCounty(resolveArticlePlace("", text, gazetteer), text, county).place?.place_name, "聊城市");
});

// Linearity is measured in bench/places.bench.ts (a timed test fails on a busy machine): these assert that such
// texts complete, with the output they should give.
test("an article naming every village of the prefecture is resolved", () => {
  const villages = [...gazetteer.places.values()].filter((p) => p.level === "village" && p.in_prefecture);
  const text = villages
    .map((p) => p.name)
    .join("、")
    .repeat(4);
  const article = resolveArticlePlace("阳谷县张秋镇", text, gazetteer);
  assert.ok(article.mentions.length >= villages.length * 4);
});

const unresolved = (text: string, title = "扶贫简报") => resolveArticlePlace(title, text, gazetteer).unresolved;

test("a village with no town to sit under is unresolved; after its town is named, it is placed", () => {
  assert.deepEqual(unresolved("记者走进了马庙村,看望贫困户。"), ["马庙村"]);
  assert.deepEqual(unresolved("阳谷县张秋镇马庙村,看望贫困户。"), []);
  assert.deepEqual(unresolved("记者走进了马庙村。", "阳谷县张秋镇扶贫简报"), [], "the title's town is the context");
  assert.deepEqual(unresolved("马庙村位于张秋镇,张秋镇马庙村共有贫困户20户。"), [], "named with its town later on");
  assert.deepEqual(unresolved("马庙村贫困户说。"), ["马庙村"]);
  assert.deepEqual(unresolved("曹庄村的贫困户。"), ["曹庄村"], "a register name several towns share, and no town");
  assert.deepEqual(unresolved("在许营镇曹庄村引入社区公益资源。"), []);
  assert.deepEqual(
    unresolved("记者走进了马庙村,又走进了马庙村、刘庄村。"),
    ["马庙村", "刘庄村"],
    "each once, in order"
  );
});

test("villages outside the prefecture are beyond the gazetteer's reach, not unresolved: 花垣县十八洞村", () => {
  assert.deepEqual(unresolved("湖南省湘西州花垣县十八洞村"), []);
  assert.deepEqual(unresolved("十八洞村在花垣县。", "湖南省湘西州花垣县考察"), []);
});

test("words that end in 村, 社区, 镇, 乡 or 街道 but name no place are not unresolved places", () => {
  const words =
    "覆盖所有贫困村、示范村、行政村、自然村,乡村振兴,农村发展,各村,全村,本村,村民,乡镇,城镇,社区,美丽乡村," +
    "省定贫困村。打造特色小镇,是千年古镇,农民返乡创业,送戏下乡,城乡一体,全镇,该乡,各街道,推进街道工作,在小镇上," +
    "回到家乡,乡亲们。莘县城乡建设,阳谷县各乡镇(街道),聊城市乡村振兴局,冠县县城镇,坐镇指挥,创建和谐村。" +
    "是全省重点中心镇,全县12个乡镇,三个镇,一个乡一个特色,五个街道,西部街道,镇村两级,县乡村三级。";
  assert.deepEqual(unresolved(words), []);
});

test("a town the register holds is not unresolved; a 镇 it lacks is", () => {
  assert.deepEqual(unresolved("在张秋镇开展工作,李家河镇、北辛庄镇也来了。"), []);
  assert.deepEqual(unresolved("阳谷县幸福河镇开展工作。"), ["幸福河镇"]);
  assert.deepEqual(unresolved("记者来到马家河镇,又到了孙家湾乡和东关街道。"), ["马家河镇", "孙家湾乡"]);
  assert.deepEqual(unresolved("东昌府区赵家河街道"), ["赵家河街道"]);
  assert.deepEqual(
    unresolved("东昌府区赵家河街道、在赵家河街道"),
    ["赵家河街道"],
    "(the register has towns named 街道)"
  );
});

test("unresolved names in a megabyte of 镇, 乡, 街道 and 村", () => {
  const text = "在马家河镇、乡亲们、东关街道、赵家河街道、曹庄村、镇镇乡乡".repeat(40_000);
  assert.deepEqual(resolveArticlePlace("", text, gazetteer).unresolved, ["马家河镇", "赵家河街道", "曹庄村"]);
});

test("counties written short nationally: 山东临沭, 湖北罗田, 在郓城; 井冈山精神 is 井冈山; 东阿阿胶 and 富民政策 are not places", () => {
  assert.deepEqual(found("山东临沭的蜜桃丰收了"), [
    ["山东", "山东省"],
    ["临沭", "临沭县"]
  ]);
  assert.deepEqual(found("湖北罗田的板栗"), [
    ["湖北", "湖北省"],
    ["罗田", "罗田县"]
  ]);
  assert.deepEqual(found("调研组在郓城调研"), [["郓城", "郓城县"]]);
  assert.deepEqual(found("“井冈山精神”代代相传"), [["井冈山", "井冈山市"]]);
  assert.deepEqual(found("东阿阿胶的产品销往全国"), []);
  assert.deepEqual(found("东阿县的扶贫车间"), [["东阿县", "东阿县"]]);
  assert.deepEqual(found("落实富民政策,走和平发展之路,延长产业链"), []);
  assert.deepEqual(found("巩固原有扶贫产业"), [], "a stem inside a word (固原) still needs a word start");
});

test("a town name several counties share is the one in the article's county, else the prefecture's: 郭屯镇", () => {
  const inYuncheng = resolveArticlePlace("郓城县:产业扶贫见实效", "郭屯镇建起扶贫车间。", gazetteer);
  assert.equal(inYuncheng.mentions.find((m) => m.text === "郭屯镇")?.place.code, "371725105");
  const inYanggu = resolveArticlePlace("阳谷县:产业扶贫见实效", "郭屯镇建起扶贫车间。", gazetteer);
  assert.equal(inYanggu.mentions.find((m) => m.text === "郭屯镇")?.place.code, "371521113");
  const nowhere = resolveArticlePlace("产业扶贫见实效", "郭屯镇建起扶贫车间。", gazetteer);
  assert.equal(nowhere.mentions.find((m) => m.text === "郭屯镇")?.place.code, "371521113", "the prefecture's");
});

test("聊城市曹庄村: a village six towns of the city have is not picked by register order; the town in focus decides", () => {
  const article = resolveArticlePlace("扶贫简报", "工作队在聊城市曹庄村开展活动。", gazetteer);
  assert.deepEqual(
    article.mentions.map((m) => m.text),
    ["聊城市"]
  );
  assert.deepEqual(article.unresolved, ["曹庄村"]);
  const inTown = resolveArticlePlace("莘县十八里铺镇扶贫早谋划", "工作队在聊城市曹庄村开展活动。", gazetteer);
  assert.equal(inTown.mentions.find((m) => m.text === "曹庄村")?.place.code, "371522107200");
});

test("a village the paragraph names is the place of its figures; 全县, 全市 and a city as subject are theirs", () => {
  const title = "阳谷县郭屯镇:扶贫车间建到家门口";
  const text =
    "郭屯镇为宫庄村引进了服装加工扶贫车间。车间吸纳贫困户20户,人均月收入1500元。\n" +
    "聊城市先后组织培训50场。全县投入扶贫资金100万元。全市脱贫3万人。郭屯镇新建大棚8个。";
  assert.deepEqual(factPlace(title, text, "贫困户20户"), ["阳谷县", "郭店屯镇", "宫庄村"]);
  assert.deepEqual(factPlace(title, text, "1500元"), ["阳谷县", "郭店屯镇", "宫庄村"]);
  assert.deepEqual(factPlace(title, text, "50场"), ["聊城市"]);
  assert.deepEqual(factPlace(title, text, "100万元"), ["阳谷县"]);
  assert.deepEqual(factPlace(title, text, "3万人"), ["聊城市"]);
  assert.deepEqual(factPlace(title, text, "大棚8个"), ["阳谷县", "郭店屯镇"]);
  const passing = "合作社紧邻聊城市农业园,吸纳贫困户12户。";
  assert.deepEqual(
    factPlace(title, passing, "12户"),
    ["阳谷县", "郭店屯镇"],
    "a city named in passing is not the subject"
  );
});

test("villages anywhere are places under their town, with project codes: 井冈山市茅坪镇马源村", () => {
  const mentions = findPlaceMentions("江西省井冈山市茅坪镇马源村有贫困户10户", gazetteer);
  const village = mentions.at(-1)!.place;
  assert.equal(village.name, "马源村");
  assert.equal(village.parent_code, "360881108");
  assert.match(village.code, /^360881108V[0-9a-z]{6}$/);
  const text = "井冈山市茅坪镇马源村有贫困户10户。";
  assert.deepEqual(factPlace("井冈山脱贫记", text, "10户"), ["江西省", "吉安市", "井冈山市", "茅坪镇", "马源村"]);
});

test("王家乡亲 is folks, not the town 王家乡; 大布乡村民 are the town's villagers", () => {
  assert.deepEqual(found("王家乡亲们都来了"), []);
  assert.deepEqual(found("大布乡村民"), [["大布乡", "大布乡"]]);
});

test("700k villages no town can hold: listed once, no stack overflow", () => {
  const text = "马庙村，".repeat(700_000);
  assert.deepEqual(resolveArticlePlace("扶贫简报", text, gazetteer).unresolved, ["马庙村"]);
});

/** The place of every figure (a run of digits) of `text`, as the engine asks for them: in order. */
function figurePlaces(title: string, text: string): Map<string, number> {
  const article = resolveArticlePlace(title, text, gazetteer);
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/[0-9]+/g)) {
    const ref = placeForSpan(text, match.index, match.index + match[0].length, article);
    const key = ref?.chain.join(">") ?? "-";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

test("2,000 lines of figures in one paragraph (no sentence end, lines ending in ——): every figure placed", () => {
  const line = "张秋镇马庙村贫困户家庭收入增加3000元,种植面积扩大到5亩,养殖规模达到20头——\n";
  const text = "阳谷县张秋镇扶贫工作简报。\n" + line.repeat(2000);
  const counts = figurePlaces("阳谷县张秋镇扶贫工作简报", text);
  assert.deepEqual([...counts], [["阳谷县>张秋镇>马庙村", 6000]]);
});

test("60k sentences naming the county, each with a figure: every figure placed", () => {
  const text = "阳谷县3户。".repeat(60_000);
  assert.deepEqual([...figurePlaces("", text)], [["阳谷县", 60_000]]);
  const oneSentence = "阳谷县3户，".repeat(60_000) + "。";
  assert.deepEqual([...figurePlaces("", oneSentence)], [["阳谷县", 60_000]]);
});

test("村里, 该村 with a town in focus: the village of that town named last before the figure", () => {
  const text =
    "走进东阿县牛角店镇前进村，大棚整齐排列。\n产业兴起来\n2014年，村里成立了合作社，流转土地600亩。\n该镇另有200亩。";
  assert.deepEqual(factPlace("一个贫困村的蜕变", text, "600亩"), ["东阿县", "牛角店镇", "前进村"]);
  // Without a village word the sentence stays with the article's place.
  assert.deepEqual(factPlace("一个贫困村的蜕变", text, "200亩"), ["东阿县", "牛角店镇"]);
});

test("villages an article names are found bare again, one (forms by indexOf) or many (by their trie)", () => {
  const names = ["李堤口", "王河湾", "赵柳林", "孙槐树", "周杏园", "吴枣行"];
  for (const count of [1, names.length]) {
    const some = names.slice(0, count);
    const text =
      some.map((n) => `阳谷县张秋镇${n}村有贫困户。`).join("") + some.map((n) => `${n}农家书屋`).join("，") + "。";
    const article = resolveArticlePlace("扶贫简报", text, gazetteer);
    const bare = article.mentions.filter((m) => some.includes(m.text));
    assert.deepEqual(
      bare.map((m) => m.place.name),
      some.map((n) => n + "村")
    );
    // The same village as its 村 form: the bare name is found as the place the article named, not a new one.
    for (const m of bare)
      assert.ok(article.mentions.some((v) => v.text === m.text + "村" && v.place.code === m.place.code));
  }
});

test("the pair filter passes the first two code units of every form, and rules out nearly every other pair", () => {
  const trie = gazetteer.trie;
  let keys = 0;
  for (let e = trie.start[0]; e < trie.start[1]; e++) {
    const child = trie.nodes[e] >> 2;
    for (let f = trie.start[child]; f < trie.start[child + 1]; f++) {
      assert.ok(mayStart(trie, trie.units[e], trie.units[f]));
      keys++;
    }
  }
  assert.ok(keys > 10_000, `${keys} pairs`);
  // Pairs of common Chinese characters that start no form: with one table of bits, one in ten passed.
  let others = 0;
  let passed = 0;
  for (let first = 0x4e00; first < 0x4e00 + 600; first++) {
    for (let second = 0x4e00; second < 0x4e00 + 600; second++) {
      if (childOf(trie, rootChild(trie, first), second) >= 0 && rootChild(trie, first) >= 0) continue;
      others++;
      if (mayStart(trie, first, second)) passed++;
    }
  }
  assert.ok(passed / others < 0.02, `${passed} of ${others} pairs that start no form passed`);
});
