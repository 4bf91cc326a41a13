/** The dev server's per-edit rebuild: what an edit affects is rewritten, nothing else; errors keep the output. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { DevSite } from "../../src/dev/dev-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { startDevServer } from "../../src/dev/server.ts";

const doc = (title: string, indexNo: string, extra: Record<string, string> = {}) =>
  md({
    title,
    index_no: indexNo,
    category: "综合政务",
    issuer: "测试市人民政府",
    written: "2026-01-05",
    date: "2026-01-06 09:00",
    kind: "行政规范性文件",
    validity: "有效",
    department: "市政府办公室",
    ...extra,
  });

async function startFixture() {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛部署", "2026-06-01 09:00"),
    "policies/2026/doc.md": doc("关于优化营商环境的通知", "11152200MB0000001X/2026-00001", {
      doc_no: "测政发〔2026〕1号",
    }),
    "policies/2026/doc-jd.md": doc("《关于优化营商环境的通知》解读", "11152200MB0000001X/2026-00002", {
      kind: "政策解读",
      interprets: "11152200MB0000001X/2026-00001",
    }),
  });
  const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
  const { site: dev } = await DevSite.start({
    site: fixture.site,
    contentDir: fixture.contentDir,
    outDir: fixture.outDir,
    now,
  });
  return { fixture, dev };
}

test("an edited item rewrites its page and the lists showing it, and no unrelated detail page", async () => {
  const { fixture, dev } = await startFixture();
  const untouched = statSync(path.join(fixture.outDir, "news/2026/b/index.html")).mtimeMs;
  fixture.write("news/2026/a.md", news("春季植树活动圆满结束", "2026-03-01 09:00"));
  const report = await dev.rebuild();
  assert.ok(report.ok);
  assert.deepEqual(report.changedFiles, ["content/news/2026/a.md"]);
  assert.match(fixture.read("/news/2026/a/"), /春季植树活动圆满结束/);
  assert.match(fixture.read("/news/"), /春季植树活动圆满结束/);
  assert.match(fixture.read("/"), /春季植树活动圆满结束/);
  assert.ok(report.written.includes("news/2026/a/index.html"));
  assert.ok(!report.written.includes("news/2026/b/index.html"));
  assert.ok(!report.written.includes("policies/index.html"), "lists without the item are not rewritten");
  assert.equal(statSync(path.join(fixture.outDir, "news/2026/b/index.html")).mtimeMs, untouched);
});

test("editing a policy document also rewrites the page of its 解读, which links to it", async () => {
  const { fixture, dev } = await startFixture();
  fixture.write(
    "policies/2026/doc.md",
    doc("关于进一步优化营商环境的通知", "11152200MB0000001X/2026-00001", { doc_no: "测政发〔2026〕1号" }),
  );
  const report = await dev.rebuild();
  assert.ok(report.ok);
  assert.match(fixture.read("/policies/2026/doc-jd/"), /关于进一步优化营商环境的通知/);
});

test("new and deleted files add and remove their pages", async () => {
  const { fixture, dev } = await startFixture();
  fixture.write("news/2026/c.md", news("秋季招聘会", "2026-06-20 09:00"));
  rmSync(path.join(fixture.contentDir, "news/2026/b.md"));
  const report = await dev.rebuild();
  assert.ok(report.ok);
  assert.match(fixture.read("/news/2026/c/"), /秋季招聘会/);
  assert.ok(!fixture.exists("/news/2026/b/"));
  assert.ok(report.removed.includes("news/2026/b/index.html"));
  assert.doesNotMatch(fixture.read("/news/"), /夏季防汛部署/);
});

test("a content error is reported and the served output stays as it was", async () => {
  const { fixture, dev } = await startFixture();
  const before = fixture.read("/news/2026/a/");
  fixture.write("news/2026/a.md", "---\ntitle: [未闭合\n---\n");
  const report = await dev.rebuild();
  assert.equal(report.ok, false);
  assert.ok(
    !report.ok && report.problems.some((p) => p.file.endsWith("news/2026/a.md") && p.severity === "error"),
  );
  assert.equal(fixture.read("/news/2026/a/"), before);
  fixture.write("news/2026/a.md", news("春季植树活动（更正）", "2026-03-01 09:00"));
  const fixed = await dev.rebuild();
  assert.ok(fixed.ok);
  assert.match(fixture.read("/news/2026/a/"), /春季植树活动（更正）/);
});

test("the dev server serves the output with the path prefix and a live-reload script", async () => {
  const { fixture } = await startFixture();
  const server = await startDevServer(fixture.outDir, { prefix: "/portal/", port: 0 });
  try {
    const page = await fetch(`${server.url}news/2026/a/`);
    assert.equal(page.status, 200);
    const body = await page.text();
    assert.equal(
      body.replace('<script src="/portal/__gongkai/live.js"></script>', ""),
      readFileSync(path.join(fixture.outDir, "news/2026/a/index.html"), "utf8"),
    );
    assert.ok(body.endsWith('<script src="/portal/__gongkai/live.js"></script></body>\n</html>\n'));
    assert.equal((await fetch(`${server.url}no/such/page/`)).status, 404);
    assert.equal((await fetch(`${server.url}news/2026/a`, { redirect: "manual" })).status, 301);
  } finally {
    await server.close();
  }
});
