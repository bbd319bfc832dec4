// Article text with parts of it marked: the one builder for the article view (every figure, linked to its row), the
// search results (every match) and the methods page. Article text is data: it only ever goes into text nodes.

/**
 * A `<p>` (or `tag`) of the text, line breaks kept, with a `<mark>` over each mark's [start, end) character range.
 * A mark is `[start, end]` or `{start, end, id, title, href, data}`: `id` and `title` go on the `<mark>`, `data`
 * into its dataset, and with `href` its text is a link. Overlapping marks after the first are skipped; the element's
 * `marked` holds the ids of the marks shown.
 */
export function markedText(text, marks = [], {tag = "p", className = "article-text"} = {}) {
  /** @type {HTMLElement & {marked?: Set<string>}} */
  const element = document.createElement(tag);
  element.className = className;
  element.style.whiteSpace = "pre-wrap";
  const source = String(text ?? "");
  const marked = new Set();
  const spans = marks.map((m) => (Array.isArray(m) ? {start: m[0], end: m[1]} : m));
  let at = 0;
  for (const span of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < at || !(span.end > span.start)) continue;
    element.append(source.slice(at, span.start));
    const mark = document.createElement("mark");
    if (span.id != null) mark.id = span.id;
    if (span.title != null) mark.title = span.title;
    for (const [name, value] of Object.entries(span.data ?? {})) mark.dataset[name] = value;
    const content = source.slice(span.start, span.end);
    if (span.href != null) {
      const a = document.createElement("a");
      a.href = span.href;
      a.textContent = content;
      mark.append(a);
    } else mark.textContent = content;
    element.append(mark);
    if (span.id != null) marked.add(span.id);
    at = span.end;
  }
  element.append(source.slice(at));
  element.marked = marked;
  return element;
}

/** A paragraph of article text with `marks` ([start, end] offsets, as in the facts table) highlighted. */
export function articleText(text, {marks = []} = {}) {
  return markedText(text, marks);
}

/**
 * The part of the text around its first ranges, cut at about `context` characters either side, with the ranges
 * that fall inside it shifted to match: `{text, marks}`, with … where text was cut.
 */
export function excerpt(text, ranges, {context = 60, length = 200} = {}) {
  const source = String(text ?? "");
  if (!ranges.length) return {text: source.slice(0, length) + (source.length > length ? "…" : ""), marks: []};
  const start = Math.max(0, ranges[0][0] - context);
  const end = Math.min(source.length, Math.max(ranges[0][1] + context, start + length));
  const prefix = start > 0 ? "…" : "";
  const marks = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + prefix.length, e - start + prefix.length]);
  return {text: prefix + source.slice(start, end) + (end < source.length ? "…" : ""), marks};
}
