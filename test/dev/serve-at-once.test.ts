/**
 * `npm start` serves at once: pages written by the first build are served before it finishes,
 * and the search index follows in the background.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { createFixture, news } from "../helpers/fixture.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { startDevSession } from "../../src/dev/dev-session.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import type { BuildStep } from "../../src/build/steps.ts";
import { eventually } from "./session.ts";

test("pages are served while the first build is still running; the search index comes after", async (t) => {
  const fixture = createFixture({
    "news/2026/a.md": news("第一条新闻", "2026-03-01 09:00"),
    "news/2026/b.md": news("第二条新闻", "2026-03-02 09:00"),
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const stepReached = new Promise<void>((resolve) => (reached = resolve));
  // A last step that waits: the build has written every page but has not published them.
  const hold: BuildStep = {
    name: "hold",
    outputs: () => [],
    run: () => {
      reached();
      return held;
    },
  };
  const session = await startDevSession(
    {
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir: fixture.outDir,
      now: parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis(),
      port: 0,
      parts: { ...defaultParts, steps: [...defaultParts.steps, hold] },
      cacheDir: path.join(fixture.root, ".gongkai-cache"),
    },
    { info: () => undefined, error: () => undefined },
  );
  t.after(() => session.close());
  await stepReached;
  assert.equal(existsSync(path.join(fixture.outDir, "index.html")), false, "nothing published yet");
  const page = await fetch(`${session.server.url}news/2026/a/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /第一条新闻/);
  const home = await (await fetch(session.server.url)).text();
  assert.match(home, /第二条新闻/, "the home page too");
  // The search page's scripts come with the first pages, the index after: the page can say so.
  assert.equal((await fetch(`${session.server.url}pagefind/index.json`)).status, 404, "no index yet");
  for (const script of ["search-head.js", "search-page.js", "worker.js"]) {
    const served = await fetch(`${session.server.url}pagefind/${script}`);
    assert.equal(served.status, 200, script);
    assert.match(await served.text(), /搜索|search/i, script);
  }
  release();
  await session.started;
  assert.ok(existsSync(path.join(fixture.outDir, "index.html")), "published");
  await eventually(
    `${session.server.url}pagefind/index.json`,
    (body) => body.includes('"shards"'),
    "the search index, built in the background",
  );
});
