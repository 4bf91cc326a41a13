/**
 * The tab's icon is a PNG (layouts/parts/head.ts, scripts/favicon-png.ts): Chromium makes an SVG
 * icon a document of its own on the page's main thread (frame, page, parser: 3–7 ms of CPU, up to
 * 70 ms of wall on a busy machine) in every page load, a PNG is decoded in under 1 ms. So the search
 * page makes no SVG image document at all (its emblem and badge are drawn in the page), every page
 * links the PNG, and the PNG is favicon.svg as Chromium draws it at 32 px.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { mainThreadTasks, type TraceEvent } from "../helpers/main-thread-tasks.ts";
import { ICON_SIZE, rasterIcon } from "../helpers/raster-icon.ts";
import { serveSample, type ServedSample } from "../helpers/served-sample.ts";

const skip = noBrowser;
const assets = path.resolve(import.meta.dirname, "../../src/assets");
const SVG_DOCUMENT = "IsolatedSVGDocumentHost::IsolatedSVGDocumentHost";

let served: ServedSample | undefined;
let browser: Browser;
let svgDocuments = -1;
let iconType = "";

before(async () => {
  if (skip) return;
  served = await serveSample("raster-icon");
  browser = await launchBrowser();
  const page = await browser.newPage();
  page.on("response", (r) => {
    if (/\/favicon\.\w+$/.test(r.url())) iconType = r.headers()["content-type"] ?? "";
  });
  const traceFile = path.join(served.work, "trace-icon.json");
  await browser.startTracing(page, {
    path: traceFile,
    categories: ["devtools.timeline", "blink", "toplevel"],
  });
  // No result: the footer, its badge included, is in view.
  await page.goto(`${served.server.url}search/?${new URLSearchParams({ q: "没有这样的页面甲乙" })}`);
  await page.waitForSelector("#search-app[data-state=done]");
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await browser.stopTracing();
  await page.close();
  const { traceEvents } = JSON.parse(readFileSync(traceFile, "utf8")) as { traceEvents: TraceEvent[] };
  const tasks = mainThreadTasks(traceEvents);
  assert.ok(tasks.length > 20, `the page's main thread in the trace (${tasks.length} tasks)`);
  svgDocuments = tasks.filter((t) => t.inner.some((e) => e.name === SVG_DOCUMENT)).length;
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test("the search page makes no SVG image document on its main thread, the tab's icon a PNG", { skip }, () => {
  assert.equal(svgDocuments, 0);
  assert.equal(iconType, "image/png");
});

test("every page links the PNG icon, none the SVG", { skip }, () => {
  const site = path.join(served!.work, "_site");
  for (const file of ["index.html", "search/index.html", "sitemap/index.html", "404.html"]) {
    const head = readFileSync(path.join(site, file), "utf8").split("</head>")[0];
    assert.match(
      head,
      /<link rel="icon" href="\/portal\/assets\/favicon\.png" type="image\/png" sizes="32x32">/,
      file,
    );
    assert.doesNotMatch(head, /favicon\.svg/, file);
  }
});

test(
  "favicon.png is favicon.svg as Chromium draws it (run scripts/favicon-png.ts after changing the SVG)",
  { skip },
  async () => {
    const drawn = await rasterIcon(readFileSync(path.join(assets, "favicon.svg"), "utf8"));
    const page = await browser.newPage();
    // Both decoded by the browser: the pixels compared, not the encoder's bytes. No function declared
    // inside: the test runner's transform would name it with a helper the page lacks.
    const diff = await page.evaluate(
      async ([pngs, size]) => {
        const seen: { width: number; data: Uint8ClampedArray }[] = [];
        for (const png of pngs) {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const context = new OffscreenCanvas(size, size).getContext("2d")!;
          context.drawImage(image, 0, 0);
          seen.push({ width: image.naturalWidth, data: context.getImageData(0, 0, size, size).data });
        }
        let most = 0;
        for (let i = 0; i < seen[0].data.length; i++)
          most = Math.max(most, Math.abs(seen[0].data[i] - seen[1].data[i]));
        return { widths: seen.map((s) => s.width), most };
      },
      [
        [readFileSync(path.join(assets, "favicon.png")).toString("base64"), drawn.toString("base64")],
        ICON_SIZE,
      ] as const,
    );
    await page.close();
    assert.deepEqual(diff.widths, [ICON_SIZE, ICON_SIZE]);
    assert.ok(diff.most <= 8, `largest difference of a channel: ${diff.most}`);
  },
);
