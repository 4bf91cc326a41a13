/**
 * A Markdown table's column alignment shows under the site's Content-Security-Policy: markdown-it's
 * inline `style="text-align:…"` is ignored by a browser under `style-src 'self'` and removed by the
 * raw-HTML sanitiser, so the alignment is a class (src/markdown/table-align.ts) styled in site.css.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { createFixture, news } from "../helpers/fixture.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { serveStatic } from "../helpers/serve.ts";
import { cspViolations, recordCspViolations } from "../helpers/csp-violations.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";

const TABLE =
  "| 项目 | 说明 | 金额（万元） |\n|:--|:-:|--:|\n| 办公费 | 日常运转 | 12.50 |\n| 差旅费 | 调研 | 3.00 |\n";

for (const allowHtml of [false, true])
  test(
    `aligned Markdown table columns show aligned under the CSP (raw HTML ${allowHtml ? "on" : "off"})`,
    { skip: noBrowser },
    async () => {
      const fixture = createFixture(
        { "news/2026/budget.md": news("部门预算公开", "2026-03-01 09:00", {}).replace("正文。", TABLE) },
        { allowHtml },
      );
      await fixture.build();
      const page_ = fixture.read("/news/2026/budget/");
      assert.doesNotMatch(page_, /style="text-align/, "no inline style");
      const server = await serveStatic(fixture.outDir, { headers: SECURITY_HEADERS });
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext();
        await recordCspViolations(context);
        const page = await context.newPage();
        await page.goto(`${server.url}news/2026/budget/`);
        const aligns = await page.$$eval(".article-body table tr", (rows) =>
          rows.map((row) => [...row.children].map((cell) => getComputedStyle(cell).textAlign)),
        );
        assert.deepEqual(aligns, [
          ["left", "center", "right"],
          ["left", "center", "right"],
          ["left", "center", "right"],
        ]);
        assert.deepEqual(await cspViolations(page), []);
      } finally {
        await browser.close();
        await server.close();
        rmSync(fixture.root, { recursive: true, force: true });
      }
    },
  );
