/**
 * How a person uses the public pages: with the keyboard only, with the 适老化 switches, without
 * JavaScript, and on paper.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { noBrowser } from "../helpers/browser.ts";
import { newContext, openPage, openSession, type Session } from "./browser-session.ts";
import { absoluteUrl } from "../../src/portal/urls.ts";

let session: Session;
before(async () => {
  if (!noBrowser) session = await openSession();
});
after(async () => session?.close());

/** Presses Tab until `matches` holds for the focused element; returns how many presses it took. */
async function tabTo(page: Page, description: string, matches: (el: Element) => boolean): Promise<number> {
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return presses;
  }
  throw new Error(`Tab never reached ${description}`);
}

const urlOf = (page: Page) => decodeURIComponent(page.url());

test(
  "keyboard only: Tab reaches the large-font switch, the search box and the main navigation; Enter operates them",
  { skip: noBrowser },
  async () => {
    const context = await newContext(session);
    const page = await openPage(context, session, "/");

    // The first Tab lands on the skip link.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "跳到主要内容");

    await tabTo(page, "the large-font switch", (el) => el.getAttribute("data-mode") === "large-font");
    await page.keyboard.press("Enter");
    assert.ok(
      await page.evaluate(() => document.documentElement.classList.contains("large-font")),
      "Enter switches large font on",
    );
    assert.equal(await page.getAttribute('button[data-mode="large-font"]', "aria-pressed"), "true");
    const rootSize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    assert.ok(rootSize >= 22, `large text (${rootSize}px)`);

    // Remembered on the next page, and Enter switches it off again.
    await page.reload();
    assert.ok(
      await page.evaluate(() => document.documentElement.classList.contains("large-font")),
      "remembered after reload",
    );
    assert.equal(await page.getAttribute('button[data-mode="large-font"]', "aria-pressed"), "true");
    await page.focus('button[data-mode="large-font"]');
    await page.keyboard.press("Enter");
    assert.ok(
      !(await page.evaluate(() => document.documentElement.classList.contains("large-font"))),
      "Enter switches it off",
    );

    // The search box: type and press Enter.
    await page.reload();
    await tabTo(page, "the search box", (el) => el.id === "site-search-q");
    await page.keyboard.type("供暖");
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press("Enter")]);
    assert.match(urlOf(page), /\/search\/\?q=供暖$/);

    // The main navigation: Tab to 政府信息公开 and follow it with Enter.
    await page.goto(session.address("/"));
    await tabTo(
      page,
      "the main navigation",
      (el) => el.closest(".main-nav") !== null && el.textContent === "政府信息公开",
    );
    await Promise.all([page.waitForURL(/\/open\/$/), page.keyboard.press("Enter")]);
    assert.equal(
      await page.evaluate(() => document.querySelector('.main-nav [aria-current="page"]')?.textContent),
      "政府信息公开",
    );

    // The skip link moves focus into the main content.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    await context.close();
  },
);

test(
  "the high-contrast switch changes the colours on every page and is remembered",
  { skip: noBrowser },
  async () => {
    const context = await newContext(session);
    const page = await openPage(context, session, "/news/");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), "rgb(255, 255, 255)");
    await page.click('button[data-mode="high-contrast"]');
    assert.equal(await background(), "rgb(0, 0, 0)");
    await page.goto(session.address("/guides/"));
    assert.equal(await background(), "rgb(0, 0, 0)");
    assert.equal(await page.getAttribute('button[data-mode="high-contrast"]', "aria-pressed"), "true");
    await context.close();
  },
);

test(
  "a saved mode is on <html> before <body> exists, so the page never flashes in the wrong mode",
  { skip: noBrowser },
  async () => {
    const context = await newContext(session, { modes: ["large-font", "high-contrast"] });
    await context.addInitScript(() => {
      const seen = window as unknown as { classWhenBodyAppeared?: string };
      new MutationObserver((_records, observer) => {
        if (!document.body) return;
        seen.classWhenBodyAppeared = document.documentElement.className;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await openPage(context, session, "/guides/");
    const atBody = await page.evaluate(
      () => (window as unknown as { classWhenBodyAppeared?: string }).classWhenBodyAppeared,
    );
    assert.equal(atBody, "js large-font high-contrast");
    await context.close();
  },
);

test(
  "without JavaScript: pages work, the switches stay hidden and the help link leads to the documented fallback",
  { skip: noBrowser },
  async () => {
    const context = await newContext(session, { javaScript: false });
    const page = await openPage(context, session, "/");
    for (const mode of ["large-font", "high-contrast", "big-cursor", "speech"])
      assert.equal(await page.isVisible(`button[data-mode="${mode}"]`), false, `${mode} switch hidden`);
    assert.equal(await page.isVisible("[data-speech-bar]"), false, "no reading bar without JS");
    // Tabbed home blocks are plain lists: every panel shown with its own heading.
    const panels = await page.locator(".tabbed .tab-panel").count();
    assert.ok(panels >= 3);
    assert.equal(await page.locator(".tabbed .tab-panel:visible").count(), panels);
    assert.equal(await page.locator(".tabbed .tab-panel > h2:visible").count(), panels);
    assert.equal(await page.isVisible(".tablist"), false);
    assert.equal(await page.isVisible("[data-print]"), false);
    await Promise.all([page.waitForURL(/\/sitemap\/#accessibility$/), page.click(".switch-fallback")]);
    assert.ok(await page.isVisible("#accessibility"));
    assert.match((await page.textContent("#accessibility")) ?? "", /缩放/);
    // Every non-search template still shows its content and navigation.
    for (const { name, url } of session.portal.pages.filter((p) => p.name !== "search")) {
      await page.goto(session.address(url));
      assert.equal(await page.locator("h1").count(), 1, `${name}: one h1`);
      assert.ok(await page.isVisible(".main-nav"), `${name}: navigation visible`);
    }
    await context.close();
  },
);

test(
  "print: a guide prints without navigation, with its address and the materials as empty check boxes",
  { skip: noBrowser },
  async () => {
    const guide = session.portal.pages.find((p) => p.name === "guide detail")!;
    const context = await newContext(session);
    const page = await openPage(context, session, guide.url);
    assert.ok(await page.isVisible("[data-print]"), "the print button is shown on screen");
    assert.equal(await page.isVisible(".print-url"), false, "the address line is print-only");
    await page.emulateMedia({ media: "print" });
    for (const hidden of [
      ".toolbar",
      ".search-box",
      ".main-nav",
      ".breadcrumbs",
      ".footer-links",
      "[data-print]",
      ".skip-link",
    ]) {
      assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
    }
    assert.ok(await page.isVisible(".print-url"));
    assert.equal(
      (await page.textContent(".print-url"))?.trim(),
      `本页网址：${absoluteUrl(session.portal.site, guide.url)}`,
    );
    assert.ok(await page.isVisible(".article-info time"), "the date is printed");
    const box = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector(".materials .checkbox")!);
      return { border: style.borderTopStyle, width: parseFloat(style.width), color: style.borderTopColor };
    });
    assert.equal(box.border, "solid");
    assert.ok(box.width > 10, "a box big enough to tick");
    assert.equal(box.color, "rgb(0, 0, 0)");
    // Links are not expanded: no URL text is generated after the printed ones.
    const afterLinks = await page.evaluate(() =>
      [...document.querySelectorAll(".footer-text a, main a")].map(
        (a) => getComputedStyle(a, "::after").content,
      ),
    );
    assert.ok(afterLinks.length > 0 && afterLinks.every((content) => content === "none"), afterLinks.join());
    await context.close();
  },
);
