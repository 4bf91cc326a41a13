/**
 * 意见征集 and 在线访谈 (issue 15): a consultation under 30 days is an error unless its reason is
 * given; a closed one without 结果反馈 warns, then errors after the grace period; the status follows
 * the build's clock; an interview past its time without 实录 warns; 预告 and 实录 pages.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news, textOf, type Fixture } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { Problem } from "../../src/problems/problems.ts";

const consultation = (fields: Record<string, string | undefined>, body = "征求意见稿全文。") =>
  md(
    {
      title: "关于《测试市养犬管理办法（征求意见稿）》公开征求意见的公告",
      date: "2026-04-01 09:00",
      department: "市市场监督管理局",
      start: "2026-04-01",
      end: "2026-04-30",
      channels: "[{ kind: 电子邮件, value: yj@test.gov.cn }, { kind: 信函, value: 测试市人民路1号 }]",
      ...fields,
    },
    body,
  );

const FEEDBACK =
  "{ date: 2026-05-20, received: 12, adopted: 8, summary: 采纳了关于遛犬时间的意见, rejected: [{ opinion: 全面禁止养犬, reason: 与上位法不符 }] }";

const interview = (fields: Record<string, string | undefined>, body = "") =>
  md(
    {
      title: "就业政策在线访谈",
      date: "2026-06-01 09:00",
      department: "市政府办公室",
      time: "2026-06-18 15:00",
      topic: "稳就业政策解读",
      guests: "[{ name: 王明, title: 市人力资源和社会保障局局长 }]",
      ...fields,
    },
    body,
  );

const VIDEO = md(
  {
    title: "就业政策在线访谈（视频）",
    date: "2026-06-19 10:00",
    kind: "视频新闻",
    department: "市政府办公室",
    source: "市融媒体中心",
    video: "/media/v.webm",
    poster: "{ src: /media/p.svg, alt: 访谈现场 }",
    duration: '"30:00"',
    captions: "/media/c.vtt",
  },
  "主持人：各位网友好。王明：我来介绍今年的就业政策。",
);

const MEDIA = {
  "media/v.webm": "x",
  "media/c.vtt": "WEBVTT\n",
  "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

function problemsAt(site: Fixture, now: string): Problem[] {
  const ms = parseLocalDate(now, site.site.timeZone)!.toMillis();
  return checkSite({ site: site.site, contentDir: site.contentDir, now: ms }).problems;
}

const about = (problems: Problem[], file: string) => problems.filter((p) => p.file === `content/${file}`);

let site: Fixture;
let warnings: Problem[];
before(async () => {
  site = createFixture({
    "news/2026/a.md": news("市政府召开常务会议", "2026-06-29 09:00"),
    "consultations/2026/open.md": consultation({
      title: "关于《测试市城市绿化条例（草案）》公开征求意见的公告",
      date: "2026-06-15 09:00",
      start: "2026-06-15",
      end: "2026-07-14",
    }),
    "consultations/2026/closed.md": consultation({ feedback: FEEDBACK }),
    "interviews/2026/held.md": interview({}, "主持人：各位网友好。\n\n王明：今年新增就业岗位 3000 个。"),
    "interviews/2026/video.md": interview({ title: "营商环境在线访谈", video: "/videos/2026/talk/" }),
    "interviews/2026/coming.md": interview({ title: "医保政策在线访谈", time: "2026-07-10 15:00" }),
    "interviews/2026/missing.md": interview({ title: "教育政策在线访谈", time: "2026-06-20 10:00" }),
    "videos/2026/talk.md": VIDEO,
    ...MEDIA,
  });
  ({
    state: { warnings },
  } = await site.build({ now: "2026-06-30 12:00" }));
});

test("a consultation shorter than 30 days is an error naming file, line and field; a declared reason allows it", () => {
  const short = createFixture({
    "consultations/2026/short.md": consultation({ start: "2026-06-01", end: "2026-06-20" }),
    "consultations/2026/urgent.md": consultation({
      start: "2026-06-01",
      end: "2026-06-20",
      short_period_reason: "上级要求7月1日前报送，情况紧急",
    }),
  });
  const problems = problemsAt(short, "2026-06-10 12:00");
  const errors = about(problems, "consultations/2026/short.md").filter((p) => p.severity === "error");
  assert.equal(errors.length, 1, JSON.stringify(problems));
  assert.match(errors[0].message, /征集期只有 20 日，少于 30 日/);
  assert.equal(errors[0].line, 6);
  assert.match(errors[0].field ?? "", /end/);
  assert.deepEqual(about(problems, "consultations/2026/urgent.md"), []);
});

test("a closed consultation without 结果反馈 warns within the grace period and errors after it", () => {
  const closed = createFixture({ "consultations/2026/late.md": consultation({}) });
  assert.deepEqual(
    about(problemsAt(closed, "2026-04-30 23:00"), "consultations/2026/late.md"),
    [],
    "still open",
  );
  const soon = about(problemsAt(closed, "2026-05-10 12:00"), "consultations/2026/late.md");
  assert.equal(soon.length, 1);
  assert.equal(soon[0].severity, "warning");
  assert.match(soon[0].message, /已于 2026-04-30 截止，尚未发布结果反馈.*须在 2026-05-30 前补充 feedback/);
  const late = about(problemsAt(closed, "2026-05-31 08:00"), "consultations/2026/late.md");
  assert.equal(late.length, 1);
  assert.equal(late[0].severity, "error");
  assert.match(late[0].message, /已超过截止后 30 日的期限（2026-05-30）/);
  // The grace period is the site's to set.
  const strict = createFixture(
    { "consultations/2026/late.md": consultation({}) },
    {
      consultations: { feedbackDays: 5 },
    },
  );
  assert.equal(
    about(problemsAt(strict, "2026-05-10 12:00"), "consultations/2026/late.md")[0].severity,
    "error",
  );
});

test("结果反馈 that adopts fewer opinions than received must give the reasons", () => {
  const noReasons = createFixture({
    "consultations/2026/c.md": consultation({
      feedback: "{ date: 2026-05-20, received: 12, adopted: 8, summary: 部分采纳 }",
    }),
  });
  const [problem] = about(problemsAt(noReasons, "2026-06-01 12:00"), "consultations/2026/c.md");
  assert.equal(problem.severity, "error");
  assert.match(problem.message, /收到 12 条意见、采纳 8 条，须在 rejected 中列出未采纳的意见及理由/);
});

test("status follows the build's clock; the page shows channels, draft and 结果反馈; the list has a status column", () => {
  const open = textOf(site.read("/consultations/2026/open/"));
  assert.match(open, /状态：征集中/);
  assert.match(open, /征集时间 2026-06-15 至 2026-07-14（30 日）/);
  assert.match(site.read("/consultations/2026/open/"), /<a href="mailto:yj@test.gov.cn">yj@test.gov.cn<\/a>/);
  assert.match(open, /征求意见稿 征求意见稿全文。/);
  const closed = textOf(site.read("/consultations/2026/closed/"));
  assert.match(closed, /状态：已结束/);
  assert.match(closed, /收到意见 12 条 采纳意见 8 条/);
  assert.match(closed, /全面禁止养犬 与上位法不符/);
  const list = textOf(site.read("/consultations/"));
  assert.match(list, /城市绿化条例.*2026-06-15 至 2026-07-14 征集中 —/);
  assert.match(list, /养犬管理办法.*已结束 已反馈（收到 12 条，采纳 8 条）/);
  assert.ok(site.exists("/feeds/consultations.xml"));
});

test("an interview past its time without 实录 warns; 预告 before, text or video 实录 after", () => {
  const missing = warnings.filter((p) => p.file === "content/interviews/2026/missing.md");
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /访谈已于 2026-06-20 10:00 举行，尚未发布实录/);
  assert.deepEqual(
    warnings.filter((p) => /interviews\/2026\/(held|video|coming)/.test(p.file)),
    [],
  );
  assert.match(textOf(site.read("/interviews/2026/missing/")), /实录正在整理/);
  const coming = textOf(site.read("/interviews/2026/coming/"));
  assert.match(
    coming,
    /访谈预告 访谈主题 稳就业政策解读 访谈时间 2026-07-10 15:00 访谈嘉宾 市人力资源和社会保障局局长 王明/,
  );
  assert.doesNotMatch(coming, /文字实录/);
  assert.match(textOf(site.read("/interviews/2026/held/")), /文字实录 主持人：各位网友好。/);
  const video = site.read("/interviews/2026/video/");
  assert.match(video, /<track kind="captions" src="\/media\/c\.vtt"/);
  assert.match(textOf(video), /文字实录 主持人：各位网友好。王明：我来介绍今年的就业政策。/);
  const list = textOf(site.read("/interviews/"));
  assert.match(list, /医保政策在线访谈 2026-07-10 15:00 王明 访谈预告/);
  assert.match(list, /教育政策在线访谈 2026-06-20 10:00 王明 实录整理中/);
});

test("an interview naming a video that is not published is an error", () => {
  const bad = createFixture({
    "news/2026/a.md": news("市政府召开常务会议", "2026-06-29 09:00"),
    "interviews/2026/v.md": interview({ video: "/videos/2026/nothing/" }),
  });
  const [problem] = about(problemsAt(bad, "2026-06-30 12:00"), "interviews/2026/v.md");
  assert.equal(problem.severity, "error");
  assert.match(problem.message, /找不到已发布的视频页面“\/videos\/2026\/nothing\/”/);
});

test("the statistics page counts consultations, outcomes and interviews, each figure equal to its list", () => {
  const stats = site.read("/statistics/2026/");
  assert.match(
    textOf(stats),
    /意见征集（期） 2 公布征集结果（期） 1 收到意见（条） 12 在线访谈（期） 4 网民留言（条） 0 答复网民提问（条） 0/,
  );
  const figures = [
    ...stats.matchAll(/<a href="(\/(?:consultations|interviews)\/[^"]+)" aria-label="[^"]*">(\d+)<\/a>/g),
  ];
  assert.equal(figures.length, 3);
  for (const [, url, n] of figures) {
    const rows = site.read(url).match(/<tr><td class="title"/g) ?? [];
    assert.equal(rows.length, Number(n), url);
  }
});

test("a 结果反馈 dated after the build's clock is scheduled: shown, listed and counted from its date on", async () => {
  const scheduled = createFixture({
    "news/2026/a.md": news("市政府召开常务会议", "2026-05-01 09:00"),
    "consultations/2026/c.md": consultation({ feedback: FEEDBACK.replace("2026-05-20", "2026-05-25") }),
  });
  const statsOf = () => textOf(scheduled.read("/statistics/2026/"));
  await scheduled.build({ now: "2026-05-10 12:00" });
  const before = textOf(scheduled.read("/consultations/2026/c/"));
  assert.match(before, /意见采纳情况将于 2026-05-30 前公布/);
  assert.doesNotMatch(before, /收到意见 12 条/);
  assert.match(textOf(scheduled.read("/consultations/")), /养犬管理办法.*已结束 —/);
  assert.match(statsOf(), /公布征集结果（期） 0 收到意见（条） 0/);
  assert.doesNotMatch(scheduled.read("/consultations/feedback/2026/"), /养犬管理办法/);
  // Until its date the consultation is still due a 结果反馈 (a warning, not yet late).
  const due = about(problemsAt(scheduled, "2026-05-10 12:00"), "consultations/2026/c.md");
  assert.deepEqual(
    due.map((p) => p.severity),
    ["warning"],
  );
  await scheduled.build({ now: "2026-06-01 08:00" });
  assert.match(textOf(scheduled.read("/consultations/2026/c/")), /收到意见 12 条 采纳意见 8 条/);
  assert.match(textOf(scheduled.read("/consultations/")), /已反馈（收到 12 条，采纳 8 条）/);
  assert.match(statsOf(), /公布征集结果（期） 1 收到意见（条） 12/);
  assert.match(scheduled.read("/consultations/feedback/2026/"), /养犬管理办法/);
  assert.deepEqual(about(problemsAt(scheduled, "2026-06-01 08:00"), "consultations/2026/c.md"), []);
});
