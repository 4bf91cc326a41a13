/**
 * A page the build cache traces sees the portal through a proxy (src/portal/read-trace.ts). The
 * organs (src/organs/platform.ts `organsOf`) and the 解读 coverage (src/tallies/interpretation.ts)
 * asked of that proxy are the build's own, found once with what the cache kept (the owners, the
 * coverage codes), as are the home page's guide counts (src/content-types/guide-lists.ts), not
 * found again by reading every record's `fields`; the page notes the reads that finding them
 * stands for: the organ records and every record, the published policies, the guides.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { organsOf } from "../../src/organs/platform.ts";
import { interpretationCoverage } from "../../src/tallies/interpretation.ts";
import { guideTypeCounts } from "../../src/content-types/guide-lists.ts";
import { ReadTrace } from "../../src/portal/read-trace.ts";
import type { Portal } from "../../src/portal/portal.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";

// One copy for the file's two tests: the first reads the fill's state, the second builds on from it.
const fixture = await keptFixture("gongkai-traced-portal-");
let fill: ReturnType<typeof fixture.build> | undefined;
const filled = () => (fill ??= fixture.build(true));
test.after(() => rmSync(fixture.root, { recursive: true, force: true }));

class Trace extends ReadTrace {
  /** The portal as a traced page sees it. */
  proxyOf(portal: Portal): Portal {
    return this.tracedContext({ portal } as LayoutContext).portal;
  }
}

test("a traced page takes the build's organs and 解读 coverage and notes what they stand for", async () => {
  const { state } = await filled();
  const plain = state.portal;
  const trace = new Trace();
  const proxy = trace.proxyOf(plain);

  const organs = trace.record(() => organsOf(proxy));
  assert.ok(organsOf(plain).list.length > 0);
  assert.equal(organs.result, organsOf(plain), "the build's organs");
  assert.deepEqual(organs.paths, ['["portal","byType","organ"]', '["portal","records"]']);

  const coverage = trace.record(() => interpretationCoverage(proxy));
  assert.ok(interpretationCoverage(plain).some((year) => year.documents.length > 0));
  assert.equal(coverage.result, interpretationCoverage(plain), "the build's coverage");
  assert.deepEqual(coverage.paths, ['["portal","byType","policy"]']);

  // The home page's 办事服务 counts: the guides per 事项类型, counted with the guide lists.
  const counts = trace.record(() => guideTypeCounts(proxy));
  assert.equal(counts.result, guideTypeCounts(plain), "the build's counts");
  assert.deepEqual(counts.paths, ['["portal","byType","guide"]']);
  const byFilter = new Map(
    plain.site.guideTypes.map((t) => [
      t.name,
      plain.byType.guide.filter((g) => g.fields.item_type === t.name).length,
    ]),
  );
  assert.ok([...byFilter.values()].some((n) => n > 0));
  for (const [name, n] of byFilter) assert.equal(counts.result.get(name) ?? 0, n, name);

  // Each page notes them, not only the first to ask.
  assert.deepEqual(trace.record(() => organsOf(proxy)).paths, organs.paths);
  assert.deepEqual(trace.record(() => interpretationCoverage(proxy)).paths, coverage.paths);
});

test("a one-edit build shows a cover, a guide's 事项类型 and a policy's kind changed, as a clean build", async () => {
  const { root, build, buildBoth, edit, outDir } = fixture;
  const home = () => readFileSync(path.join(outDir, "index.html"), "utf8");
  const none = () => 0;
  await filled();
  await build(true);
  const before = home();
  // The newest news with a cover leaves the 焦点图, then comes back.
  const covered = "news/2026/1028-nmgrb-autumn-tourism.md";
  const file = path.join(root, "content", covered);
  const text = readFileSync(file, "utf8");
  edit(covered, /^cover: .*\n/m, "");
  await buildBoth("a cover removed", none);
  assert.notEqual(home(), before, "the 焦点图 changed");
  writeFileSync(file, text);
  await buildBoth("a cover back", none);
  assert.equal(home(), before, "the 焦点图 as it was");
  // A guide moves to another 事项类型: the home page's counts.
  const counts = home().match(/class="service-types">.*?<\/ul>/s)?.[0];
  edit("guides/agency-assistance-service.md", /^item_type: .*$/m, "item_type: 行政许可");
  await buildBoth("a guide's type", none);
  assert.notEqual(home().match(/class="service-types">.*?<\/ul>/s)?.[0], counts, "the counts changed");
  // A policy becomes a 行政规范性文件: the 解读 coverage pages.
  const policy = readdirSync(path.join(root, "content/policies"), { recursive: true })
    .map(String)
    .find(
      (f) =>
        f.endsWith(".md") &&
        !/^kind: 行政规范性文件/m.test(readFileSync(path.join(root, "content/policies", f), "utf8")),
    );
  assert.ok(policy);
  edit(`policies/${policy}`, /^kind: .*$/m, "kind: 行政规范性文件");
  await buildBoth("a policy's kind", none);
});
