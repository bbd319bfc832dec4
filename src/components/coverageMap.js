import * as Plot from "npm:@observablehq/plot";
import {reliefRange} from "./charts.js";
import {fontFamily} from "./fonts.js";

/**
 * County outlines with each town as a dot at its approximate point (an air-quality station, not a centroid),
 * filled by poverty-relief articles; towns named only in other news are small grey dots, and towns never mentioned
 * hollow grey rings. `coverage` is townCoverage() of the towns table; with `county`, only that county's or zone's
 * towns, inside the outlines they lie in (each town's `outline_code`: a zone has no outline of its own).
 * @param {{features: any[]}} counties GeoJSON outlines
 * @param {{features: any[]}} points GeoJSON points, each with its town's `code`
 * @param {(import("./townCoverage.js").Coverage & {code: string, county_code: string, outline_code: string})[]}
 *   coverage
 * @param {{width?: number, county?: string | null, [option: string]: any}} [options] other options go to Plot.plot
 */
export function coverageMap(counties, points, coverage, {width, county = null, ...options} = {}) {
  const byCode = new Map(coverage.map((town) => [town.code, town]));
  const outlines = new Set(coverage.filter((town) => town.county_code === county).map((town) => town.outline_code));
  const shown = county ? counties.features.filter((f) => outlines.has(String(f.properties.adcode))) : counties.features;
  const outline = {type: "FeatureCollection", features: shown.length ? shown : counties.features};
  const dots = points.features
    .map((f) => ({...byCode.get(f.properties.code), x: f.geometry.coordinates[0], y: f.geometry.coordinates[1]}))
    .filter((d) => d.code && (!county || d.county_code === county));
  const covered = dots.filter((d) => d.covered);
  const otherNews = dots.filter((d) => d.mentioned && !d.covered);
  const never = dots.filter((d) => !d.mentioned);
  const most = Math.max(1, ...covered.map((d) => d.relief));
  return Plot.plot({
    width,
    height: Math.min(640, width),
    projection: {type: "mercator", domain: outline, inset: 12},
    style: {fontFamily},
    color: {type: "linear", domain: [0, most], range: reliefRange, label: "扶贫报道 relief articles", legend: true},
    marks: [
      Plot.geo(outline, {fill: "#f4f4f0", stroke: "#888", strokeWidth: 1}),
      Plot.text(outline.features, Plot.centroid({text: (f) => f.properties.name, fill: "#999", fontSize: 13})),
      Plot.dot(never, {x: "x", y: "y", r: 3, stroke: "#aaa", fill: "white", strokeDasharray: "2,1"}),
      Plot.dot(otherNews, {x: "x", y: "y", r: 3.5, fill: "#999"}),
      Plot.dot(covered, {x: "x", y: "y", r: 6, fill: "relief", stroke: "black", strokeWidth: 0.5}),
      Plot.tip(
        dots,
        Plot.pointer({
          x: "x",
          y: "y",
          title: (d) =>
            `${d.name} ${d.pinyin}\n${d.county}\n${d.mentioned ? `${d.articles} 篇报道 articles (扶贫 ${d.relief}), ${d.facts} 项数字 facts (扶贫 ${d.relief_facts})` : "未提及 never mentioned"}\n位置为近似 approximate location`
        })
      )
    ],
    ...options
  });
}
