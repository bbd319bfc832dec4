// The card every chart of the site sits in: a title, the chart, and its SVG and PNG download buttons.
import {downloadButtons} from "./exports.js";

/**
 * A card with `id` (for links and tests), a `title` (text, or a node with markup), the `chart` (a Plot figure or what
 * `resize` returns) and its downloads as `filename`.svg and .png; `note` (a node or text) goes between the title and
 * the chart.
 * @param {Element} chart
 * @param {{id?: string, title?: string | Node, filename?: string, note?: string | Node}} [options]
 */
export function chartCard(chart, {id, title, filename = id ?? "chart", note} = {}) {
  const card = document.createElement("div");
  card.className = "card";
  if (id) card.id = id;
  const heading = document.createElement("h2");
  heading.append(title ?? "");
  card.append(heading);
  if (note != null) card.append(note);
  card.append(chart, downloadButtons(chart, {filename}));
  return card;
}
