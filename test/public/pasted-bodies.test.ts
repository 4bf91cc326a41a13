/**
 * What editors paste (Word, WPS, old CMSs, WeChat: pasted-fixture.ts) on every kind of body page,
 * raw HTML on and off: valid HTML (Nu Html Checker) and no axe violation, headings in order and no
 * sideways scrolling at 320 px and 1280 px, normal and large-font, except what only the editor can
 * put right (an image without a text alternative), which the check names by file and line instead.
 * a11y50 found a pasted wide table scrolling the whole page, `##` then `####` an h4 after an h2, a
 * `<p>` kept inside a `<ul>` and a pasted `id="fn1"` kept twice.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { headersFor, parseHeadersFile } from "../helpers/headers-rules.ts";
import type { Fixture } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { AXE_PATH, LAYOUT_ONLY } from "./browser-session.ts";
import { overflow } from "./overflow.ts";
import { axeViolations } from "../helpers/axe.ts";
import { PASTED_PAGES, pastedFixture } from "./pasted-fixture.ts";

const VNU = path.resolve(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");
/** The editor's to put right, warned by src/check/body-a11y.ts: not the generator's. */
const EDITORS_VNU = /An “img” element must have an “alt” attribute/;
const EDITORS_AXE = new Set(["image-alt", "link-name"]);

const fixtures = new Map<boolean, Fixture>();
let browser: Browser | undefined;
before(async () => {
  for (const allowHtml of [true, false]) {
    const fixture = pastedFixture(allowHtml);
    await fixture.build();
    fixtures.set(allowHtml, fixture);
  }
  if (!noBrowser) browser = await launchBrowser(LAYOUT_ONLY);
});
after(async () => {
  await browser?.close();
  for (const fixture of fixtures.values()) rmSync(fixture.root, { recursive: true, force: true });
});

const mode = (allowHtml: boolean) => `raw HTML ${allowHtml ? "on" : "off"}`;

test("pasted bodies are valid HTML but for the editor's missing alt (Nu Html Checker)", async (t) => {
  if (!process.env.CI && !existsSync(VNU)) return t.skip(`no ${VNU}`);
  const files = [...fixtures.entries()].flatMap(([allowHtml, f]) =>
    PASTED_PAGES.map((url) => ({
      file: path.join(f.outDir, url, "index.html"),
      label: `${url} [${mode(allowHtml)}]`,
    })),
  );
  const stderr = await new Promise<string>((resolve, reject) =>
    execFile(
      "java",
      ["-jar", VNU, "--errors-only", "--format", "json", ...files.map((f) => f.file)],
      { maxBuffer: 32 * 1024 * 1024 },
      (error, _out, err) =>
        error && !err.trim().startsWith("{") ? reject(new Error(err || error.message)) : resolve(err),
    ),
  ).catch((e: Error) => (process.env.CI || !/ENOENT|java/.test(e.message) ? Promise.reject(e) : ""));
  if (stderr === "") return t.skip("no java");
  const { messages } = JSON.parse(stderr) as {
    messages: { url: string; lastLine?: number; message: string }[];
  };
  const labelOf = (url: string) =>
    files.find((f) => f.file === decodeURIComponent(new URL(url).pathname))?.label ?? url;
  const errors = messages
    .filter((m) => !EDITORS_VNU.test(m.message))
    .map((m) => `${labelOf(m.url)}:${m.lastLine ?? "?"}: ${m.message}`);
  assert.deepEqual(errors, [], errors.join("\n"));
  // The editor's errors are there with raw HTML on (pasted <img> without alt): the fixture still bites.
  assert.ok(
    messages.some((m) => EDITORS_VNU.test(m.message)),
    "a pasted <img> without alt reaches vnu",
  );
});

test(
  "pasted bodies: no axe violation but the editor's, headings in order, no sideways scrolling",
  { skip: noBrowser },
  async () => {
    const found: string[] = [];
    const axeSource = readFileSync(AXE_PATH, "utf8");
    for (const [allowHtml, fixture] of fixtures) {
      const rules = parseHeadersFile(readFileSync(path.join(fixture.outDir, "_headers"), "utf8"));
      const server: StaticServer = await serveStatic(fixture.outDir, {
        headers: (p) => headersFor(rules, p),
      });
      for (const width of [320, 1280]) {
        const context = await browser!.newContext({ viewport: { width, height: 800 } });
        await context.addInitScript({ content: axeSource });
        const page = await context.newPage();
        // A handful of pages: the news and guide details (a guide's body sits among its own fields).
        for (const url of PASTED_PAGES.slice(0, width === 320 ? PASTED_PAGES.length : 2)) {
          await page.goto(new URL(url.slice(1), server.url).href, { waitUntil: "load" });
          for (const largeFont of [false, true]) {
            const label = `${url} [${mode(allowHtml)}, ${width} px${largeFont ? ", large-font" : ""}]`;
            const o = await page.evaluate(overflow, largeFont);
            if (o.scrollWidth > o.clientWidth) found.push(`${label}: scrolls sideways, widest ${o.culprit}`);
            const headings = await page.evaluate(() =>
              [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({
                level: Number(h.tagName[1]),
                empty: (h.textContent ?? "").trim() === "",
              })),
            );
            const levels = headings.map((h) => h.level);
            if (headings.some((h) => h.empty)) found.push(`${label}: an empty heading`);
            const skip = levels.findIndex((l, i) => i > 0 && l > levels[i - 1] + 1);
            if (skip > 0) found.push(`${label}: heading h${levels[skip - 1]} then h${levels[skip]}`);
            if (levels.filter((l) => l === 1).length !== 1)
              found.push(`${label}: headings ${levels.join(",")}`);
            const violations = (await axeViolations(page)).map((v) => ({
              id: v.id,
              html: v.nodes.map((n) => n.html).join(" | "),
            }));
            for (const v of violations)
              if (!EDITORS_AXE.has(v.id) || !/<img\b/.test(v.html))
                found.push(`${label}: ${v.id} at ${v.html.slice(0, 200)}`);
          }
        }
        await context.close();
      }
      await server.close();
    }
    assert.deepEqual(found, [], found.join("\n"));
  },
);

test("the editor is told, by file and line, of images without alt text, links that say only 点击这里, pasted tables without a header row and a video without a transcript", () => {
  for (const [allowHtml, fixture] of fixtures) {
    const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
    const problems = checkSite({ site: fixture.site, contentDir: fixture.contentDir, now }).problems.map(
      formatProblem,
    );
    const mine = problems
      .filter((p) => p.startsWith("content/pages/pasted.md:") && /替代文字|表头|链接文字/.test(p))
      .map((p) =>
        p
          .replace(/：图片“([^”]*)”没有替代文字.*/, "：$1 无替代文字")
          .replace(/：图片“[^”]*”的替代文字“([^”]*)”是文件名.*/, "：替代文字是文件名 $1")
          .replace(/：粘贴的表格没有表头行.*/, "：表头")
          .replace(/：链接文字“([^”]*)”说不出链接去向.*/, "：链接文字 $1"),
      );
    const markdown = [
      "content/pages/pasted.md:36 警告 字段「正文」：a.png 无替代文字", // ![](/media/a.png)
      "content/pages/pasted.md:38 警告 字段「正文」：替代文字是文件名 IMG_20260312_0931.png", // alt = IMG_20260312_0931.png
      "content/pages/pasted.md:91 警告 字段「正文」：a.png 无替代文字", // [![](/media/a.png)](/news/)
      "content/pages/pasted.md:46 警告 字段「正文」：链接文字 点击这里", // 详情[点击这里](/news/)。
    ];
    const pasted = [
      "content/pages/pasted.md:26 警告 字段「正文」：表头", // <table border=1 width=100%>, no <th>
      "content/pages/pasted.md:30 警告 字段「正文」：a.png 无替代文字", // layout table's <img>
      "content/pages/pasted.md:30 警告 字段「正文」：表头",
      "content/pages/pasted.md:40 警告 字段「正文」：a.png 无替代文字", // <a><img alt=""></a>
      "content/pages/pasted.md:42 警告 字段「正文」：a.png 无替代文字", // <img> without alt
      "content/pages/pasted.md:44 警告 字段「正文」：替代文字是文件名 IMG_0001.JPG",
      "content/pages/pasted.md:48 警告 字段「正文」：链接文字 点击这里", // <a href="/policies/">点击这里</a>
      "content/pages/pasted.md:75 警告 字段「正文」：表头", // a table in a table
      "content/pages/pasted.md:83 警告 字段「正文」：表头", // four rows of <td>
    ];
    assert.deepEqual(mine.sort(), (allowHtml ? [...markdown, ...pasted] : markdown).sort(), mode(allowHtml));
    assert.deepEqual(
      problems.filter((p) => p.includes("文字实录")),
      [
        "content/videos/2026/silent.md:12 警告 字段「正文」：视频没有文字实录：页面上“文字实录”下为空；请在正文中写出视频中的讲话和画面要点，供听不到声音的读者阅读",
      ],
      `a video without a transcript (${mode(allowHtml)})`,
    );
  }
});
