/**
 * The search page's tab icon is a PNG (src/assets/favicon-32.png, a data: URL in the page): Chromium
 * makes an SVG icon an image document in a task of the page's main thread on every load. The PNG must
 * stay the drawing of favicon.svg (scripts/favicon-png.ts makes it again after favicon.svg changes).
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { drawnSvg } from "../helpers/drawn-svg.ts";
import { tabIconPng } from "../../layouts/parts/inline-svg.ts";

const skip = noBrowser;
const committed = readFileSync(new URL("../../src/assets/favicon-32.png", import.meta.url));
let browser: Browser;

before(async () => {
  if (!skip) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test("the search page's tab icon is favicon-32.png as a data: URL", () => {
  assert.equal(tabIconPng(), `data:image/png;base64,${committed.toString("base64")}`);
});

test("favicon-32.png is favicon.svg as Chromium draws it at 32 px", { skip }, async () => {
  const drawn = await drawnSvg(browser, "favicon.svg", 32);
  if (drawn.equals(committed)) return;
  // Another Chromium may encode or smooth the edges differently: the pixels are compared.
  const page = await browser.newPage();
  try {
    // No function declared inside: the test runner's transform would name it with a helper the page lacks.
    const [x, y] = await Promise.all(
      [drawn, committed].map((png) =>
        page.evaluate(async (base64) => {
          const bitmap = await createImageBitmap(
            await (await fetch(`data:image/png;base64,${base64}`)).blob(),
          );
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
          canvas.drawImage(bitmap, 0, 0);
          return {
            size: `${bitmap.width}x${bitmap.height}`,
            data: [...canvas.getImageData(0, 0, bitmap.width, bitmap.height).data],
          };
        }, png.toString("base64")),
      ),
    );
    let sum = 0;
    for (let i = 0; i < x.data.length; i++) sum += Math.abs(x.data[i] - (y.data[i] ?? 0));
    const diff = { sizes: [x.size, y.size], mean: sum / x.data.length };
    assert.deepEqual(diff.sizes, ["32x32", "32x32"]);
    assert.ok(
      diff.mean < 4,
      `mean difference per channel ${diff.mean.toFixed(2)}: run scripts/favicon-png.ts`,
    );
  } finally {
    await page.close();
  }
});
