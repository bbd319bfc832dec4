// Pages that try to run script, link to javascript:, inject style and reorder text, for test/site/hostile.browser.test.ts.
// Titles are kept short: the segmenter takes a long line for body text, and the point is HTML in a title.

/** What a payload calls when it runs: the test page defines it before anything loads and records the call. */
export const PWN = "__pwn";
/** A colour no page of the site uses (CSS `tan`): if anything on screen has it, a page's style got in. */
export const MARK_CSS = "tan";
export const MARK = "rgb(210, 180, 140)";
export const RLO = "\u202e";
export const LRO = "\u202d";
export const RLI = "\u2067";

/** The first article of each page: its title as printed, and the characters an override would reverse on screen. */
export const titles = {
  "hostile-style.txt": `<style>*{color:${MARK_CSS}}</style>开发区扶贫${RLO}反向ABC`,
  "hostile-link.txt": `<a href="javascript:${PWN}()">点</a>扶贫测试`,
  "hostile-page.html": `<script>${PWN}('entity')</script>开发区扶贫网页${RLO}测试XYZ`
};

const body = (title: string) => `今日开发区

2020年6月1日 星期一

${title}

□测试

开发区东城街道为贫困户<script>${PWN}('script')</script>${RLO}发放扶贫资金36.9万元,<a href="javascript:${PWN}('link')">点此</a>帮扶贫困户126户。

<img src=x onerror="${PWN}('img')"><svg onload="${PWN}('svg')"></svg><iframe srcdoc="<script>parent.${PWN}('iframe')</script>"></iframe><b style="background:${MARK_CSS}">样式</b><style>body{background:${MARK_CSS} !important}</style>

[链接](javascript:${PWN}('markdown')) javascript:${PWN}('bare') ${LRO}顺序DEF ${RLI}隔离GHI ${"${" + PWN + "('template')}"} {{constructor.constructor('${PWN}("angular")')()}}
`;

export const pages: Record<string, string> = {
  "hostile-style.txt": body(titles["hostile-style.txt"]),
  "hostile-link.txt": body(titles["hostile-link.txt"]),
  "hostile-page.html": `<!doctype html><html><head><title>${PWN}</title><style>body{background:${MARK_CSS}}</style>
<script>${PWN}('head script')</script><meta http-equiv="refresh" content="0;url=javascript:${PWN}('meta')"></head>
<body onload="${PWN}('body')"><p>今日开发区</p><p>2020年6月2日 星期二</p>
<h1>&lt;script&gt;${PWN}('entity')&lt;/script&gt;开发区扶贫网页&#x202e;测试XYZ</h1>
<p>开发区东城街道为贫困户发放扶贫资金12万元，<a href="javascript:${PWN}('html link')" onclick="${PWN}('onclick')">详情</a>帮扶贫困户30户。</p>
<p style="color:${MARK_CSS}">&lt;a href="javascript:${PWN}('escaped')"&gt;链接&lt;/a&gt;</p>
<script>${PWN}('body script')</script><noscript><style>body{color:${MARK_CSS}}</style></noscript>
</body></html>`
};
