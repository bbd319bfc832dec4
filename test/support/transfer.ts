// What a page received over the network: every finished request of the page's context with its size (body as
// sent plus headers, from CDP via Playwright) and status, so tests can bound a page's transfer and see range reads.
import type {Page, Request} from "playwright-core";

export interface Transfer {
  url: string;
  status: number;
  bytes: number;
  range: string | null;
}

/** Starts recording the page's requests; `settle()` waits for the network to be quiet and gives what was received. */
export function recordTransfer(page: Page) {
  const pending = new Set<Request>();
  const finished: Request[] = [];
  const context = page.context();
  context.on("request", (request) => pending.add(request));
  context.on("requestfinished", (request) => (pending.delete(request), finished.push(request)));
  context.on("requestfailed", (request) => pending.delete(request));
  return {
    async settle(quietMs = 300): Promise<Transfer[]> {
      for (let quiet = 0; quiet < quietMs;) {
        await page.waitForTimeout(50);
        quiet = pending.size ? 0 : quiet + 50;
      }
      const http = finished.filter((request) => /^https?:/.test(request.url()));
      return Promise.all(
        http.map(async (request) => {
          const sizes = await request.sizes();
          const response = await request.response();
          return {
            url: request.url(),
            status: response?.status() ?? 0,
            bytes: sizes.responseBodySize + sizes.responseHeadersSize,
            range: (await request.allHeaders()).range ?? null
          };
        })
      );
    },
    clear() {
      finished.length = 0;
    }
  };
}

export const totalBytes = (transfers: Transfer[]) => transfers.reduce((sum, t) => sum + t.bytes, 0);
