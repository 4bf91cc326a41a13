/**
 * Phones and zoom: no template scrolls sideways at 320 px, 375 px or 200 % zoom, in any mode.
 * Light pages: the home page stays under 150 KB, first-party only, images sized and lazy below the fold.
 *
 * 200 % browser zoom is emulated as a 640 px CSS viewport at device scale factor 2: that is what
 * zooming a 1280 px window to 200 % does to layout (CSS pixels double, the viewport in CSS pixels
 * halves, media queries see 640 px), and it renders at the same physical size.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Request } from "playwright-core";
import { noBrowser } from "../helpers/browser.ts";
import { newContext, openSession, type Session } from "./browser-session.ts";
import { everyPage, MODES } from "./template-pages.ts";

let session: Session;
before(async () => {
  if (!noBrowser) session = await openSession();
});
after(async () => session?.close());

const SIZES = [
  { name: "320 px (smallest phones)", width: 320, height: 640, deviceScaleFactor: 1 },
  { name: "375 px phone", width: 375, height: 740, deviceScaleFactor: 1 },
  { name: "200 % zoom", width: 640, height: 450, deviceScaleFactor: 2 },
] as const;

for (const size of SIZES) {
  test(
    `no horizontal scrolling at ${size.name}, on every template, in every mode`,
    { skip: noBrowser },
    async () => {
      const overflowing: string[] = [];
      for (const mode of MODES) {
        const context = await newContext(session, { ...size, modes: mode.classes });
        const page = await context.newPage();
        for (const { name, url } of session.portal.pages) {
          await page.goto(session.address(url), { waitUntil: "load" });
          const { scrollWidth, clientWidth, culprit } = await page.evaluate(overflow);
          if (scrollWidth > clientWidth)
            overflowing.push(
              `${name} ${url} [${mode.name}]: ${scrollWidth} > ${clientWidth}, widest ${culprit}`,
            );
        }
        await context.close();
      }
      assert.deepEqual(overflowing, [], overflowing.join("\n"));
    },
  );
}

/** Width of the page beyond the window, and the widest element that sticks out (outside scroll regions). */
function overflow() {
  const root = document.documentElement;
  let culprit = "";
  let right = root.clientWidth;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect().right;
    if (r > right + 0.5 && !el.closest(".table-scroll")) {
      right = r;
      culprit = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(r)}px)`;
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprit };
}

test(
  "no horizontal scrolling on any page of the sample portal at 320 px and 375 px, normal and large-font",
  { skip: noBrowser },
  async () => {
    const pages = everyPage(session.portal.outDir);
    assert.ok(pages.length > 250, `${pages.length} pages`);
    const overflowing: string[] = [];
    const context = await newContext(session, { width: 320, height: 640 });
    const page = await context.newPage();
    // One load per page; the widths and the large-font class are changed in place (what the switch does).
    const check = async (url: string, label: string) => {
      const { scrollWidth, clientWidth, culprit } = await page.evaluate(overflow);
      if (scrollWidth > clientWidth)
        overflowing.push(`${url} [${label}]: ${scrollWidth} > ${clientWidth}, widest ${culprit}`);
    };
    for (const url of pages) {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(session.address(url), { waitUntil: "domcontentloaded" });
      await check(url, "320 px");
      await page.evaluate(() => document.documentElement.classList.add("large-font"));
      await check(url, "320 px, large-font");
      await page.setViewportSize({ width: 375, height: 740 });
      await check(url, "375 px, large-font");
      await page.evaluate(() => document.documentElement.classList.remove("large-font"));
      await check(url, "375 px");
    }
    await context.close();
    assert.deepEqual(overflowing, [], overflowing.join("\n"));
  },
);

test(
  "the home page weighs under 150 KB (HTML, CSS, JS, images), all first-party, images sized and lazy below the fold",
  { skip: noBrowser },
  async () => {
    const origin = new URL(session.server.url).origin;
    for (const size of [
      { width: 1280, height: 900 },
      { width: 375, height: 740 },
    ]) {
      const context = await newContext(session, size);
      const page = await context.newPage();
      const requests: Request[] = [];
      page.on("requestfinished", (request) => void requests.push(request));
      await page.goto(session.address("/"), { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      let bytes = 0;
      for (const request of requests) {
        const sizes = await request.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        assert.equal(new URL(request.url()).origin, origin, `first-party only: ${request.url()}`);
      }
      assert.ok(
        bytes < 150 * 1024,
        `home page at ${size.width} px: ${bytes} bytes in ${requests.length} requests`,
      );
      const images = await page.evaluate(() =>
        [...document.images].map((img) => ({
          src: img.getAttribute("src"),
          sized: img.hasAttribute("width") && img.hasAttribute("height"),
          lazy: img.loading === "lazy",
          belowFold: img.getBoundingClientRect().top > window.innerHeight,
        })),
      );
      for (const img of images) {
        assert.ok(img.sized, `${img.src} has width and height`);
        if (img.belowFold) assert.ok(img.lazy, `${img.src} is below the fold and loads lazily`);
      }
      await context.close();
    }
  },
);

test(
  "every image on every template carries width and height (no layout jumps while loading)",
  { skip: noBrowser },
  () => {
    const unsized: string[] = [];
    for (const { name, file } of session.portal.pages) {
      const text = readFileSync(path.join(session.portal.outDir, file), "utf8");
      for (const [tag] of text.matchAll(/<img\b[^>]*>/g)) {
        if (!/\swidth="\d+"/.test(tag) || !/\sheight="\d+"/.test(tag)) unsized.push(`${name}: ${tag}`);
      }
    }
    assert.deepEqual(unsized, [], unsized.join("\n"));
  },
);
