import {html} from "npm:htl";
import {articleHref, articleTitle} from "./articleView.js";
import {formatDate, topicLabel} from "./format.js";
import {visibleText} from "./text.js";

/** Articles as a list of links to their views; `base` is the path from the page to the site root. */
export function articleList(articles, {base = "./", factCounts = new Map()} = {}) {
  if (!articles.length) return html`<p class="muted">没有报道 No articles.</p>`;
  return html`<ol class="article-list">
    ${articles.map(
      (a) =>
        html`<li>
          <a href="${articleHref(a.article_id, {base})}">${visibleText(articleTitle(a))}</a>
          <small
            >${formatDate(a.date, {inferred: a.date_inferred})} · ${a.place_name ?? ""} ·
            ${topicLabel(a.topic)}${a.is_poverty_relief ? " · 扶贫" : ""} · ${factCounts.get(a.article_id) ?? 0}
            facts</small
          >
        </li>`
    )}
  </ol>`;
}
