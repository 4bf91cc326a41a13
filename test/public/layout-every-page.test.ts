/**
 * Every page of the sample portal (not one per template: long titles, tables and lists differ from
 * page to page) fits a phone: no sideways scrolling at 320 px and 375 px, normal and large-font.
 * A file of its own (it loads some 740 pages), so the runner's two slots share the layout tests.
 * The pages that stand for their templates are left to layout.test.ts, which measures them at
 * these widths in every mode.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { noBrowser } from "../helpers/browser.ts";
import { newContext, LAYOUT_ONLY, openSession, type Session } from "./browser-session.ts";
import { everyPage } from "./template-pages.ts";
import { overflowLine, resize, SIZES } from "./overflow.ts";

let session: Session;
before(async () => {
  if (!noBrowser) session = await openSession(LAYOUT_ONLY);
});
after(async () => session?.close());

test(
  "no horizontal scrolling on any page of the sample portal at 320 px and 375 px, normal and large-font",
  { skip: noBrowser },
  async () => {
    const all = everyPage(session.portal.outDir);
    assert.ok(all.length > 250, `${all.length} pages`);
    // The template pages are measured at both widths in every mode, normal and large-font among
    // them, by layout.test.ts: measured here too, they were loaded and measured twice per run.
    const templates = session.portal.pages.map((p) => p.url);
    assert.deepEqual(
      templates.filter((url) => !all.includes(url)),
      [],
      "every template page is a page of the portal",
    );
    const pages = all.filter((url) => !templates.includes(url));
    const [narrow, phone] = SIZES;
    const overflowing: string[] = [];
    const context = await newContext(session, narrow);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // One load per page; the width and the large-font class are changed in place (what the switch does).
    for (const url of pages) {
      await resize(cdp, narrow);
      await page.goto(session.address(url), { waitUntil: "domcontentloaded" });
      const lines = [await overflowLine(page, narrow, `${url} [320 px]`)];
      lines.push(await overflowLine(page, narrow, `${url} [320 px, large-font]`, true));
      await resize(cdp, phone);
      lines.push(await overflowLine(page, phone, `${url} [375 px, large-font]`));
      lines.push(await overflowLine(page, phone, `${url} [375 px]`, false));
      overflowing.push(...lines.filter(Boolean));
    }
    await context.close();
    assert.deepEqual(overflowing, [], overflowing.join("\n"));
  },
);
