// Article text is data: it is always put into the page as text nodes, never parsed as HTML.

/**
 * A paragraph of article text, line breaks kept, with `marks` ([start, end] character offsets, as in the facts
 * table) highlighted.
 */
export function articleText(text, {marks = []} = {}) {
  const p = document.createElement("p");
  p.className = "article-text";
  p.style.whiteSpace = "pre-wrap";
  const source = String(text ?? "");
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    p.append(source.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = source.slice(start, end);
    p.append(mark);
    at = end;
  }
  p.append(source.slice(at));
  return p;
}
