import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { serveStatic } from "../helpers/serve.ts";
import { axeViolations } from "../helpers/axe.ts";

const root = path.resolve(import.meta.dirname, "../..");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

test(
  "the statistics, audit and annual report pages pass axe (WCAG 2 A/AA) and their figures work by keyboard",
  { skip: noBrowser },
  async () => {
    const site = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-stats-a11y-")), "_site");
    const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
    await buildSite({ site, contentDir: path.join(root, "content"), outDir, now });
    const server = await serveStatic(outDir, { prefix: "/portal/" });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const url of [
        "statistics/",
        "statistics/2025/",
        "statistics/2025/website/",
        "statistics/2025/documents/",
        "annual-report/2025/",
      ]) {
        const response = await page.goto(`${server.url}${url}`);
        assert.equal(response?.status(), 200, url);
        await page.addScriptTag({ content: axeSource });
        const violations = (await axeViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).map(
          (v) => `${v.id} (${v.nodes.length})`,
        );
        assert.deepEqual(violations, [], `${url}: ${violations.join(", ")}`);
      }
      // A reader tabs to the first figure of the table and opens its list with Enter.
      await page.goto(`${server.url}statistics/2025/`);
      const figure = page.locator("table.statistics td a").first();
      const expected = await figure.textContent();
      await figure.focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/portal\/statistics\/2025\/website\/$/);
      assert.match(
        (await page.locator("nav.pagination p").textContent()) ?? "",
        new RegExp(`共 ${expected} 条`),
      );
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
