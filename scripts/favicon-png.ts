/**
 * src/assets/favicon-32.png, the search page's tab icon (layouts/parts/inline-svg.ts `tabIconPng`):
 * src/assets/favicon.svg drawn by Debian's Chromium at 32 × 32 px on a transparent background. Run it
 * again after changing favicon.svg (test/search/tab-icon.test.ts compares the two).
 *
 *   npx tsx scripts/favicon-png.ts
 */
import { writeFileSync } from "node:fs";
import { launchBrowser } from "../test/helpers/browser.ts";
import { drawnSvg } from "../test/helpers/drawn-svg.ts";

const browser = await launchBrowser();
try {
  writeFileSync(
    new URL("../src/assets/favicon-32.png", import.meta.url),
    await drawnSvg(browser, "favicon.svg", 32),
  );
} finally {
  await browser.close();
}
