// One page load in Chromium, measured two ways: timings by the page's own clock (performance.now(), whose zero is
// navigation start), so the harness's round-trips to the browser are not in them; and every response's size as
// Playwright reports it for the whole context, so what the browser received is counted, fonts, late fetches and the
// requests of workers (DuckDB-wasm fetches its .wasm from one) included. A CDP session on the page alone misses those.
import type {BrowserContext, Page, Request} from "playwright-core";

export interface Response {
  url: string;
  status: number;
  /**
   * request.sizes(): responseBodySize + responseHeadersSize, which Playwright takes from CDP
   * Network.loadingFinished encodedDataLength, i.e. the body as sent (compressed if it was) plus the headers.
   */
  bytes: number;
}

export interface Load {
  /** ms from navigation start until an element matching the chart selector was in the DOM. */
  chart: number;
  /** ms from navigation start when the reader's action (typing a search) began, or NaN when there was none. */
  actStart: number;
  firstContentfulPaint: number;
  domContentLoaded: number;
  load: number;
  /** Main-thread task time (ms, CDP Performance TaskDuration) from navigation until just after the chart showed. */
  taskMs: number;
  responses: Response[];
  failed: string[];
}

// Runs before any of the page's scripts. A MutationObserver callback runs in the same task as the insertion, so the
// time is when Plot's SVG entered the document, not when the harness next polled.
const marker = (selector: string) => `
  window.__bench = {};
  const observer = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(selector)})) {
      window.__bench.chart = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
`;

/** Quiet: no request in flight for this long. Catches the font pieces and tables fetched after `load`. */
const quietMs = 500;

export interface LoadOptions {
  /** What the reader does once the page has loaded (type a search); the chart selector then waits for its result. */
  act?: (page: Page) => Promise<void>;
  /** How long to wait for the chart, in ms. Default 60 s. */
  timeout?: number;
}

export async function measureLoad(
  context: BrowserContext,
  url: string,
  chartSelector: string,
  options: LoadOptions = {}
): Promise<Load> {
  const timeout = options.timeout ?? 60_000;
  const page = await context.newPage();
  await page.addInitScript({content: marker(chartSelector)});
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");

  // blob: and data: URLs (DuckDB's worker script, inline images) are not network requests.
  const isNetwork = (request: Request) => /^https?:/.test(request.url());
  const finished: Request[] = [];
  const failed: string[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const onRequest = (request: Request) => {
    if (!isNetwork(request)) return;
    inFlight++;
    lastActivity = performance.now();
  };
  const onFinished = (request: Request) => {
    if (!isNetwork(request)) return;
    finished.push(request);
    inFlight--;
    lastActivity = performance.now();
  };
  const onFailed = (request: Request) => {
    if (!isNetwork(request)) return;
    failed.push(`${request.url()}: ${request.failure()?.errorText}`);
    inFlight--;
    lastActivity = performance.now();
  };
  context.on("request", onRequest);
  context.on("requestfinished", onFinished);
  context.on("requestfailed", onFailed);

  let taskMs = NaN;
  try {
    await page.goto(url, {waitUntil: "load", timeout});
    if (options.act) {
      await page.evaluate(() => ((window as any).__bench.actStart = performance.now()));
      await options.act(page);
    }
    await page.waitForFunction(() => (window as any).__bench.chart !== undefined, null, {timeout, polling: 50});
    const {metrics} = await cdp.send("Performance.getMetrics");
    taskMs = 1000 * (metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN);
  } catch (error) {
    context.off("request", onRequest);
    context.off("requestfinished", onFinished);
    context.off("requestfailed", onFailed);
    await page.close();
    throw error;
  }
  const deadline = performance.now() + timeout;
  while ((inFlight > 0 || performance.now() - lastActivity < quietMs) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (inFlight > 0) failed.push(`${inFlight} requests still open ${timeout / 1000} s after the chart`);
  context.off("request", onRequest);
  context.off("requestfinished", onFinished);
  context.off("requestfailed", onFailed);

  const timings = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      chart: (window as any).__bench.chart as number,
      actStart: ((window as any).__bench.actStart as number | undefined) ?? NaN,
      firstContentfulPaint: paint?.startTime ?? NaN,
      domContentLoaded: navigation.domContentLoadedEventStart,
      load: navigation.loadEventStart
    };
  });
  const responses = await Promise.all(
    finished.map(async (request) => {
      const sizes = await request.sizes();
      const status = (await request.response())?.status() ?? 0;
      return {url: request.url(), status, bytes: sizes.responseBodySize + sizes.responseHeadersSize};
    })
  );
  await page.close();
  return {...timings, taskMs, responses, failed};
}
