// An article's text with every extracted figure marked and linked to its row in the facts table below it, and each
// row linked back. Text is data: it only ever goes into text nodes (see text.js).
import {formatDate, formatValue, kindLabel, topicLabel} from "./format.js";
import {markedText} from "./text.js";

function link(href, text, attributes = {}) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  for (const [name, value] of Object.entries(attributes)) a.setAttribute(name, value);
  return a;
}

/**
 * The text with a `<mark id="mark-FACT">` (a link to `#fact-FACT`) over each body fact's `[start, end]` range. A
 * headline's figures (`in_title`) have offsets in the headline, not the text, so they are not marked here.
 */
export function factText(text, facts = []) {
  const marks = facts
    .filter((fact) => !fact.in_title)
    .map((fact) => ({
      start: fact.start,
      end: fact.end,
      id: `mark-${fact.fact_id}`,
      title: `${kindLabel(fact.kind)}: ${formatValue(fact.value, fact.kind, fact)}`,
      href: `#fact-${fact.fact_id}`,
      data: {fact: fact.fact_id}
    }));
  const p = markedText(text, marks);
  p.marked = new Set([...p.marked].map((id) => id.slice("mark-".length)));
  return p;
}

/** The facts as a table whose rows (`id="fact-FACT"`) link back to their marks in the text. */
export function factRows(facts, {marked = new Set()} = {}) {
  const table = document.createElement("table");
  table.className = "fact-rows";
  const head = table.createTHead().insertRow();
  for (const name of [
    "原文 raw",
    "值 value",
    "类别 kind",
    "对象 subject",
    "地点 place",
    "主题 topic",
    "日期 date",
    ""
  ]) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const fact of facts) {
    const row = body.insertRow();
    row.id = `fact-${fact.fact_id}`;
    const range = fact.value_max != null ? `–${formatValue(fact.value_max, fact.kind, fact)}` : "";
    const cells = [
      fact.raw,
      formatValue(fact.value, fact.kind, fact) + range,
      kindLabel(fact.kind),
      fact.subject ?? "",
      [fact.county, fact.town, fact.village].filter(Boolean).join(" ") || (fact.place_name ?? ""),
      topicLabel(fact.topic),
      formatDate(fact.date, {inferred: fact.date_inferred})
    ];
    for (const value of cells) row.insertCell().textContent = value ?? "";
    const back = row.insertCell();
    if (marked.has(fact.fact_id)) back.append(link(`#mark-${fact.fact_id}`, "↑ 原文 in text", {class: "back-to-text"}));
    else if (fact.in_title) back.textContent = "标题 in the headline";
  }
  return table;
}

/** The line under an article's title: subtitle, byline, dateline, date, place, topic, flag, document. */
export function articleMeta(article) {
  return [
    article.subtitle,
    article.byline,
    article.dateline,
    formatDate(article.date, {inferred: article.date_inferred}),
    article.place_name,
    topicLabel(article.topic),
    article.is_poverty_relief ? "扶贫 poverty relief" : null,
    article.doc
  ]
    .filter(Boolean)
    .join(" · ");
}

/** An article's title, or its subtitle, or a placeholder. */
export function articleTitle(article) {
  return article?.title || article?.subtitle || "（无标题 untitled）";
}

/** The link to an article's view from a page `base` away from the site root (`"./"`, `"../"`). */
export function articleHref(id, {base = "./"} = {}) {
  return `${base}article?id=${encodeURIComponent(id)}`;
}
