/**
 * Phones and zoom: no template scrolls sideways at 320 px, 375 px or 200 % zoom, in any mode.
 * Light pages: the home page stays under 150 KB, first-party only, images sized and lazy below the fold.
 * Every other page of the sample portal at phone widths: layout-every-page.test.ts (a file of its
 * own, so the runner's two slots share the work; the template pages are measured here only).
 *
 * Each template is loaded once at 320 px, each mode switched on in place (the DOM a fresh load with
 * the mode saved gives: mode-switch.ts) and measured at 320 px and again at 375 px in place: the
 * site's layout depends on the DOM, its style sheets and the viewport only (overflow.ts), so this
 * measures what a fresh load would. 200 % zoom likewise: one load per template at that size, the
 * modes switched in place (a scale factor is never changed in place). One more load per template,
 * with every mode saved, checks that saved modes are applied on load.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page, Request } from "playwright-core";
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
 * size. Each size has its tab, and each template one load per tab: at 320 px (375 px by an in-place
 * resize of that page) and at 200 % zoom. Each mode is then switched on in place by its switch (the
 * DOM of a fresh load with the mode saved: mode-switch.ts), measured and switched off; speech last.
 * A mode switched in place at 200 % zoom gives every element the box of a fresh load at 200 % with
 * the mode saved (checked for every template and mode, ci48.tests.md); a change of scale factor in
 * place would not (fonts measured at 1x), so that size has a load of its own. A third tab loads
 * each template with every mode saved and checks that each one is applied on load (site.js reads
 * each mode's key on its own, so all saved at once checks each).
 */
async function overflowingBySize(): Promise<Map<string, string[]>> {
  const [narrow, phone, zoom] = SIZES;
  const found = new Map(SIZES.map((size) => [size.name, [] as string[]]));
  const note = (size: Viewport, line: string) => void (line && found.get(size.name)!.push(line));
  const phones = await newContext(session, narrow);
  const phonePage = await phones.newPage();
  const cdp = await phones.newCDPSession(phonePage);
  const zoomed = await newContext(session, zoom);
  const zoomPage = await zoomed.newPage();
  const everyMode = MODES.flatMap((mode) => mode.classes);
  const saved = await newContext(session, { ...narrow, modes: everyMode });
  const savedPage = await saved.newPage();
  /** Loads `url` in `page` and measures it in every mode, switched in place. */
  const inEveryMode = async (page: Page, url: string, measure: (label: string) => Promise<void>) => {
    await page.goto(session.address(url), { waitUntil: "load" });
    for (const mode of MODES) {
      for (const cls of mode.classes) await switchMode(page, cls, true);
      await measure(`${url} [${mode.name}]`);
      for (const cls of mode.classes) await switchMode(page, cls, false);
    }
  };
  for (const { name, url } of session.portal.pages) {
    const atPhones = async () => {
      await resize(cdp, narrow);
      await inEveryMode(phonePage, url, async (label) => {
        await resize(cdp, narrow);
        note(narrow, await overflowLine(phonePage, narrow, `${name} ${label}`));
        await resize(cdp, phone);
        note(phone, await overflowLine(phonePage, phone, `${name} ${label}`));
      });
    };
    const atZoom = () =>
      inEveryMode(zoomPage, url, async (label) =>
        note(zoom, await overflowLine(zoomPage, zoom, `${name} ${label}`)),
      );
    const savedApplied = async () => {
      await savedPage.goto(session.address(url), { waitUntil: "load" });
      const classes = await savedPage.evaluate(() => document.documentElement.classList.value);
      for (const cls of everyMode)
        assert.ok(classes.split(" ").includes(cls), `${name}: the saved ${cls} mode is applied`);
    };
    await Promise.all([atPhones(), atZoom(), savedApplied()]);
  }
  for (const context of [phones, zoomed, saved]) await context.close();
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
