// Debian's Chromium driven by playwright-core, headless and quiet on the network; shared by the export command and
// the browser tests so both run the browser the same way.
import {existsSync} from "node:fs";
import type {Browser} from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** What to tell someone without it. */
export const chromiumHint = "apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH";

export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

/** Launches it; playwright-core (a dev dependency) is loaded only here, so a tables-only export never needs it. */
export async function launch(): Promise<Browser> {
  const {chromium} = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic"
    ]
  });
}
