import {test} from "node:test";
import assert from "node:assert/strict";
import {
  DATE_INFERENCE_RULES,
  YEAR_MARKERS,
  findDateline,
  dateFromPath,
  findIssueDate,
  inferYear,
  resolveDateline,
  resolveRelativeYear,
  sentencePeriod,
  timeExpressions
} from "../loaders/dates.js";

test("the issue date from a masthead line", () => {
  assert.equal(findIssueDate("今日开发区\n\n2020年1月16日 星期四 己亥年十二月廿二\n\n正文"), "2020-01-16");
  assert.equal(findIssueDate("聊城日报\n２０２０年８月３１日　第12345期"), "2020-08-31");
  assert.equal(findIssueDate("聊城日报\n0474年04月15日 星期四\n正文"), null, "no masthead year before 1949");
  assert.equal(findIssueDate("8月31日下午,莘县县委书记王峰就大气污染防治工作进行现场办公。"), null);
  assert.equal(findIssueDate("会议于2019年8月20日召开。"), null, "a date in running text is not a masthead");
});

test("the issue date from a date alone under the masthead or a web page's 发布时间 line", () => {
  assert.equal(findIssueDate("聊城日报\n中共聊城市委机关报\n2016年10月16日\n第3版：要闻\n正文"), "2016-10-16");
  assert.equal(findIssueDate("莘县：扶贫车间开到家门口\n来源：聊城日报 发布时间：2020-05-29 09:30"), "2020-05-29");
  const deep = "标题\n".repeat(20) + "2016年10月16日\n";
  assert.equal(findIssueDate(deep), null, "a date alone far down the page is not the masthead's");
  assert.equal(findIssueDate("2016年10月16日,冠县召开会议。"), null);
});

test("the issue date from the file's path: folders, file names, timestamps; the one nearest the file wins", () => {
  assert.equal(dateFromPath("2020-05-29/page.txt"), "2020-05-29");
  assert.equal(dateFromPath("archive/2020/05/29/reprint.html"), "2020-05-29");
  assert.equal(dateFromPath("20200529_liaocheng.txt"), "2020-05-29");
  assert.equal(dateFromPath("html/2020/0529/t20200529_123.html"), "2020-05-29");
  assert.equal(dateFromPath("news/20200529093000.html"), "2020-05-29");
  assert.equal(dateFromPath("2019-01-01/2020-05-29.txt"), "2020-05-29");
  assert.equal(dateFromPath("聊城日报2020年5月29日.txt"), "2020-05-29");
  assert.equal(dateFromPath("000_75a53e5b155eac84.txt"), null);
  assert.equal(dateFromPath("x/20201332.txt"), null, "no 13th month");
  assert.equal(dateFromPath("a7f20200529c3.txt"), null, "inside a hash");
});

test("the page's year: pinned by an event, else the latest reported year, else an event's lower bound", () => {
  assert.deepEqual(inferYear("今年是脱贫攻坚的收官之年,2016年以来……"), {
    year: 2020,
    rule: "pinned by event",
    evidence: "脱贫攻坚的收官之年"
  });
  assert.equal(inferYear("2016-2020年,全区产业扶贫资金投入每年增长;张绪玲2013年识别为贫困户")?.year, 2020);
  assert.equal(inferYear("2018年,妹冢镇党委政府将党建与扶贫结合。《聊城市教育局2018年工作方案》")?.year, 2018);
  assert.equal(
    inferYear("《聊城市教育局2018年全国文明城市创建工作实施方案》"),
    null,
    "a year in a title is in passing"
  );
  assert.equal(inferYear("堂邑镇葫芦种植合作社是2016年4月成立的,如今已发展社员210户。"), null, "a year in passing");
  assert.equal(inferYear("2017年,全镇脱贫。合作社是2019年4月成立的。"), null, "a later year in passing: unknown");
  assert.equal(inferYear("2019年8月20日,开发区召开会议。")?.year, 2019);
  assert.deepEqual(inferYear("11月18日,深入贯彻党的二十大精神"), {
    year: 2022,
    rule: "event lower bound",
    evidence: "党的二十大"
  });
  assert.equal(inferYear("2019年,争取资金。力争到2025年全面完成")?.year, 2019, "a target year is not the page's year");
  assert.equal(inferYear("没有任何年份的页面"), null);
  assert.ok(DATE_INFERENCE_RULES.every((r) => r.rule && r.reason));
  assert.ok(YEAR_MARKERS.every((m) => m.reason));
});

test("datelines as printed, at the start of a clause near the top", () => {
  const dl = (s: string) => findDateline(s)?.raw ?? null;
  assert.equal(dl("8月31日下午,莘县县委书记王峰就大气污染防治工作进行现场办公。"), "8月31日下午");
  assert.equal(dl("15日,高新区召开创建全国文明城市暨迎接国家卫生城市复审动员大会"), "15日");
  assert.equal(dl("近日莘县疾控中心一行7人来到河店镇西大杨村"), "近日");
  assert.equal(dl("8月份以来,聊城开发区对全区建档立卡脱贫享受政策扶贫对象"), "8月份以来");
  assert.equal(dl("脱贫攻坚进入冲刺阶段,为持续巩固脱贫成果,2020年以来,阳谷县博济桥街道"), "2020年以来");
  assert.equal(dl("“‘学习强国’让我了解时事越来越方便了。”近日,开发区东城街道"), "近日");
  assert.equal(dl("十一月十八日上午,全市召开会议"), "十一月十八日上午");
  assert.equal(dl("今年是脱贫攻坚的收官之年,阳谷县张秋镇"), null);
  assert.equal(dl("在阳谷县高庙王镇徐山村金银花标准化种植基地"), null);
});

test("datelines completed from the page: year, source-line month, issue month, and last year's December", () => {
  const page2020 = {year: 2020, issueDate: null};
  assert.deepEqual(resolveDateline("8月31日下午", page2020), {date: "2020-08-31", inferred: true});
  assert.deepEqual(resolveDateline("8月份以来", page2020), {date: "2020-08", inferred: true});
  assert.deepEqual(resolveDateline("今年以来", page2020), {date: "2020", inferred: true});
  assert.deepEqual(resolveDateline("2020年以来", page2020), {date: "2020", inferred: false});
  assert.deepEqual(resolveDateline(null, page2020), {date: "2020", inferred: true});
  assert.deepEqual(resolveDateline("近日", page2020), {date: "2020", inferred: true});
  assert.deepEqual(resolveDateline("15日", {year: 2018, issueDate: null, sourceMonth: 3}), {
    date: "2018-03-15",
    inferred: true
  });
  const issue = {year: 2020, issueDate: "2020-01-16"};
  assert.deepEqual(resolveDateline("1月10日", issue), {date: "2020-01-10", inferred: true});
  assert.deepEqual(resolveDateline("12月30日", issue), {date: "2019-12-30", inferred: true});
  assert.deepEqual(resolveDateline("20日", issue), {date: "2019-12-20", inferred: true});
  assert.deepEqual(resolveDateline("14日", issue), {date: "2020-01-14", inferred: true});
  assert.deepEqual(resolveDateline("近日", issue), {date: "2020-01", inferred: true});
  assert.deepEqual(resolveDateline("2019年8月20日", issue), {date: "2019-08-20", inferred: false});
  assert.deepEqual(resolveDateline("8月31日", {year: null, issueDate: null}), {date: null, inferred: false});
});

test("relative years count from the article's date", () => {
  assert.equal(resolveRelativeYear("今年", "2020-08-31"), 2020);
  assert.equal(resolveRelativeYear("去年", "2022-11"), 2021);
  assert.equal(resolveRelativeYear("明年", "2020"), 2021);
  assert.equal(resolveRelativeYear("今年", null), null);
  assert.equal(resolveRelativeYear("近日", "2020"), null);
});

test("the period a sentence names for its facts", () => {
  const at = (s: string, date: string | null, offset?: number) => {
    const p = sentencePeriod(s, date, offset);
    return p && {date: p.date, inferred: p.inferred, raw: p.raw, ...(p.from ? {from: p.from} : {})};
  };
  assert.deepEqual(at("2019年,争取各项帮扶资金36.9万元", "2020"), {date: "2019", inferred: false, raw: "2019年"});
  assert.deepEqual(at("2016-2020年,全区产业扶贫资金五年内投入5574万元", "2020"), {
    date: "2020",
    inferred: false,
    raw: "2016-2020年",
    from: "2016"
  });
  assert.deepEqual(at("今年6月份,王忠立有了份工作", "2020"), {date: "2020-06", inferred: true, raw: "今年6月份"});
  assert.deepEqual(at("去年以来,共协调军人子女入学102人", "2022-11-18"), {
    date: "2021",
    inferred: true,
    raw: "去年以来"
  });
  assert.deepEqual(at("今年,全区投入70余万元", "2022-11-10"), {date: "2022", inferred: true, raw: "今年"});
  assert.deepEqual(at("8月15日,李梅老师走进张舒艺家", "2020"), {date: "2020-08-15", inferred: true, raw: "8月15日"});
  assert.equal(at("截至目前庭院小道铺设126户", "2020-08")?.date, "2020-08");
  assert.equal(at("认真对照《2020年全面验收贫困户脱贫情况参考模板》", "2020"), null, "a date in a document title");
  assert.equal(at("统一月报制度,每月100元", "2020"), null);
  const since = "堂邑镇葫芦种植合作社是2016年4月成立的,如今已发展社员210户";
  assert.equal(sentencePeriod(since, "2019", since.indexOf("210户"))?.date, undefined, "如今, not 2016");
  const plan =
    "开发区在谋划2019年扶贫工作方案时,就将脱贫攻坚工作列入全区2019年16个重点工作任务专班之一,巩固2432人脱贫成果";
  assert.equal(sentencePeriod(plan, "2020", plan.indexOf("2432人"))?.date, "2019");
  const two = "2019年投入10万元,2020年投入20万元";
  assert.equal(sentencePeriod(two, "2020", two.indexOf("20万元"))?.date, "2020");
  assert.equal(sentencePeriod(two, "2020", two.indexOf("10万元"))?.date, "2019");
});

test("time expressions: full-width digits read, offsets index the original", () => {
  const s = "２０１９年８月２０日,开发区";
  const [t] = timeExpressions(s);
  assert.deepEqual([t.year, t.month, t.day, s.slice(t.start, t.end)], [2019, 8, 20, "２０１９年８月２０日"]);
});
