// Framework resolves `npm:` imports of the pages' components to the packages installed here; these declarations give
// TypeScript the same packages. d3, htl and Inputs ship no types (and @types/d3 is not installed), so they are `any`.
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:arquero" {
  export * from "arquero";
}
declare module "npm:d3";
declare module "npm:htl";
declare module "npm:@observablehq/inputs";
declare module "npm:apache-arrow" {
  export * from "apache-arrow";
}
declare module "npm:parquet-wasm";
declare module "npm:@observablehq/duckdb";
declare module "npm:@fontsource-variable/noto-sans-sc";
