/**
 * `npm start` serves pages on demand while its first build renders (src/dev/first-pages.ts): a
 * page asked for before the build has written it is rendered from the build's loaded state and
 * is byte for byte the page the build then publishes, with and without the build cache; an edit
 * after the first build still updates it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { news } from "../helpers/fixture.ts";
import { withLiveScript } from "../../src/dev/server.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { stagingFolderOf } from "../../src/build/publish.ts";
import type { PageSource } from "../../src/eleventy/page-source.ts";
import { shows, startSession } from "./session.ts";

/** Site paths a person opens first: the home page, a list, a detail page, the stylesheet. */
const ASKED = ["/", "/news/", "/news/2026/a/", "/assets/theme.css"];
const fileOf = (sitePath: string) =>
  sitePath.endsWith("/") ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);

for (const cached of [false, true])
  test(`pages are rendered on demand before the first build writes them (${cached ? "with" : "without"} a build cache)`, async (t) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const renderReached = new Promise<void>((resolve) => (reached = resolve));
    // The first page the full render writes waits: until released, the build has written no page.
    const hold: PageSource = {
      name: "hold",
      streamed: true,
      create: () => ({
        data: () => ({ permalink: "/hold.txt", eleventyExcludeFromCollections: true }),
        render: async () => {
          reached();
          await held;
          return "held";
        },
      }),
    };
    const { fixture, session, lines, url } = await startSession(
      t,
      {
        "news/2026/a.md": news("第一条新闻", "2026-03-01 09:00"),
        "news/2026/b.md": news("第二条新闻", "2026-03-02 09:00"),
      },
      {
        awaitFirstBuild: false,
        more: (fixture) => ({
          parts: { ...defaultParts, pages: [hold, ...defaultParts.pages] },
          cacheDir: cached ? path.join(fixture.root, ".gongkai-cache") : undefined,
        }),
      },
    );
    await renderReached;

    const served = new Map<string, string>();
    for (const sitePath of ASKED) {
      const response = await fetch(url(sitePath));
      assert.equal(response.status, 200, sitePath);
      served.set(sitePath, await response.text());
    }
    const staging = stagingFolderOf(fixture.outDir);
    for (const sitePath of ASKED) {
      const file = fileOf(sitePath);
      assert.equal(existsSync(path.join(staging, file)), false, `${file}: not written yet`);
      assert.equal(existsSync(path.join(fixture.outDir, file)), false, `${file}: not published yet`);
    }
    assert.match(served.get("/")!, /第二条新闻/);
    assert.match(served.get("/news/2026/a/")!, /第一条新闻/);
    // A folder's page without its slash is redirected, as the published folder would be.
    const bare = await fetch(url("/news"), { redirect: "manual" });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get("location"), `${fixture.site.pathPrefix}news/`);

    release();
    await session.started;
    assert.ok(
      lines.some((line) => line.startsWith("已生成")),
      lines.join("\n"),
    );
    if (cached)
      assert.ok(
        existsSync(path.join(fixture.root, ".gongkai-cache/records.v8")),
        "the records read are kept for the next start",
      );
    for (const sitePath of ASKED) {
      const published = readFileSync(path.join(fixture.outDir, fileOf(sitePath)), "utf8");
      const expected = sitePath.endsWith("/")
        ? withLiveScript(published, fixture.site.pathPrefix)
        : published;
      assert.equal(served.get(sitePath), expected, `${sitePath}: the bytes the build published`);
    }

    // Edits after the first build update the page (from the output folder now).
    writeFileSync(path.join(fixture.contentDir, "news/2026/a.md"), news("改过的新闻", "2026-03-01 09:00"));
    await shows(url("/news/2026/a/"), "改过的新闻");
    await shows(url("/"), "改过的新闻");
  });
