// Towns as small labelled chips in three states: reached by poverty-relief reporting (shaded by its articles), named
// only in other news, or never mentioned, with the key that explains them.
import * as d3 from "npm:d3";
import {html} from "npm:htl";
import {reliefRange} from "./charts.js";

const base = "padding: 2px 6px; border-radius: 4px; text-decoration: none; font-size: 13px; display: inline-block;";

/** The shade for a number of poverty-relief articles, on a scale up to `most`. */
export function reliefShade(most) {
  return d3.scaleLinear([0, Math.max(1, most)], reliefRange);
}

function chipStyle(state, articles, shade, most) {
  if (state === "covered") {
    const dark = articles > Math.max(1, most) / 2;
    return `${base} border: 1px solid #9ab; background: ${shade(articles)}; color: ${dark ? "white" : "#111"};`;
  }
  if (state === "mentioned") return `${base} border: 1px solid var(--theme-foreground-faint, #bbb);`;
  return `${base} border: 1px dashed var(--theme-foreground-faint, #bbb); color: var(--theme-foreground-muted, #999);`;
}

const stateOf = (d) => (d.covered ? "covered" : d.mentioned ? "mentioned" : "never");

function tooltip(d) {
  if (d.covered) return `${d.name} ${d.pinyin}: ${d.relief} poverty-relief articles, ${d.relief_facts} figures in them`;
  if (d.mentioned) return `${d.name} ${d.pinyin}: ${d.articles} articles, ${d.facts} figures, none on poverty relief`;
  return `${d.name} ${d.pinyin}: never mentioned`;
}

/** A chip per town of `coverage` (rows of townCoverage()), linking to `${href}${code}`; `most` fixes the shade scale. */
export function townChips(coverage, {href = "./town/", most = d3.max(coverage, (d) => d.relief) ?? 0} = {}) {
  const shade = reliefShade(most);
  return html`<div class="town-chips" style="display: flex; flex-wrap: wrap; gap: 4px;">
    ${coverage.map((d) => {
      const state = stateOf(d);
      return html`<a
        href="${href}${d.code}"
        class="town-chip ${state}"
        style="${chipStyle(state, d.relief, shade, most)}"
        title="${tooltip(d)}"
        >${d.name}${state === "covered" ? html` <b>${d.relief}</b>` : ""}</a
      >`;
    })}
  </div>`;
}

/** What the chips' fills and borders mean, drawn with the same styles. */
export function townChipsKey(most) {
  const shade = reliefShade(most);
  const steps = [...new Set([1, Math.ceil(most / 2), most])].filter((n) => n >= 1);
  return html`<div
    class="town-chips-key"
    style="display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px;"
  >
    <span>扶贫报道 poverty-relief articles:</span>
    ${steps.map((n) => html`<span class="town-chip covered" style="${chipStyle("covered", n, shade, most)}">${n}</span>`)}
    <span class="town-chip mentioned" style="${chipStyle("mentioned")}">仅其他报道 other news only</span>
    <span class="town-chip never" style="${chipStyle("never")}">未提及 never mentioned</span>
  </div>`;
}
