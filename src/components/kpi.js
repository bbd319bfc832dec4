// KPI cards: a Chinese label with its English gloss, the number in `.big`, and a line saying what it counts.
import {formatNumber} from "./format.js";

/**
 * A card holding one figure, shown as `shown` (a zh-CN number by default); `id` lets tests and links find it, and
 * `data-value` keeps the unformatted number.
 * @param {{id?: string, zh?: string, en?: string, value?: number, shown?: string, note?: string}} [card]
 */
export function kpi({id, zh, en, value, shown = formatNumber(value), note} = {}) {
  const card = document.createElement("div");
  card.className = "card kpi";
  if (id) card.id = id;
  const title = document.createElement("h2");
  title.textContent = `${zh} · ${en}`;
  const big = document.createElement("span");
  big.className = "big";
  big.dataset.value = String(value);
  big.textContent = String(shown);
  card.append(title, big);
  if (note) {
    const small = document.createElement("div");
    small.className = "muted";
    small.style.fontSize = "0.85em";
    small.textContent = note;
    card.append(small);
  }
  return card;
}
