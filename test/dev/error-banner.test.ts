/**
 * Content errors show in the open page, not only in the terminal, until a save fixes them
 * (issue 12, defect 9), under the site's Content-Security-Policy, in real Chromium.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Page } from "playwright-core";
import { md, news } from "../helpers/fixture.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { saveAtomically, startSession } from "./session.ts";

const BANNER = "#gongkai-dev-problems";
const HOSTILE = "<img src=x onerror=alert(1)>";

/** Polls a check in the page, across the reloads live reload makes. */
async function until(page: Page, check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await page.evaluate(check).catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(
    `the page never showed ${what}; it shows: ${await page.textContent("body").catch(() => "")}`,
  );
}

test(
  "a content error shows in the open page, escaped and under the CSP, until a save fixes it",
  { skip: noBrowser },
  async (t) => {
    const { fixture, url } = await startSession(t, {
      "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
      "news/2026/b.md": news("夏季防汛部署", "2026-06-01 09:00"),
    });
    const browser = await launchBrowser();
    t.after(() => browser.close());
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    page.on("dialog", (dialog) => void dialog.dismiss().then(() => consoleErrors.push("a dialog opened")));
    await page.goto(url("/news/2026/a/"));
    assert.equal(await page.locator(BANNER).count(), 0);

    const file = path.join(fixture.contentDir, "news/2026/a.md");
    saveAtomically(
      file,
      md({
        title: "春季植树活动",
        date: "2026-03-01 09:00",
        column: HOSTILE,
        source: "市政府办公室",
        department: "市政府办公室",
      }),
    );
    await until(page, () => document.getElementById("gongkai-dev-problems") !== null, "the banner");
    const banner = page.locator(BANNER);
    const text = (await banner.textContent()) ?? "";
    assert.match(text, /网站未更新：共发现 1 个错误/);
    assert.match(text, /content\/news\/2026\/a\.md:4 错误 字段「column（栏目）」/);
    assert.ok(text.includes(`“${HOSTILE}”未在站点配置中声明`), "the message is shown as text");
    assert.equal(await banner.locator("img").count(), 0, "the message is not markup");
    assert.equal(await banner.getAttribute("role"), "alert");
    assert.equal(
      await banner.evaluate((el) => getComputedStyle(el).position),
      "fixed",
      "the banner's stylesheet loaded under the CSP",
    );
    assert.match((await page.textContent("main")) ?? "", /春季植树活动/, "the last good page is still shown");

    // A page opened while the error stands shows it too.
    const other = await browser.newPage();
    await other.goto(url("/news/"));
    await until(
      other,
      () => document.getElementById("gongkai-dev-problems") !== null,
      "the banner on a new page",
    );

    saveAtomically(file, news("春季植树活动（已改正）", "2026-03-01 09:00"));
    await until(
      page,
      () =>
        document.getElementById("gongkai-dev-problems") === null &&
        document.body.textContent.includes("春季植树活动（已改正）"),
      "the fixed page without the banner",
    );
    await until(
      other,
      () => document.getElementById("gongkai-dev-problems") === null,
      "the other page without the banner",
    );
    assert.deepEqual(consoleErrors, [], "no CSP violation, no script error, no dialog");
  },
);

test(
  "when the first build fails, the browser shows the errors on a placeholder page until they are fixed",
  { skip: noBrowser },
  async (t) => {
    const { fixture, url, session } = await startSession(t, {
      "news/2026/a.md": md({
        title: "春季植树活动",
        date: "2026-13-01 09:00",
        column: "市级新闻",
        source: "办公室",
        department: "市政府办公室",
      }),
    });
    assert.equal(session.site(), undefined, "the first build failed");
    const browser = await launchBrowser();
    t.after(() => browser.close());
    const page = await browser.newPage();
    await page.goto(url("/"));
    await until(page, () => document.getElementById("gongkai-dev-problems") !== null, "the banner");
    assert.match(
      (await page.locator(BANNER).textContent()) ?? "",
      /content\/news\/2026\/a\.md:3 错误 字段「date/,
    );
    saveAtomically(path.join(fixture.contentDir, "news/2026/a.md"), news("春季植树活动", "2026-03-01 09:00"));
    await until(
      page,
      () =>
        document.getElementById("gongkai-dev-problems") === null &&
        document.body.textContent.includes("春季植树活动"),
      "the built home page",
    );
  },
);
