/**
 * An organ's title on other pages with the build cache: every organ's page names its 上级机关 and
 * the 政府信息公开 hub (/open/) lists every organ's platform, both from organsOf (memoized per
 * portal, so a page that took the memo noted no read of the organs). Found by a directed probe
 * after the randomized harness's memo findings: the government's title changed, the other
 * organs' pages and the hub kept the old one (and the search index their old text).
 */
import { test } from "node:test";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();

test("organs' titles follow on the pages that name them, with the build cache", async (t) => {
  await f.compare("first build");

  await t.test(
    "the government's title changes: its departments' pages and the hub name it anew",
    async () => {
      f.edit("organs/gov.md", (s) => s.replace(/^title: (.*)$/m, "title: $1（更名）"));
      await f.compare("parent title");
    },
  );

  await t.test("a department's title changes: the hub lists it anew", async () => {
    f.edit("organs/edu.md", (s) => s.replace(/^title: (.*)$/m, "title: $1（更名）"));
    await f.compare("organ title");
  });
});
