/**
 * 解读 coverage and form (issue 15): a 行政规范性文件 without a 解读 after 3 working days (holidays
 * from the national calendar) is in the build's warnings and on the year's audit page; an image
 * (图解) and a video 解读 count by form; every figure equals the list it links to; 解读 and document
 * link both ways.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news, textOf, type Fixture } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { Problem } from "../../src/problems/problems.ts";

let serial = 0;
const policy = (fields: Record<string, string | undefined>, body = "正文。") =>
  md(
    {
      index_no: `111522000000000001/2026-${String(++serial).padStart(5, "0")}`,
      category: "综合政务",
      issuer: "测试市人民政府",
      department: "市政府办公室",
      written: fields.date?.slice(0, 10),
      ...fields,
    },
    body,
  );

const FILES = {
  "news/2026/a.md": news("市政府召开常务会议", "2026-06-20 09:00"),
  "policies/2026/missing.md": policy({
    title: "测试市物业管理办法",
    index_no: "111522000000000001/2026-00100",
    date: "2026-06-16 09:00",
    kind: "行政规范性文件",
  }),
  "policies/2026/graphic-doc.md": policy({
    title: "测试市公共租赁住房管理办法",
    index_no: "111522000000000001/2026-00101",
    date: "2026-03-02 09:00",
    kind: "行政规范性文件",
  }),
  "policies/2026/graphic.md": policy(
    {
      title: "图解：公共租赁住房管理办法",
      date: "2026-03-03 09:00",
      kind: "政策解读",
      interprets: "111522000000000001/2026-00101",
      form: "图解",
      graphic: "{ src: /media/g.svg, alt: 公租房申请条件和流程图解 }",
    },
    "申请条件：本市户籍，家庭人均收入低于上年度城镇居民人均可支配收入的 60%。",
  ),
  "policies/2026/video-doc.md": policy({
    title: "测试市养老服务补贴办法",
    index_no: "111522000000000001/2026-00102",
    date: "2026-04-01 09:00",
    kind: "行政规范性文件",
  }),
  "policies/2026/video.md": policy({
    title: "视频解读：养老服务补贴办法",
    date: "2026-04-20 09:00",
    kind: "政策解读",
    interprets: "111522000000000001/2026-00102",
    form: "视频",
    video: "/videos/2026/pension/",
  }),
  "policies/2026/other.md": policy({
    title: "测试市2026年工作要点",
    date: "2026-02-10 09:00",
    kind: "其他文件",
  }),
  "videos/2026/pension.md": md(
    {
      title: "养老服务补贴怎么领",
      date: "2026-04-19 10:00",
      kind: "视频新闻",
      department: "市政府办公室",
      source: "市融媒体中心",
      video: "/media/v.webm",
      poster: "{ src: /media/g.svg, alt: 视频封面 }",
      duration: '"03:00"',
      captions: "/media/c.vtt",
    },
    "各位观众，养老服务补贴这样申请。",
  ),
  "media/v.webm": "x",
  "media/c.vtt": "WEBVTT\n",
  "media/g.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
};

let site: Fixture;
let warnings: Problem[];
before(async () => {
  site = createFixture(FILES);
  ({
    state: { warnings },
  } = await site.build({ now: "2026-06-30 12:00" }));
});

const coverageWarnings = (problems: Problem[]) => problems.filter((p) => p.field === "政策解读");

function problemsAt(now: string): Problem[] {
  const ms = parseLocalDate(now, site.site.timeZone)!.toMillis();
  return checkSite({ site: site.site, contentDir: site.contentDir, now: ms }).problems;
}

test("a 行政规范性文件 without 解读 warns once 3 working days have passed (端午 not counted)", () => {
  const [warning] = coverageWarnings(warnings);
  assert.equal(coverageWarnings(warnings).length, 1, JSON.stringify(coverageWarnings(warnings)));
  assert.equal(warning.file, "content/policies/2026/missing.md");
  assert.equal(warning.severity, "warning");
  assert.match(
    warning.message,
    /行政规范性文件“测试市物业管理办法”发布于 2026-06-16，超过 3 个工作日（2026-06-22）仍没有政策解读/,
  );
  // 06-19 to 06-21 are the 端午 holiday: the third working day after 06-16 is 06-22, not 06-19.
  assert.deepEqual(coverageWarnings(problemsAt("2026-06-22 18:00")), []);
  assert.equal(coverageWarnings(problemsAt("2026-06-23 08:00")).length, 1);
});

test("the year's audit page lists the document without 解读, with figures that equal their lists", () => {
  const page = site.read("/policies/interpretation-coverage/2026/");
  const text = textOf(page);
  assert.match(
    text,
    /应解读文件（行政规范性文件） 3 已解读文件 2 其中：逾期解读 1 未解读文件 1 解读覆盖率 66\.7% 本年发布解读 2 其中：文字解读 0 其中：图解解读 1 其中：视频解读 1 其中：发布会解读 0/,
  );
  assert.match(text, /未解读的文件（1） .*测试市物业管理办法/);
  assert.doesNotMatch(text.split("未解读的文件（1）")[1], /公共租赁住房管理办法|工作要点/);
  // Each figure's link leads to a list of exactly that many items.
  const figures = [
    ...page.matchAll(/<td><a href="(\/policies\/interpretation-coverage\/2026\/[^"#]+)">(\d+)<\/a><\/td>/g),
  ];
  assert.equal(figures.length, 8);
  for (const [, url, n] of figures) {
    const rows = site.read(url).match(/<tr><td class="index-no"/g) ?? [];
    assert.equal(rows.length, Number(n), url);
  }
  assert.match(
    textOf(site.read("/policies/interpretation-coverage/2026/form-graphic/")),
    /图解：公共租赁住房管理办法/,
  );
  assert.match(textOf(site.read("/policies/interpretation-coverage/2026/late/")), /养老服务补贴办法/);
});

test("the statistics page shows 解读 coverage and counts with audit links", () => {
  const stats = site.read("/statistics/2026/");
  assert.match(
    textOf(stats),
    /2026年解读回应与互动交流.*应解读文件（件） 3 已解读文件（件） 2 未解读文件（件） 1 解读覆盖率 66\.7%/,
  );
  assert.match(
    stats,
    /href="\/policies\/interpretation-coverage\/2026\/form-graphic\/" aria-label="图解解读 1，/,
  );
  assert.match(
    site.read("/policies/interpretations/"),
    /href="\/policies\/interpretation-coverage\/2026\/">2026年解读情况/,
  );
});

test("an image 解读 shows the image with its text alternative, a video 解读 the player; both link both ways", () => {
  const graphic = site.read("/policies/2026/graphic/");
  assert.match(graphic, /<img src="\/media\/g\.svg" alt="公租房申请条件和流程图解" width="10" height="10">/);
  assert.match(textOf(graphic), /解读的文件 测试市公共租赁住房管理办法/);
  assert.match(
    textOf(site.read("/policies/2026/graphic-doc/")),
    /相关解读 图解：公共租赁住房管理办法（图解）/,
  );
  const video = site.read("/policies/2026/video/");
  assert.match(video, /<track kind="captions" src="\/media\/c\.vtt"/);
  assert.match(video, /<a href="\/videos\/2026\/pension\/">养老服务补贴怎么领<\/a>/);
  assert.match(textOf(site.read("/policies/2026/video-doc/")), /视频解读：养老服务补贴办法（视频）/);
});

test("a form's required field, a form field on a document and a dangling video are errors", () => {
  const bad = createFixture({
    ...FILES,
    "policies/2026/no-image.md": policy({
      title: "图解：缺图",
      date: "2026-03-04 09:00",
      kind: "政策解读",
      interprets: "111522000000000001/2026-00101",
      form: "图解",
    }),
    "policies/2026/doc-form.md": policy({
      title: "某文件",
      date: "2026-03-04 09:00",
      kind: "其他文件",
      form: "视频",
    }),
    "policies/2026/lost-video.md": policy({
      title: "视频解读：找不到",
      date: "2026-03-04 09:00",
      kind: "政策解读",
      interprets: "111522000000000001/2026-00101",
      form: "视频",
      video: "/videos/2026/none/",
    }),
  });
  const ms = parseLocalDate("2026-06-30 12:00", bad.site.timeZone)!.toMillis();
  const errors = checkSite({ site: bad.site, contentDir: bad.contentDir, now: ms }).problems.filter(
    (p) => p.severity === "error",
  );
  const of = (file: string) =>
    errors.filter((p) => p.file === `content/policies/2026/${file}.md`).map((p) => p.message);
  assert.deepEqual(of("no-image"), ["解读形式为“图解”时必须填写 graphic"]);
  assert.deepEqual(of("doc-form"), ["只有文件类型为“政策解读”时才能填写 form"]);
  assert.match(of("lost-video").join(), /找不到已发布的视频页面“\/videos\/2026\/none\/”/);
});
