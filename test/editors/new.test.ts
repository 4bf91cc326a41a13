/**
 * `npm run new` for every content type: the file it writes validates (warnings only, each pointing
 * at a placeholder), is dated now in the site's zone, and lands where its type lives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture } from "../helpers/fixture.ts";
import { scaffold } from "../../src/editors/scaffold.ts";
import { nextIndexNo } from "../../src/content-types/policy-index-no.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { specOf } from "../../src/content-types/spec.ts";

const TYPES = DEFAULT_TYPES.map((t) => t.type);
const labelOf = (type: string) => specOf(DEFAULT_TYPES, type).label;

test("a new file of every type validates, with warnings for its placeholders only", () => {
  const site = createFixture({});
  // 00:30 in Shanghai is still the previous day in UTC: the date must be the site's.
  const now = parseLocalDate("2026-03-01 00:30", site.site.timeZone)!.toMillis();
  const made = TYPES.map((type) => {
    const file = scaffold({
      site: site.site,
      type,
      title: `新建${labelOf(type)}：“引号”与 #号`,
      now,
      contentDir: site.contentDir,
    });
    site.write(file.rel, file.text);
    return file;
  });
  // Where the built-in types' files land; a type added later lands somewhere in its own folder.
  const expected: Record<string, string> = {
    news: "news/2026/0301-0030.md",
    policy: "policies/2026/0301-0030.md",
    video: "videos/2026/0301-0030.md",
    guide: "guides/20260301-0030.md",
    periodical: "periodicals/xun/20260301-0030.md",
    topic: "topics/ecology.md",
    page: "pages/20260301-0030.md",
    report: "reports/2025.md",
    consultation: "consultations/2026/0301-0030.md",
    interview: "interviews/2026/0301-0030.md",
  };
  TYPES.forEach((type, i) => {
    const rel = made[i].rel;
    if (expected[type]) assert.equal(rel, expected[type]);
    else assert.ok(rel.startsWith(`${specOf(DEFAULT_TYPES, type).folder}/`), rel);
  });
  assert.ok(Object.keys(expected).every((type) => TYPES.includes(type as (typeof TYPES)[number])));
  const { loaded, problems } = checkSite({
    site: site.site,
    contentDir: site.contentDir,
    now,
    includeDrafts: false,
  });
  assert.deepEqual(
    problems.filter((p) => p.severity === "error"),
    [],
  );
  assert.equal(loaded.all.length, TYPES.length);
  for (const record of loaded.all) {
    assert.equal(record.fields.title, `新建${labelOf(record.type)}：“引号”与 #号`);
    assert.equal(record.fields.draft, true);
    if (record.type !== "page" && record.type !== "report" && record.type !== "organ")
      assert.equal(record.dateText, "2026-03-01 00:30");
  }
  const mine = problems.filter((p) => p.file.startsWith("content/") && p.line !== undefined);
  assert.ok(
    mine.every((p) => p.severity === "warning" && /占位内容/.test(p.message)),
    JSON.stringify(mine, null, 1),
  );
  // Every file has at least its body placeholder flagged.
  for (const f of made)
    assert.ok(
      mine.some((p) => p.file === `content/${f.rel}` && p.field === "正文"),
      f.rel,
    );
});

test("file names: --name is used as given, a second file on the same minute gets a suffix", () => {
  const site = createFixture({});
  const now = parseLocalDate("2026-03-01 09:00", site.site.timeZone)!.toMillis();
  const options = { site: site.site, type: "news" as const, title: "标题", now, contentDir: site.contentDir };
  assert.equal(scaffold({ ...options, name: "spring-ploughing" }).rel, "news/2026/spring-ploughing.md");
  site.write("news/2026/0301-0900.md", "x");
  assert.equal(scaffold(options).rel, "news/2026/0301-0900-2.md");
  assert.throws(() => scaffold({ ...options, name: "Spring" }), /文件名“Spring”不能用作网址/);
  // An organ's 年度报告: content/reports/<organ>/<year>.md (docs/organs.md).
  assert.equal(scaffold({ ...options, type: "report", name: "market/2025" }).rel, "reports/market/2025.md");
  assert.throws(
    () => scaffold({ ...options, type: "report", name: "police/2025" }),
    /“police”不是站点配置 departments 中的键/,
  );
  assert.throws(
    () => scaffold({ ...options, type: "topic", name: "nope" }),
    /专题页的文件名必须是站点配置中专题的键：ecology/,
  );
});

test("the next 索引号 continues the most used prefix in the current year", () => {
  const site = createFixture({}).site;
  assert.equal(
    nextIndexNo(site, 2026, [
      "11150000MB00000001/2026-00007",
      "11150000MB00000001/2025-00031",
      "OTHER0001/2026-00099",
    ]),
    "11150000MB00000001/2026-00008",
  );
  assert.equal(nextIndexNo(site, 2026, []), "000000000000000000/2026-00001");
});
