// Hostile articles built into the site render inert (issue 13): a site built from the seeds and pages carrying script
// tags, `javascript:` links, style injection, event handlers, HTML in titles and right-to-left overrides, visited in
// Chromium. Nothing runs, no link leads to `javascript:`, no style from a page applies, and a bidi control shows as a
// visible token (⟨U+202E⟩) instead of reordering what follows it on screen.
//
// PAGES says where each view lives: the checks run on whatever it lists.
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import type {Browser, Page} from "playwright-core";
import {articleId} from "../../loaders/document.js";
import {launch} from "../../scripts/chromium.js";
import {serve} from "../../scripts/serve.js";
import {watchedPage} from "../support/browser.js";
import {hostileSite} from "../support/hostile-site.js";
import {LRO, MARK, MARK_CSS, pages, PWN, RLI, RLO, titles} from "../support/hostile-pages.js";

const PAGES = {
  overview: () => "/",
  articles: () => "/articles",
  article: (id: string) => `/article?id=${encodeURIComponent(id)}`,
  methods: () => "/methods",
  search: (q: string) => `/search?q=${encodeURIComponent(q)}`
};

/** What the site shows for a text: each bidi control as a visible token, `⟨U+202E⟩`. */
const shown = (text: string) =>
  text.replace(
    /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase()}⟩`
  );

/** The hostile articles: the first of each page. */
const hostile = Object.entries(titles).map(([doc, title]) => ({doc, title, id: articleId(doc, 1)}));

let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof serve>> | undefined;

before(async () => {
  server = await serve(`${hostileSite()}/`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every payload that runs and every dialog it opens. */
async function openPage(path: string) {
  const watched = await watchedPage(browser!);
  const ran: string[] = [];
  await watched.page.exposeFunction("__record", (what: string) => ran.push(what));
  await watched.page.addInitScript((name) => {
    (window as any)[name] = (what: string) => (window as any).__record(what);
  }, PWN);
  watched.page.on("dialog", (dialog) => (ran.push(`dialog: ${dialog.message()}`), dialog.dismiss()));
  await watched.page.goto(`${server!.origin}${path}`);
  await watched.page.waitForLoadState("networkidle");
  return {...watched, ran};
}

/** Whatever a hostile page could have put into this one's markup. */
async function injected(page: Page) {
  return page.evaluate(
    ({mark, markCss, pwn}) => {
      const found: string[] = [];
      // The hostile pages' rules set the colour by name or by value. (No function declared in here: tsx would wrap
      // it in a helper the page does not have.)
      const byName = new RegExp(`:\\s*${markCss}\\b`);
      const byValue = mark.replace(/\s/g, "");
      for (const element of document.querySelectorAll("*")) {
        for (const {name, value} of [...element.attributes]) {
          // Browsers ignore tabs, newlines and leading controls in a URL's scheme: strip them as they do.
          const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (/^(href|src|action|formaction|xlink:href|data)$/.test(name) && url.startsWith("javascript:")) {
            found.push(`${element.tagName} ${name}=${value}`);
          }
          if (name.startsWith("on") && value.includes(pwn)) found.push(`${element.tagName} ${name}=${value}`);
          if (name === "style" && (value.replace(/\s/g, "").includes(byValue) || byName.test(value)))
            found.push(`style=${value}`);
        }
        if (element.tagName === "IFRAME" && element.getAttribute("srcdoc")) found.push("iframe srcdoc");
      }
      for (const style of document.querySelectorAll("style")) {
        const css = style.textContent!;
        if (css.replace(/\s/g, "").includes(byValue) || byName.test(css)) found.push("a <style> with the page's rule");
      }
      for (const element of [document.body, ...document.querySelectorAll("main *")]) {
        const {backgroundColor, color} = getComputedStyle(element);
        if (backgroundColor === mark || color === mark) found.push(`${element.tagName} styled ${mark}`);
      }
      return found;
    },
    {mark: MARK, markCss: MARK_CSS, pwn: PWN}
  );
}

/** The x positions on screen of each character of `chars` where it first follows `after` inside `selector`. */
async function charPositions(page: Page, selector: string, after: string, chars: string) {
  return page.evaluate(
    ({selector, after, chars}) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!;
        const at = text.indexOf(after + chars);
        if (at < 0) continue;
        return [...chars].map((_, i) => {
          const range = document.createRange();
          range.setStart(node!, at + after.length + i);
          range.setEnd(node!, at + after.length + i + 1);
          return range.getBoundingClientRect().left;
        });
      }
      return null;
    },
    {selector, after, chars}
  );
}

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

test("the checks see an injection: the hostile markup, rendered as markup, trips each of them", async () => {
  const {page, ran} = await openPage(PAGES.methods());
  await page.evaluate((html) => {
    const main = document.querySelector("main")!;
    main.insertAdjacentHTML("beforeend", html); // what a page that rendered article text as HTML would do
    main.querySelectorAll("script").forEach((old) => {
      const script = document.createElement("script");
      script.textContent = old.textContent;
      old.replaceWith(script);
    });
  }, pages["hostile-style.txt"]);
  await page.waitForTimeout(300);
  assert.ok(ran.includes("script") && ran.includes("img"), ran.join(", "));
  const found = (await injected(page)).join("\n");
  for (const what of ["javascript:", "onerror", "style=", "<style>", `styled ${MARK}`, "iframe srcdoc"]) {
    assert.ok(found.includes(what), `${what} in:\n${found}`);
  }
});

const views: [string, string][] = [
  ["the overview", PAGES.overview()],
  ["the article list, filtered to the hostile titles", PAGES.articles()],
  ...hostile.map(({doc, id}): [string, string] => [`the article of ${doc}`, PAGES.article(id)]),
  ["the methods page's list of documents", PAGES.methods()],
  ["the search results for the hostile pages", PAGES.search("开发区扶贫")]
];

for (const [name, path] of views) {
  test(`${name}: no script runs, no javascript: link, no injected style`, async () => {
    const {page, ran, errors, remoteRequests} = await openPage(path);
    if (path === PAGES.articles()) {
      await page.waitForSelector("#articles-table tbody tr");
      await page.locator("main input[type=search]").fill("扶贫");
      await page.waitForFunction(
        (pwn) => document.querySelector("#articles-table tbody")?.textContent?.includes(pwn),
        PWN
      );
    }
    if (path.startsWith(PAGES.article(""))) await page.waitForSelector("#article-text mark");
    if (path.startsWith(PAGES.search(""))) await page.waitForSelector("#search-results li");
    await page.waitForTimeout(300); // an onerror or onload payload fires after its element loads
    assert.deepEqual(ran, [], "payloads that ran");
    assert.deepEqual(await injected(page), []);
    assert.notEqual(await page.title(), PWN);
    assert.deepEqual(remoteRequests, []);
    assert.deepEqual(
      errors.filter((e) => e.includes(PWN)),
      []
    );
  });
}

test("a hostile article shows its markup as text, title and body", async () => {
  for (const {doc, title, id} of hostile) {
    const {page} = await openPage(PAGES.article(id));
    await page.waitForSelector("#article-text mark");
    assert.equal(await page.locator("#article-title").innerText(), shown(title), doc);
    if (doc.endsWith(".html")) continue; // its tags are the page's markup, stripped; only the escaped ones are text
    const text = await page.locator("#article-text").innerText();
    for (const shown of [
      `<script>${PWN}('script')</script>`,
      `<a href="javascript:${PWN}('link')">`,
      `onerror="${PWN}('img')"`
    ]) {
      assert.ok(text.includes(shown), `${doc}: shown as text: ${shown}`);
    }
    // An override precedes 36.9万元 in the text: the marks still cover the figures, not characters shifted by it.
    const marked = await page.locator("#article-text mark").allInnerTexts();
    for (const figure of ["36.9万元", "126户"])
      assert.ok(marked.includes(figure), `${doc}: ${figure} in ${marked.join(", ")}`);
  }
});

test("a bidi control in a title, a text or a search excerpt shows as a mark and reorders nothing after it", async () => {
  const [style, , html] = hostile;
  for (const [path, selector, control, after, chars] of [
    [PAGES.article(style.id), "#article-title", RLO, "反向", "ABC"],
    [PAGES.article(html.id), "#article-title", RLO, "测试", "XYZ"],
    [PAGES.article(style.id), "#article-text", RLO, "", "发放扶贫资金"],
    [PAGES.article(style.id), "#article-text", LRO, "顺序", "DEF"],
    [PAGES.article(style.id), "#article-text", RLI, "隔离", "GHI"],
    [PAGES.search("开发区扶贫"), `#search-results li[data-article="${style.id}"] .result-title`, RLO, "反向", "ABC"],
    [PAGES.search("发放扶贫"), `#search-results li[data-article="${style.id}"] .result-excerpt`, RLO, "资金", "36.9"]
  ]) {
    const {page, errors} = await openPage(path);
    await page.waitForSelector(path.startsWith(PAGES.search("")) ? "#search-results li" : "#article-text mark");
    const text = await page.locator(selector).first().innerText();
    assert.ok(text.includes(shown(control)), `${path} ${selector} shows ${shown(control)}: ${text}`);
    const xs = await charPositions(page, selector, after, chars);
    assert.ok(xs, `${selector} has ${JSON.stringify(after + chars)}`);
    assert.ok(
      increasing(xs),
      `${chars} after ${JSON.stringify(after)} in ${selector} reads left to right: ${xs.join(", ")}`
    );
    assert.deepEqual(errors, [], path);
  }
});
