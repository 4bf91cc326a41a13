import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news, textOf } from "../helpers/fixture.ts";

const policy = (extra: Record<string, string | string[] | undefined>) =>
  md(
    {
      title: "测试市人民政府关于印发《城乡居民最低生活保障实施办法》的通知",
      index_no: "11150000MB0000001X/2025-00001",
      category: "民政、扶贫、救灾",
      issuer: "测试市人民政府",
      doc_no: "测政发〔2025〕3号",
      written: "2025-02-20",
      date: "2025-02-25 10:00",
      kind: "行政规范性文件",
      department: "市政府办公室",
      keywords: ["低保", "社会救助"],
      summary: "规定低保的申请、审核和发放。",
      ...extra,
    },
    "第一条 为了规范最低生活保障工作……",
  );

test("each content type gets a detail page showing its fields", async () => {
  const site = createFixture({
    "news/2025/spring.md": news("春耕备耕工作会议召开", "2025-03-12 09:30", {
      source: "市融媒体中心",
      topics: ["惠农惠牧"],
    }),
    "policies/2025/dibao.md": policy({}),
    "videos/2025/clip.md": md(
      {
        title: "视频新闻：春耕",
        date: "2025-03-13 10:00",
        kind: "视频新闻",
        department: "市政府办公室",
        source: "市融媒体中心",
        video: "/media/v.webm",
        video_mp4: "/media/v.mp4",
        poster: "{ src: /media/p.svg, alt: 春耕画面 }",
        duration: '"02:15"',
        captions: "/media/c.vtt",
      },
      "各位观众，春耕开始了。",
    ),
    "guides/food.md": md({
      title: "食品经营许可证核发",
      item_type: "行政许可",
      department: "市市场监督管理局",
      date: "2025-04-01 09:00",
      basis: ["《中华人民共和国食品安全法》第三十五条"],
      conditions: ["有与经营相适应的场所"],
      materials:
        "\n  - { name: 食品经营许可申请书, form: 原件, copies: 1, required: true }\n  - { name: 营业执照, form: 复印件, copies: 2, required: false, note: 验原件 }",
      process: ["申请", "受理", "决定"],
      location: "政务服务中心二楼",
      hours: "工作日 8:30—17:30",
      legal_days: 20,
      promised_days: 5,
      fee: "{ charged: false }",
      phone: "0482-7121234",
      complaint_phone: "0482-7125678",
    }),
    "periodicals/xun/2025-01.md": md({
      title: "《测试讯》2025年第1期",
      periodical: "测试讯",
      issue: 1,
      date: "2025-01-15 09:00",
      pdf: "/media/x.pdf",
    }),
    "pages/about.md": md({ title: "测试市概况" }, "测试市位于……"),
    // The media the items name must exist (the build checks it).
    ...Object.fromEntries(["v.webm", "v.mp4", "c.vtt", "x.pdf"].map((f) => [`media/${f}`, "x"])),
    "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
  await site.build();

  const newsPage = site.read("/news/2025/spring/");
  assert.match(textOf(newsPage), /来源：市融媒体中心/);
  assert.match(textOf(newsPage), /发布时间：2025-03-12 09:30/);
  assert.match(newsPage, /data-print/);
  assert.match(newsPage, /<meta name="ArticleTitle" content="春耕备耕工作会议召开">/);
  assert.match(newsPage, /<meta name="PubDate" content="2025-03-12 09:30">/);
  assert.match(newsPage, /href="\/topics\/farm-subsidies\/"/);

  const policyText = textOf(site.read("/policies/2025/dibao/"));
  for (const expected of [
    "索引号 11150000MB0000001X/2025-00001",
    "主题分类 民政、扶贫、救灾",
    "发文机关 测试市人民政府",
    "成文日期 2025-02-20",
    "发文字号 测政发〔2025〕3号",
    "发布日期 2025-02-25",
    "有效性 有效",
    "主题词 低保 社会救助",
  ]) {
    assert.ok(policyText.includes(expected), `policy page shows ${expected}`);
  }

  const video = site.read("/videos/2025/clip/");
  assert.match(video, /<track kind="captions" src="\/media\/c\.vtt" srclang="zh-CN"/);
  assert.match(textOf(video), /时长：02:15/);
  // WebM and MP4 (H.264) both offered, each typed; the poster's alt text is not shown as a caption.
  assert.match(
    video,
    /<source src="\/media\/v\.webm" type="video\/webm"><source src="\/media\/v\.mp4" type="video\/mp4">/,
  );
  assert.doesNotMatch(textOf(video), /春耕画面/);
  assert.match(textOf(video), /文字实录 各位观众，春耕开始了。/);

  const guide = textOf(site.read("/guides/food/"));
  for (const expected of [
    "事项类型 行政许可",
    "法定办结时限 20 个工作日",
    "承诺办结时限 5 个工作日",
    "是否收费 不收费",
    "营业执照 复印件 2 非必要 验原件",
    "办理地点 政务服务中心二楼",
    "咨询电话 0482-7121234",
    "监督投诉电话 0482-7125678",
  ]) {
    assert.ok(guide.includes(expected), `guide page shows ${expected}`);
  }
  assert.match(site.read("/periodicals/xun/2025-01/"), /href="\/media\/x\.pdf" download/);
  assert.match(textOf(site.read("/pages/about/")), /测试市位于/);
});

test("an interpretation and its document link to each other", async () => {
  const site = createFixture({
    "policies/2025/dibao.md": policy({}),
    "policies/2025/dibao-jd.md": md({
      title: "《城乡居民最低生活保障实施办法》政策解读",
      index_no: "11150000MB0000001X/2025-00002",
      category: "民政、扶贫、救灾",
      issuer: "测试市人民政府",
      written: "2025-02-26",
      date: "2025-02-26 10:00",
      kind: "政策解读",
      department: "市政府办公室",
      interprets: "11150000MB0000001X/2025-00001",
    }),
  });
  await site.build();
  const doc = site.read("/policies/2025/dibao/");
  const interpretation = site.read("/policies/2025/dibao-jd/");
  assert.match(doc, /<h2 id="related-h">相关解读<\/h2><ul><li><a href="\/policies\/2025\/dibao-jd\/">/);
  assert.match(
    interpretation,
    /<h2 id="related-h">解读的文件<\/h2><ul><li><a href="\/policies\/2025\/dibao\/">/,
  );
  assert.match(site.read("/policies/interpretations/"), /href="\/policies\/2025\/dibao-jd\/"/);
});

test("drafts and scheduled items get no page and appear in no list", async () => {
  const site = createFixture({
    "news/2025/public.md": news("已发布的新闻", "2025-05-01 09:00"),
    "news/2025/draft.md": news("草稿新闻", "2025-05-02 09:00", { draft: true }),
    "news/2026/later.md": news("定时发布的新闻", "2026-12-15 09:00"),
  });
  await site.build({ now: "2026-06-30 12:00" });
  assert.ok(site.exists("/news/2025/public/"));
  assert.ok(!site.exists("/news/2025/draft/"));
  assert.ok(!site.exists("/news/2026/later/"));
  const all = site
    .files()
    .filter((f) => f.endsWith(".html"))
    .map((f) => site.read(f))
    .join("\n");
  assert.ok(!all.includes("草稿新闻") && !all.includes("定时发布的新闻"));
});
