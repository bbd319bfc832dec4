// See https://observablehq.com/framework/config for the options.
export default {
  title: "聊城脱贫攻坚 · Liaocheng poverty relief in the papers",
  root: "src",
  // Everything the site needs is served locally (see scripts/vendor-npm.ts); the default stylesheet would fetch
  // Source Serif from Google Fonts.
  globalStylesheets: [],
  // null (not false) drops the extension entirely, so DuckDB-wasm downloads nothing from extensions.duckdb.org.
  duckdb: {extensions: {json: null, parquet: null}},
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
  search: true,
  footer: "Source: local newspaper pages in <code>data/</code>, read by the extraction engine in <code>loaders/</code>."
};
