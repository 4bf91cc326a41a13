/**
 * Phones and zoom: no template scrolls sideways at 320 px, 375 px or 200 % zoom, in any mode.
 * Light pages: the home page stays under 150 KB, first-party only, images sized and lazy below the fold.
 * Every other page of the sample portal at phone widths: layout-every-page.test.ts (a file of its
 * own, so the runner's two slots share the work; the template pages are measured here only).
 *
 * Each template is loaded once at 320 px, each mode switched on in place (the DOM a fresh load with
 * the mode saved gives: mode-switch.ts) and measured at 320 px and again at 375 px in place: the
 * site's layout depends on the DOM, its style sheets and the viewport only (overflow.ts), so this
 * measures what a fresh load would; 200 % zoom loads each template in each mode, the mode saved.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Request } from "playwright-core";
import { noBrowser } from "../helpers/browser.ts";
import { newContext, LAYOUT_ONLY, openSession, type Session } from "./browser-session.ts";
import { MODES } from "./template-pages.ts";
import { overflowLine, resize, SIZES, type Viewport } from "./overflow.ts";
import { switchMode } from "./mode-switch.ts";

let session: Session;
before(async () => {
  if (!noBrowser) session = await openSession(LAYOUT_ONLY);
});
after(async () => session?.close());

/**
 * Every template in every mode at every size, once for the three tests: the lines that overflow, by
 * size. Phones: one load per template at 320 px, then each mode switched on in place by its switch
 * (the DOM of a fresh load with the mode saved: mode-switch.ts) and measured at 320 px and at 375 px
 * after an in-place resize. 200 % zoom: a load of its own in each mode, with the mode saved (in
 * place, text lands up to 1 px lower on a few templates than in a fresh load: fonts measured at 1x),
 * in other tabs while the first measures the phones; these loads also check that a saved mode is
 * applied on load.
 */
async function overflowingBySize(): Promise<Map<string, string[]>> {
  const [narrow, phone, zoom] = SIZES;
  const found = new Map(SIZES.map((size) => [size.name, [] as string[]]));
  const note = (size: Viewport, line: string) => void (line && found.get(size.name)!.push(line));
  const phones = await newContext(session, narrow);
  const phonePage = await phones.newPage();
  const cdp = await phones.newCDPSession(phonePage);
  const zoomed = await Promise.all(
    MODES.map(async (mode) => {
      const context = await newContext(session, { ...zoom, modes: mode.classes });
      return { mode, context, page: await context.newPage() };
    }),
  );
  for (const { name, url } of session.portal.pages) {
    const atPhones = async () => {
      await resize(cdp, narrow);
      await phonePage.goto(session.address(url), { waitUntil: "load" });
      // Speech last: switched off, it writes into the status line (mode-switch.ts).
      for (const mode of MODES) {
        const label = `${name} ${url} [${mode.name}]`;
        for (const cls of mode.classes) await switchMode(phonePage, cls, true);
        await resize(cdp, narrow);
        note(narrow, await overflowLine(phonePage, narrow, label));
        await resize(cdp, phone);
        note(phone, await overflowLine(phonePage, phone, label));
        for (const cls of mode.classes) await switchMode(phonePage, cls, false);
      }
    };
    const atZoom = async () => {
      for (const { mode, page } of zoomed) {
        await page.goto(session.address(url), { waitUntil: "load" });
        const classes = await page.evaluate(() => document.documentElement.classList.value);
        for (const cls of mode.classes)
          assert.ok(classes.split(" ").includes(cls), `${name}: the saved ${cls} mode is applied`);
        note(zoom, await overflowLine(page, zoom, `${name} ${url} [${mode.name}]`));
      }
    };
    await Promise.all([atPhones(), atZoom()]);
  }
  await phones.close();
  for (const { context } of zoomed) await context.close();
  return found;
}

let measured: Promise<Map<string, string[]>> | undefined;
for (const size of SIZES) {
  test(
    `no horizontal scrolling at ${size.name}, on every template, in every mode`,
    { skip: noBrowser },
    async () => {
      measured ??= overflowingBySize();
      const overflowing = (await measured).get(size.name)!;
      assert.deepEqual(overflowing, [], overflowing.join("\n"));
    },
  );
}

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
