import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { checkLinks } from "../helpers/link-check.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { noXmllint, parseErrors, schemaErrors } from "../helpers/xml.ts";
import { outputFiles } from "../../src/build/output-files.ts";

for (const prefix of ["/", "/gongkai-portal/"]) {
  test(`the sample portal has no broken internal link and a valid sitemap (path prefix ${prefix})`, async () => {
    const { site, contentDir, now, kind } = await samplePortal(prefix);
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-links-")), "_site");
    await buildSite({ site, contentDir, outDir, now });
    const { checked, broken } = checkLinks(outDir, site);
    assert.ok(checked > 1000, `${kind}: checked ${checked} links`);
    const report = broken
      .slice(0, 20)
      .map((b) => `${b.file}: ${b.link} (${b.reason})`)
      .join("\n");
    assert.equal(broken.length, 0, `${broken.length} broken links in ${kind}:\n${report}`);
    if (!noXmllint) {
      assert.equal(
        schemaErrors(
          path.join(outDir, "sitemap.xml"),
          path.resolve(import.meta.dirname, "../fixtures/sitemaps/sitemap.xsd"),
        ),
        "",
      );
      for (const feed of outputFiles(outDir).filter((f) => f.startsWith("feeds/")))
        assert.equal(parseErrors(path.join(outDir, feed)), "", feed);
    }
  });
}

test("the link check finds links outside the prefix and to missing files", async () => {
  // The build refuses broken links in published items (npm run check); a draft in a preview build
  // only warns, which lets broken links reach the output for this checker to find.
  const fixture = createFixture(
    {
      "news/2026/a.md":
        news("甲", "2026-03-01 09:00", { draft: true }) +
        "\n[坏链接](/news/no-such-page/) [也坏](/media/missing.pdf)\n",
    },
    { pathPrefix: "/sub/" },
  );
  await fixture.build({ includeDrafts: true });
  const { broken } = checkLinks(fixture.outDir, fixture.site);
  const links = broken.map((b) => b.link);
  assert.ok(links.includes("/sub/news/no-such-page/"), links.join(" "));
  assert.ok(links.includes("/sub/media/missing.pdf"), links.join(" "));
});
