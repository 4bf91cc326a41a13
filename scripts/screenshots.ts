/**
 * Screenshots of the home page at 1366 px and 375 px for the README (docs/screenshots/), taken from
 * a fresh build of the sample portal with Debian's Chromium. `npm run screenshots`.
 */
import path from "node:path";
import { mkdirSync } from "node:fs";
import { launchBrowser } from "../test/helpers/browser.ts";
import { serveStatic } from "../test/helpers/serve.ts";
import { buildSamplePortal } from "./sample-build.ts";

const repoRoot = path.resolve(import.meta.dirname, "..");
const outDir = path.join(repoRoot, "docs", "screenshots");
const url = process.argv[2] ?? "/";
const suffix = process.argv[3] ?? "home";

const built = await buildSamplePortal();
const server = await serveStatic(built);
const browser = await launchBrowser();
try {
  mkdirSync(outDir, { recursive: true });
  for (const width of [1366, 375]) {
    const page = await browser.newPage({ viewport: { width, height: width > 1000 ? 900 : 740 } });
    await page.goto(new URL(url.replace(/^\//, ""), server.url).href, { waitUntil: "networkidle" });
    // A full-page shot is taller than the window: lazy images below it would stay blank.
    await page.evaluate(() =>
      Promise.all(
        [...document.images].map((img) => {
          img.loading = "eager";
          return img.decode().catch(() => undefined);
        }),
      ),
    );
    const file = path.join(outDir, `${suffix}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
