import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { isDraftOrScheduled } from "../../src/content/published.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

const root = path.resolve(import.meta.dirname, "../..");

test("the sample portal builds with a detail page for every published item", async () => {
  const site = await loadSiteConfig(path.join(root, "site.config.ts"));
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-sample-")), "_site");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  const { state } = await buildSite({ site, contentDir: path.join(root, "content"), outDir, now });
  const { portal } = state;
  assert.ok(portal.records.length >= 100, `at least 100 published items (found ${portal.records.length})`);
  for (const type of ["news", "policy", "video", "guide", "periodical", "topic", "page"] as const) {
    assert.ok(portal.byType[type].length > 0, `the sample has ${type} items`);
  }
  for (const record of state.details) {
    const file = path.join(outDir, record.url, "index.html");
    assert.ok(existsSync(file), `${record.file} has its page`);
    assert.ok(
      readFileSync(file, "utf8").includes(`<h1>${record.fields.title.replace(/&/g, "&amp;")}</h1>`) ||
        record.type === "policy",
      `${record.url} shows its title`,
    );
  }
  for (const guideType of site.guideTypes) {
    assert.ok(
      portal.byType.guide.some((g) => g.fields.item_type === guideType.name),
      `a guide of type ${guideType.name}`,
    );
  }
  assert.ok(portal.interpretedDocOf.size >= 3, "interpretation pairs");
  assert.ok(
    portal.byType.policy.some((p) => p.fields.validity === "失效") &&
      portal.byType.policy.some((p) => p.fields.validity === "废止"),
  );
  // What is not published has no page.
  const loaded = (await import("../../src/content/loader.ts")).loadContent({
    site,
    contentDir: path.join(root, "content"),
    now,
  });
  for (const record of loaded.all.filter((r) => isDraftOrScheduled(r, now))) {
    assert.ok(!existsSync(path.join(outDir, record.url, "index.html")), `${record.file} is not published`);
  }
});
