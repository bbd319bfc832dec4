import {test} from "node:test";
import assert from "node:assert/strict";
import {withChrome} from "../scripts/page-chrome.js";

// The parts of Framework 1.13's page template (render.js) that the chrome goes beside.
const page = (footer: string) => `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<script type="module">const main = "</main>";</script>
</head>
<body>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
<h1>页</h1>
</main>${footer}
</div>
</body>
</html>
`;

test("the chrome goes where Framework puts a configured head, header and footer, with paths from the page", () => {
  const html = withChrome(page(""), "/town/371502001");
  assert.ok(
    html.startsWith(
      '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="../favicon.svg"'
    )
  );
  assert.ok(
    html.includes(
      '<div id="observablehq-center">\n<header id="observablehq-header">\n<form class="fulltext-search" action="../search"'
    )
  );
  assert.ok(
    html.includes('<h1>页</h1>\n</main>\n<footer id="observablehq-footer">\n<div>Source: local newspaper pages')
  );
  assert.ok(html.includes('const main = "</main>";</script>'), "the page's own code is untouched");
});

test("a page with a pager keeps it, and the source line follows it inside the same footer", () => {
  const pager =
    '\n<footer id="observablehq-footer">\n<nav><a rel="next" href="./funds"><span>Funds</span></a></nav>\n</footer>';
  const html = withChrome(page(pager), "/index");
  assert.ok(html.includes('action="./search"'));
  assert.ok(html.includes("</span></a></nav>\n<div>Source: local newspaper pages"));
  assert.equal(html.split("<footer").length, 2, "one footer");
});

test("a page of another template is an error, not a page without chrome", () => {
  assert.throws(() => withChrome("<!DOCTYPE html><html><body></body></html>", "/x"), /template/);
  assert.throws(
    () => withChrome(page("").replace('<div id="observablehq-center">', "<div>"), "/x"),
    /observablehq-center/
  );
});
