/** One of the generator's SVG assets drawn by Chromium as a PNG (scripts/favicon-png.ts and its test). */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";

export async function drawnSvg(browser: Browser, file: string, size: number): Promise<Buffer> {
  const svg = readFileSync(new URL(`../../src/assets/${file}`, import.meta.url), "utf8");
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  try {
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img width="${size}" height="${size}" src="data:image/svg+xml,${encodeURIComponent(svg)}">`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    return await page.screenshot({ omitBackground: true });
  } finally {
    await page.close();
  }
}
