/**
 * In a build from the cache the search index starts once the render has settled the pages it
 * reads (steps.ts `ahead`), while the render goes on with the others; the output still equals a
 * clean build's, and a build that fails meanwhile waits for the step before it removes its
 * staging folder.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import type { BuildStep } from "../../src/build/steps.ts";
import { SinglePage } from "../../src/pages/single-page.ts";
import { incrementalFixture, snapshot } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();

/** A page that fails to render (a new source: the cache has no page of it, so it is rendered). */
class FailingPage extends SinglePage {
  readonly url = "/fails/";
  protected renderPage(): string {
    throw new Error("页面渲染失败");
  }
}

test("the search index starts before the render ends; a failed render waits for it", async (t) => {
  await f.compare("first build, empty cache");
  await f.compare("unchanged");

  await t.test("after an edit the index starts while pages are left to render", async () => {
    f.edit("news/2026/0107-government-plenary-meeting.md", (s) =>
      s.replace("市政府召开全体会议", "市政府召开第三次全体会议"),
    );
    const result = await f.compare("an edited title");
    assert.deepEqual(result.cache!.stepsAhead, ["search index"]);
    assert.ok(result.cache!.pagesAfterSteps! > 0, `pages after: ${result.cache!.pagesAfterSteps}`);
    assert.ok(result.cache!.shardsIndexed > 0, "the edited page's shard indexed again");
  });

  await t.test("a render that fails after the step started leaves the published output", async () => {
    const before = snapshot(f.published);
    let wroteInto: string | undefined;
    let folderThere = false;
    const ahead: BuildStep = {
      name: "ahead",
      beside: true,
      outputs: () => ["/ahead.txt"],
      run: () => Promise.reject(new Error("not started ahead")),
      // Reads no page: started as the streamed render starts, it writes after the render failed.
      ahead: (_state, outDir) => ({
        reads: new Set<string>(),
        run: async () => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          folderThere = existsSync(outDir);
          wroteInto = outDir;
          if (folderThere) writeFileSync(path.join(outDir, "ahead.txt"), "ahead\n");
        },
      }),
    };
    const failing: SiteParts = {
      pages: [...f.parts.pages, { name: "fails", create: (ref) => new FailingPage(ref), streamed: true }],
      // Without the index (whose pages the render settles after the failing one): this step alone ahead.
      steps: [ahead, ...f.parts.steps.filter((step) => step.name !== "search index")],
    };
    await assert.rejects(
      buildSite({
        site: f.site,
        contentDir: f.contentDir,
        outDir: f.published,
        now: f.now,
        parts: failing,
        types: f.types,
        cacheDir: f.cacheDir,
      }),
      /页面渲染失败/,
    );
    assert.ok(wroteInto, "the ahead step ran");
    assert.ok(folderThere, "its staging folder was still there when it wrote");
    assert.equal(existsSync(wroteInto), false, "the staging folder is removed after it");
    assert.deepEqual(snapshot(f.published), before, "published output unchanged");
    await f.compare("after the failed build");
  });
});
