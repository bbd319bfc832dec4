// Article text with parts of it marked: the one builder for the article view (every figure, linked to its row), the
// search results (every match) and the methods page. Article text is data: it only ever goes into text nodes.

// Bidi controls (embeddings and overrides U+202A–202E, isolates U+2066–2069, the marks U+200E/200F) in article text
// would reorder what follows them on screen: a hostile page could make 10万元 read as 元万01. They are shown as
// visible tokens instead; offsets still index the source text, since only the rendering of each slice changes.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** How a bidi control shows on screen: `⟨U+202E⟩`. */
export const bidiToken = (char) => `⟨U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`;

/** The text with each bidi control replaced by its visible token, for plain-text places (document titles, exports). */
export const visibleString = (text) => String(text ?? "").replace(BIDI, bidiToken);

/** The text as nodes: text nodes, with each bidi control a `<span class="bidi-control">⟨U+202E⟩</span>`. */
export function visibleText(text) {
  const source = String(text ?? "");
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const match of source.matchAll(BIDI)) {
    if (match.index > at) fragment.append(source.slice(at, match.index));
    const span = document.createElement("span");
    span.className = "bidi-control";
    span.textContent = bidiToken(match[0]);
    span.title = "双向文本控制符 bidirectional control character";
    span.style.cssText = "color: var(--theme-foreground-muted, #888); font-size: 0.8em;";
    fragment.append(span);
    at = match.index + match[0].length;
  }
  if (at < source.length) fragment.append(source.slice(at));
  return fragment;
}

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
    element.append(visibleText(source.slice(at, span.start)));
    const mark = document.createElement("mark");
    if (span.id != null) mark.id = span.id;
    if (span.title != null) mark.title = span.title;
    for (const [name, value] of Object.entries(span.data ?? {})) mark.dataset[name] = value;
    const content = source.slice(span.start, span.end);
    if (span.href != null) {
      const a = document.createElement("a");
      a.href = span.href;
      a.append(visibleText(content));
      mark.append(a);
    } else mark.append(visibleText(content));
    element.append(mark);
    if (span.id != null) marked.add(span.id);
    at = span.end;
  }
  element.append(visibleText(source.slice(at)));
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
