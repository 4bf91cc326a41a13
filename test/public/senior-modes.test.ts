/**
 * The 适老化 modes added by 《互联网网站适老化通用设计规范》 beside large font and high contrast:
 * the extra-large cursor and 语音阅读 (the browser's speechSynthesis, zh-CN, with a stop button and a
 * clear message without a Chinese voice); both remembered, both usable at 200 % zoom by keyboard.
 * And the home page's tabs, which the keyboard operates as ARIA tabs.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { noBrowser } from "../helpers/browser.ts";
import { newContext, openPage, openSession, type Session } from "./browser-session.ts";

let session: Session;
before(async () => {
  if (!noBrowser) session = await openSession();
});
after(async () => session?.close());

/** 200 % zoom of a 1280 px window, as in layout.test.ts. */
const ZOOM_200 = { width: 640, height: 450, deviceScaleFactor: 2 };

test(
  "extra-large cursor: switched on by keyboard at 200 % zoom, a 64 px cursor everywhere, remembered",
  {
    skip: noBrowser,
  },
  async () => {
    const context = await newContext(session, ZOOM_200);
    const page = await openPage(context, session, "/news/");
    const cursor = (selector: string) =>
      page.evaluate((s) => getComputedStyle(document.querySelector(s)!).cursor, selector);
    assert.doesNotMatch(await cursor("body"), /cursor\./);
    await page.focus('button[data-mode="big-cursor"]');
    await page.keyboard.press("Enter");
    assert.match(await cursor("body"), /url\(".*\/assets\/v\/cursor\.[0-9a-f]{12}\.svg"\) 4 2, auto/);
    assert.match(await cursor(".main-nav a"), /cursor-pointer\.[0-9a-f]{12}\.svg/);
    const svg = await (await page.request.get(session.address("/assets/cursor.svg"))).text();
    assert.match(svg, /width="64" height="64"/);
    await page.goto(session.address("/guides/"));
    assert.equal(await page.getAttribute('button[data-mode="big-cursor"]', "aria-pressed"), "true");
    assert.match(await cursor("body"), /cursor\.[0-9a-f]{12}\.svg/);
    await context.close();
  },
);

test(
  "语音阅读 without a Chinese voice: the reading bar says so clearly, nothing is spoken",
  {
    skip: noBrowser,
  },
  async () => {
    const context = await newContext(session);
    // Headless Chromium may or may not have voices: give it none, as on a machine without Chinese.
    await context.addInitScript(
      `Object.defineProperty(window.speechSynthesis, "getVoices", { value: () => [] });`,
    );
    const page = await openPage(context, session, "/");
    assert.equal(await page.isVisible("[data-speech-bar]"), false, "bar hidden until the mode is on");
    await page.click('button[data-mode="speech"]');
    assert.ok(await page.isVisible("[data-speech-bar]"));
    await page.click('button[data-speech="start"]');
    assert.match((await page.textContent(".speech-status")) ?? "", /没有可用的中文语音.*读屏软件/);
    assert.equal(await page.getAttribute(".speech-status", "role"), "status");
    await context.close();
  },
);

test(
  "语音阅读 with a zh-CN voice: reads the main content in zh-CN, the stop button cancels, the mode is remembered",
  {
    skip: noBrowser,
  },
  async () => {
    const context = await newContext(session, { ...ZOOM_200, modes: ["speech"] });
    // A recording stand-in for the browser's engine (and its utterances, which only take real voices):
    // what would be spoken, and whether it was cancelled.
    // Given as source text: tsx would wrap a function's inner arrows in a helper the page does not have.
    await context.addInitScript(`
      const log = { spoken: [], cancelled: 0 };
      window.speechLog = log;
      window.SpeechSynthesisUtterance = function (text) { this.text = text; };
      const voice = { lang: "zh-CN", name: "中文（中国大陆）" };
      Object.defineProperty(window, "speechSynthesis", {
        value: {
          getVoices: () => [{ lang: "en-US", name: "English" }, voice],
          speak: (u) => log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice.name }),
          cancel: () => void log.cancelled++,
        },
      });
    `);
    const article = session.portal.pages.find((p) => p.name === "news detail")!;
    const page = await openPage(context, session, article.url);
    assert.ok(await page.isVisible("[data-speech-bar]"), "remembered: the bar is there on arrival");
    assert.equal(await page.getAttribute('button[data-mode="speech"]', "aria-pressed"), "true");
    await page.focus('button[data-speech="start"]');
    await page.keyboard.press("Enter");
    const log = await page.evaluate(
      () =>
        (window as unknown as { speechLog: { spoken: { text: string; lang: string; voice: string }[] } })
          .speechLog,
    );
    assert.ok(log.spoken.length > 1, "the text is read sentence by sentence");
    assert.ok(log.spoken.every((u) => u.lang === "zh-CN" && u.voice === "中文（中国大陆）"));
    const heard = log.spoken.map((u) => u.text).join("");
    const h1 = (await page.textContent("main h1"))!.trim();
    assert.ok(heard.includes(h1), "the page's heading is read");
    assert.ok(!heard.includes("本页网址"), "the print-only line is not read");
    assert.ok(!heard.includes("主导航") && !heard.includes("版权所有"), "navigation and footer are not read");
    assert.match((await page.textContent(".speech-status")) ?? "", /正在朗读/);
    await page.focus('button[data-speech="stop"]');
    await page.keyboard.press("Enter");
    assert.match((await page.textContent(".speech-status")) ?? "", /已停止朗读/);
    assert.ok(
      await page.evaluate(
        () => (window as unknown as { speechLog: { cancelled: number } }).speechLog.cancelled > 1,
      ),
    );
    await context.close();
  },
);

test(
  "home page tabs: Tab reaches the first tab, arrow keys switch panels, one panel shows at a time",
  {
    skip: noBrowser,
  },
  async () => {
    const context = await newContext(session);
    const page = await openPage(context, session, "/");
    const block = page.locator("[data-tabs]").first();
    const tabs = block.locator('[role="tab"]');
    const count = await tabs.count();
    assert.ok(count >= 2);
    await tabs.first().focus();
    assert.equal(await block.locator('[role="tabpanel"]:visible').count(), 1);
    const firstPanel = await block.locator('[role="tabpanel"]:visible').getAttribute("id");
    await page.keyboard.press("ArrowRight");
    assert.equal(await tabs.nth(1).getAttribute("aria-selected"), "true");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "tab");
    const secondPanel = await block.locator('[role="tabpanel"]:visible').getAttribute("id");
    assert.notEqual(secondPanel, firstPanel);
    assert.equal(secondPanel, await tabs.nth(1).getAttribute("aria-controls"));
    await page.keyboard.press("End");
    assert.equal(await tabs.nth(count - 1).getAttribute("aria-selected"), "true");
    await page.keyboard.press("ArrowRight");
    assert.equal(await tabs.first().getAttribute("aria-selected"), "true", "wraps around");
    // Only the selected tab is in the Tab order; the next Tab goes into its panel.
    assert.equal(await tabs.nth(1).getAttribute("tabindex"), "-1");
    await page.keyboard.press("Tab");
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest('[role="tabpanel"]')?.id),
      await tabs.first().getAttribute("aria-controls"),
    );
    await context.close();
  },
);
