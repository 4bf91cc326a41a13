/**
 * An SVG icon drawn by Chromium as a PNG (scripts/favicon-png.ts writes `src/assets/favicon.png` with it;
 * test/search/raster-icon.test.ts checks that file against the SVG).
 */
import { launchBrowser } from "./browser.ts";

/** 32 px: the tab's 16 CSS px on a screen of two device pixels per CSS pixel. */
export const ICON_SIZE = 32;

/** The SVG drawn at `size` px on a transparent background, as PNG bytes. */
export async function rasterIcon(svg: string, size = ICON_SIZE): Promise<Buffer> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<body style="margin:0"><img style="display:block" width="${size}" height="${size}" src="${src}">`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    return await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  } finally {
    await browser.close();
  }
}
