// The set-up every browser test of the built site shares: build once, serve dist/ on localhost, launch Chromium.
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {launch} from "../../scripts/chromium.js";
import {serve} from "../../scripts/serve.js";
import {dist, ensureBuilt} from "./site.js";

export interface ServedSite {
  readonly browser: Browser;
  readonly origin: string;
}

/**
 * Registers the test file's before/after hooks. `setup` runs in the same hook, once the site is up: Node's runner
 * does not wait for one file-level `before` before starting the next.
 */
export function servedSite(setup?: (site: ServedSite) => Promise<void>): ServedSite {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  before(async () => {
    ensureBuilt();
    server = await serve(dist);
    browser = await launch();
    await setup?.(site);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const site: ServedSite = {
    get browser() {
      return browser!;
    },
    get origin() {
      return server!.origin;
    }
  };
  return site;
}
