// An article's text with every extracted figure marked and linked to its row in the facts table below it, and each
// row linked back. Text is data: it only ever goes into text nodes.
import {formatDate, formatValue, kindLabel, topicLabel} from "./format.js";

function link(href, text, attributes = {}) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  for (const [name, value] of Object.entries(attributes)) a.setAttribute(name, value);
  return a;
}

/** The text with a `<mark id="mark-FACT">` (a link to `#fact-FACT`) over each fact's `[start, end]` range. */
export function markedText(text, facts = []) {
  const p = document.createElement("p");
  p.className = "article-text";
  p.style.whiteSpace = "pre-wrap";
  const source = String(text ?? "");
  const marked = new Set();
  let at = 0;
  for (const fact of [...facts].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (fact.start < at || !(fact.end > fact.start)) continue;
    p.append(source.slice(at, fact.start));
    const mark = document.createElement("mark");
    mark.id = `mark-${fact.fact_id}`;
    mark.dataset.fact = fact.fact_id;
    mark.title = `${kindLabel(fact.kind)}: ${formatValue(fact.value, fact.kind, fact)}`;
    mark.append(link(`#fact-${fact.fact_id}`, source.slice(fact.start, fact.end)));
    p.append(mark);
    marked.add(fact.fact_id);
    at = fact.end;
  }
  p.append(source.slice(at));
  p.marked = marked;
  return p;
}

/** The facts as a table whose rows (`id="fact-FACT"`) link back to their marks in the text. */
export function factRows(facts, {marked = new Set()} = {}) {
  const table = document.createElement("table");
  table.className = "fact-rows";
  const head = table.createTHead().insertRow();
  for (const name of ["原文 raw", "值 value", "类别 kind", "对象 subject", "地点 place", "主题 topic", "日期 date", ""]) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const fact of facts) {
    const row = body.insertRow();
    row.id = `fact-${fact.fact_id}`;
    const cells = [
      fact.raw,
      formatValue(fact.value, fact.kind, fact) + (fact.value_max != null ? `–${formatValue(fact.value_max, fact.kind, fact)}` : ""),
      kindLabel(fact.kind),
      fact.subject ?? "",
      [fact.county, fact.town, fact.village].filter(Boolean).join(" ") || (fact.place_name ?? ""),
      topicLabel(fact.topic),
      formatDate(fact.date, {inferred: fact.date_inferred})
    ];
    for (const value of cells) row.insertCell().textContent = value ?? "";
    const back = row.insertCell();
    if (marked.has(fact.fact_id)) back.append(link(`#mark-${fact.fact_id}`, "↑ 原文 in text", {class: "back-to-text"}));
  }
  return table;
}
