/**
 * Self-inspection against a local link server (127.0.0.1 only): every external link, attachment
 * on another host and 办事 online_url of a fixture site fetched and classified (good, broken,
 * slow, redirected, time-out, redirect loop, a server refusing HEAD), politely (one request per
 * host per interval), with a cache; veto deadlines from the build clock, an unanswered letter's
 * deadlines through the spec seam (`deadlines`), and review_by dates of 基本信息 pages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { inspect } from "../../src/inspect/inspection.ts";
import { inspectionHtml } from "../../src/inspect/report-html.ts";
import { checkLinks, HostPacer } from "../../src/inspect/link-check.ts";
import { startLinkServer } from "./link-server.ts";

const { hits, base } = await startLinkServer();

// --- the fixture --------------------------------------------------------------------------------
const guide = md({
  title: "测试事项",
  item_type: "服务",
  department: "市政府办公室",
  date: "2026-01-05 09:00",
  basis: "[《测试条例》]",
  conditions: "[无]",
  materials: "[{ name: 申请表, form: 原件 }]",
  process: "[提交, 办结]",
  location: "市民中心",
  hours: "工作日",
  legal_days: 5,
  promised_days: 1,
  fee: "{ charged: false }",
  phone: '"0482-1234567"',
  complaint_phone: '"0482-7654321"',
  online_url: `${base}/moved`,
  review_by: "2026-06-01",
});
const body = [
  `见[正常页面](${base}/ok)和[附件](${base}/files/report.pdf)。`,
  `[已删除](${base}/missing)、[很慢](${base}/slow)、[循环](${base}/loop)、[无响应](${base}/hang)。`,
  `![图](${base}/ok)`,
].join("\n\n");
const fixture = createFixture(
  {
    "news/2026/links.md": news("链接", "2026-06-25 09:00", {}).replace("正文。", body),
    "news/2026/dept.md": news("部门", "2026-06-28 09:00", { column: "部门动态" }),
    "news/2026/reprint.md": news("转载", "2026-06-29 09:00", { column: "转载" }),
    "guides/test.md": guide,
    "pages/overview.md": md({ title: "概况 <b>一</b>", review_by: "2026-07-03" }),
    "pages/organs.md": md({ title: "机构", review_by: "2026-09-01" }),
    "letters/2026/unanswered.md": md({
      title: "路灯不亮",
      kind: "咨询",
      public: false,
      received: "2026-05-10",
      received_by: "市政府办公室",
    }),
    "letters/2026/answered.md": md(
      {
        title: "公交线路",
        kind: "咨询",
        public: false,
        received: "2026-03-01",
        received_by: "市政府办公室",
        replied: "2026-03-05",
        replied_by: "市政府办公室",
      },
      "已答复。",
    ),
  },
  {
    inspection: {
      horizonDays: 7,
      // Generous: a loaded machine answers slowly, and /slow must still be the only slow one.
      links: { timeoutSeconds: 8, slowSeconds: 3, perHostIntervalSeconds: 0.05, concurrency: 3 },
    },
  },
);
const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
const { portal, problems } = checkSite({
  site: fixture.site,
  contentDir: fixture.contentDir,
  now,
});
const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-links-")), "links.json");
const run = (horizon: number) =>
  inspect({ site: fixture.site, portal, now, horizon, links: true, cacheFile });
const first = await run(7);

test("every external link, attachment and online_url is fetched once and classified", () => {
  const byUrl = new Map(first.links!.map((l) => [l.url.slice(base.length), l]));
  const status = (p: string) => `${byUrl.get(p)?.kind} ${byUrl.get(p)?.result?.status}`;
  assert.equal(status("/ok"), "外部链接 good");
  assert.equal(status("/files/report.pdf"), "附件 good", "HEAD refused, GET answered");
  assert.equal(status("/moved"), "办事入口 redirected");
  assert.deepEqual(byUrl.get("/moved")!.result!.redirects, [`${base}/ok`]);
  assert.equal(status("/missing"), "外部链接 broken");
  assert.equal(byUrl.get("/missing")!.result!.error, "HTTP 404");
  assert.equal(status("/slow"), "外部链接 slow");
  assert.equal(status("/loop"), "外部链接 broken");
  assert.equal(byUrl.get("/loop")!.result!.error, "循环跳转");
  assert.equal(status("/hang"), "外部链接 broken");
  assert.match(byUrl.get("/hang")!.result!.error!, /^超时/);
  assert.deepEqual(first.linkCounts, { good: 2, broken: 3, slow: 1, redirected: 1, skipped: 0 });
  // The link and the image of one address: fetched once, both places reported with their lines.
  assert.deepEqual(
    byUrl.get("/ok")!.uses.map((u) => `${u.file}:${u.line} ${u.field}`),
    ["content/news/2026/links.md:8 正文", "content/news/2026/links.md:12 正文"],
  );
  assert.equal(byUrl.get("/moved")!.uses[0].field, "online_url");
  assert.equal(byUrl.get("/moved")!.uses[0].line, 17);
  assert.equal(hits.filter((h) => h.url === "/ok").length, 2, "/ok: once as itself, once after /moved");
});

test("requests to one host are spaced by the configured interval", async () => {
  const before = hits.length;
  const urls = [1, 2, 3, 4, 5, 6].map((i) => `${base}/ok?paced=${i}`);
  const results = await checkLinks(urls, {
    timeoutMs: 2000,
    slowMs: 1000,
    intervalMs: 100,
    concurrency: 4,
    maxRedirects: 5,
    userAgent: "test",
  });
  assert.deepEqual(
    results.map((r) => r.status),
    urls.map(() => "good"),
  );
  const times = hits.slice(before).map((h) => h.at);
  assert.equal(times.length, 6);
  // Four workers, one host: without the pacer the six requests would arrive within a few ms. Arrival
  // times at the server carry connection set-up noise, so the exact spacing is checked on the pacer.
  assert.ok(times[5] - times[0] >= 250, `six requests over ${times[5] - times[0]} ms`);
  const pacer = new HostPacer(100);
  const start = Date.now();
  const granted = await Promise.all(
    ["a", "a", "a", "b"].map((host) =>
      pacer.turn(new URL(`http://${host}.test/`)).then(() => Date.now() - start),
    ),
  );
  assert.ok(granted[0] < 50 && granted[3] < 50, `first turns at once: ${granted.join(", ")}`);
  assert.ok(granted[1] >= 99 && granted[2] >= 199, `one host's turns 100 ms apart: ${granted.join(", ")}`);
});

test("the cache spares answered links on the next run; broken ones are fetched again", async () => {
  const before = hits.length;
  const second = await run(7);
  const fetched = hits.slice(before).map((h) => h.url);
  for (const cached of ["/ok", "/files/report.pdf", "/slow", "/moved"])
    assert.ok(!fetched.includes(cached), cached);
  for (const again of ["/missing", "/loop", "/hang"]) assert.ok(fetched.includes(again), again);
  assert.ok(second.links!.find((l) => l.url === `${base}/slow`)!.result!.cached);
  assert.deepEqual(second.linkCounts, first.linkCounts);
});

test("veto deadlines from the build clock, an unanswered letter through the spec seam, and the horizon", async () => {
  assert.deepEqual(
    first.columns.map((c) => `${c.name} ${c.staleOn ?? "空"}`),
    [
      "首页 2026-07-13",
      "市级新闻 2026-07-09",
      "部门动态 2026-07-12",
      "转载 2026-07-13",
      "发布会 空",
      "通知公告 空",
      "政府信息公开目录 空",
    ],
  );
  assert.deepEqual(
    first.records.map((r) => `${r.file} ${r.day} ${r.veto} ${r.reason}`),
    [
      "content/letters/2026/unanswered.md 2026-07-09 false 留言“路灯不亮”超过 60 天未答复，网站生成将失败（站点配置 interaction.letterDeadlines.errorDays）",
      "content/letters/2026/unanswered.md 2026-08-10 true 留言“路灯不亮”超过 3 个月未答复（互动回应差）",
    ],
  );
  // Stale or empty: 发布会, 通知公告, 政策 (today), 07-09, 07-12: the 5th column is the first veto.
  assert.deepEqual(first.veto, {
    day: "2026-07-12",
    reason: "第 5 个栏目在这一天不再及时更新（栏目不更新 5 个以上）",
  });
  assert.equal(first.horizonEnd, "2026-07-07");
  assert.equal(first.vetoWithinHorizon, false);
  const longer = await inspect({ site: fixture.site, portal, now, horizon: 12, links: false });
  assert.equal(longer.vetoWithinHorizon, true);
  assert.equal(longer.links, undefined);
});

test("review_by: past it check warns with file, line and field; the report lists overdue and soon-due pages", () => {
  const warning = problems.find((p) => p.field?.startsWith("review_by"));
  assert.ok(warning, "a warning for the overdue guide");
  assert.equal(warning.severity, "warning");
  assert.equal(`${warning.file}:${warning.line}`, "content/guides/test.md:18");
  assert.match(warning.message, /复核日期 2026-06-01 已过/);
  assert.equal(
    problems.filter((p) => p.field?.startsWith("review_by")).length,
    1,
    "not the pages still in time",
  );
  assert.deepEqual(
    first.reviews.map((r) => `${r.file} ${r.day} ${r.overdue}`),
    ["content/guides/test.md 2026-06-01 true", "content/pages/overview.md 2026-07-03 false"],
  );
});

test("report.html lists what needs doing, escaped, and is marked not for publication", () => {
  const page = inspectionHtml(first, fixture.site.name);
  assert.match(page, /<meta name="robots" content="noindex, nofollow">/);
  assert.match(page, /内部使用，不要发布/);
  const todo = page.slice(page.indexOf("需要处理的外部链接"), page.indexOf("全部外部链接"));
  for (const p of ["/missing", "/loop", "/hang", "/moved", "/slow"])
    assert.ok(todo.includes(`${base}${p}`), p);
  assert.ok(!todo.includes(`${base}/ok<`), "good links are not in the to-do table");
  assert.match(page, /留言“路灯不亮”超过 3 个月未答复（互动回应差）（单项否决）/);
  assert.match(page, /<td>概况 &lt;b&gt;一&lt;\/b&gt;<\/td><td>content\/pages\/overview\.md<\/td>/);
  assert.ok(!page.includes("<b>一</b>"), "an editor's text is escaped");
});
