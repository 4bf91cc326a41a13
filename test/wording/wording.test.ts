/**
 * 错敏词 and 规范表述 (issue 16): every rule with a true hit, reported with file:line:column and the
 * expected form, and a near miss that must not fire; positions in front matter and body;
 * suppression, site additions, severities, and a build that refuses a misspelt leader's name.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news } from "../helpers/fixture.ts";
import { ContentError } from "../../src/problems/problems.ts";
import { DECLARED, problemsIn } from "./helpers.ts";

/** The body starts on line 8 of a `news()` file; the text below is its first line. */
const at = (body: string, extra: Record<string, string | boolean> = {}) =>
  news("标题", "2026-06-01 09:00", extra).replace("正文。", body);

interface Case {
  rule: string;
  hit: string;
  /** The one problem the hit gives, after `content/news/2026/hit.md:`. */
  expected: string;
  /** Text close to the hit that is right and must give nothing. */
  miss: string;
}

const CASES: Case[] = [
  {
    rule: "shipped dictionary: 国名",
    hit: "中华人民共合国成立以来",
    expected: "8:1 错误 字段「正文」：“中华人民共合国”应为“中华人民共和国”（依据：《中华人民共和国宪法》）",
    miss: "中华人民共和国成立以来",
  },
  {
    rule: "shipped dictionary: 机构名称",
    hit: "经国务院常委会研究",
    expected:
      "8:2 错误 字段「正文」：“国务院常委会”应为“国务院常务会议”（依据：《国务院工作规则》（国发〔2023〕6号））",
    miss: "经国务院常务会议研究",
  },
  {
    rule: "shipped dictionary: 时政用语",
    hit: "截止目前，已完成",
    expected:
      "8:1 错误 字段「正文」：“截止目前”应为“截至目前”（依据：《现代汉语词典》第7版“截至”“截止”条：截至后接时间）",
    miss: "截至目前，已完成；报名于5月1日截止。",
  },
  {
    rule: "site dictionary entry",
    hit: "由测试市大数局负责",
    expected: "8:2 错误 字段「正文」：“测试市大数局”应为“测试市大数据中心”（依据：机构编制文件）",
    miss: "由测试市大数据中心负责",
  },
  {
    rule: "leader's name, homophone",
    hit: "市长张建化主持会议",
    expected: "8:3 错误 字段「正文」：领导姓名“张建化”应为“张建华”（“化”应为同音的“华”；站点声明的名称）",
    miss: "市长张建华主持会议，张建军同志参加",
  },
  {
    rule: "place name, look-alike character (形近字, data/wording/similar/characters.tsv)",
    hit: "在测试巿工作",
    expected: "8:2 错误 字段「正文」：地名“测试巿”应为“测试市”（“巿”应为形近的“市”；站点声明的名称）",
    // 币 looks like 巿 too, but is in no group of the file: only listed look-alikes count.
    miss: "在测试市工作，测试币已发放",
  },
  {
    rule: "leader's name, swapped",
    hit: "张华建出席",
    expected: "8:1 错误 字段「正文」：领导姓名“张华建”应为“张建华”（字序颠倒；站点声明的名称）",
    miss: "张建华出席，建华街道参加",
  },
  {
    rule: "organ, one character different inside a long name",
    hit: "测试市发展和变革委员会发布",
    expected:
      "8:1 错误 字段「正文」：机构名称“测试市发展和变革委员会”应为“测试市发展和改革委员会”（“变”应为“改”；站点声明的名称）",
    miss: "测试市发展和改革委员会、测试市人民政协、市发改委发布",
  },
  {
    rule: "place, homophone",
    hit: "青松真卫生院",
    expected: "8:1 错误 字段「正文」：地名“青松真”应为“青松镇”（“真”应为同音的“镇”；站点声明的名称）",
    miss: "青松镇卫生院、青松林场",
  },
  {
    rule: "leader with another leader's title",
    hit: "副市长张建华讲话",
    expected:
      "8:1 警告 字段「正文」：“副市长张建华”：站点配置中“张建华”的职务是“市长”，不是“副市长”；请核对姓名和职务（站点配置 wording.leaders）",
    miss: "市长张建华讲话，张建华市长强调",
  },
  {
    rule: "leader after the end of the term",
    hit: "李明远副市长调研",
    expected:
      "8:1 警告 字段「正文」：“李明远”（副市长）的任期已于 2025-12-31 结束，本文发布于 2026-06-01；如指原任领导请写明“原副市长”“时任”等，否则请核对（站点配置 wording.leaders）",
    miss: "原副市长李明远，时任副市长李明远",
  },
  {
    rule: "half-width punctuation between Chinese characters",
    hit: "请各单位,按时报送",
    expected: "8:5 警告 字段「正文」：汉字之间的半角标点“,”应为全角“，”（GB/T 15834）",
    miss: "请各单位，按时报送版本1.2, see A,B",
  },
  {
    rule: "half-width parenthesis",
    hit: "办法(试行)印发",
    expected:
      "8:3 警告 字段「正文」：汉字之间的半角标点“(”应为全角“（”（括号应成对使用全角“（）”）（GB/T 15834）",
    miss: "办法（试行）印发，见[新闻列表](/news/)",
  },
  {
    rule: "unmatched quotation mark",
    hit: "他说：“要抓好落实。",
    expected: "8:4 警告 字段「正文」：左引号“后面缺少配对的右引号”",
    miss: "他说：“要抓好‘三个’落实。”",
  },
  {
    rule: "crossed brackets",
    hit: "《条例（修订》）",
    expected: "8:7 警告 字段「正文」：书名号》与前面的括号（不配对，应先用括号）结束",
    miss: "《条例（修订）》",
  },
  {
    rule: "发文字号 brackets",
    hit: "依据测政发[2025]3号",
    expected: "8:6 警告 字段「正文」：发文字号的年份应使用六角括号“〔〕”：应为“〔2025〕3号”（GB/T 9704）",
    miss: "依据测政发〔2025〕3号，见附件[2]",
  },
  {
    rule: "two-digit year",
    hit: "25年3月启动",
    expected: "8:1 警告 字段「正文」：年份不能简写为两位：应为“2025年3月”之类的四位年份（GB/T 15835）",
    miss: "2025年3月启动，近10年来，第12年3月",
  },
  {
    rule: "零 in a year",
    hit: "二零二五年工作要点",
    expected: "8:1 警告 字段「正文」：年份中的零应写作“〇”：应为“二〇二五年”（GB/T 15835）",
    miss: "二〇二五年工作要点，一百零五年",
  },
  {
    rule: "a picture lost in pasting (U+FFFC)",
    hit: "签字\uFFFC盖章",
    expected:
      "8:3 警告 字段「正文」：此处有一个看不见的对象替换符（U+FFFC）：从 Word、WPS 或手机粘贴时，原处的图片或对象没有一起粘贴过来；请删除它，需要图片时另行插入",
    miss: "签字盖章，见附图",
  },
];

for (const c of CASES) {
  test(`wording rule: ${c.rule}`, () => {
    const site = createFixture({ "news/2026/hit.md": at(c.hit), "news/2026/miss.md": at(c.miss) }, DECLARED);
    assert.deepEqual(problemsIn(site, "news/2026/hit.md"), [`content/news/2026/hit.md:${c.expected}`]);
    assert.deepEqual(problemsIn(site, "news/2026/miss.md"), []);
  });
}

test("front-matter fields are checked with their line and column; drafts get warnings", () => {
  const site = createFixture(
    {
      "news/2026/a.md": news("关于中华人名共和国国庆的通知", "2026-06-01 09:00", {
        summary: "测试市人民正府发布",
      }),
      "news/2026/draft.md": at("张建化", { draft: true }),
    },
    DECLARED,
  );
  assert.deepEqual(problemsIn(site, "news/2026/"), [
    "content/news/2026/a.md:2:10 错误 字段「title（标题）」：“中华人名共和国”应为“中华人民共和国”（依据：《中华人民共和国宪法》）",
    "content/news/2026/a.md:7:10 错误 字段「summary（摘要）」：机构名称“测试市人民正府”应为“测试市人民政府”（“正”应为同音的“政”；站点声明的名称）",
    "content/news/2026/draft.md:9:1 警告 字段「正文」：领导姓名“张建化”应为“张建华”（“化”应为同音的“华”；站点声明的名称）",
  ]);
});

test("wording_ignore suppresses a finding in its file only, and an unused one is reported", () => {
  const ignore =
    "\nwording_ignore:\n  - { text: 中华民共和国, reason: 引用原文中的错误 }\n  - { text: 不存在, reason: 过时 }";
  const site = createFixture(
    {
      "news/2026/quoted.md": at("原文写作“中华民共和国”。", { draft: false }).replace(
        "draft: false",
        ignore.trim(),
      ),
      "news/2026/other.md": at("中华民共和国"),
    },
    DECLARED,
  );
  assert.deepEqual(problemsIn(site, "news/2026/"), [
    "content/news/2026/other.md:8:1 错误 字段「正文」：“中华民共和国”应为“中华人民共和国”（依据：《中华人民共和国宪法》）",
    "content/news/2026/quoted.md 警告 字段「wording_ignore[1]」：忽略项“不存在”在本文件中没有对应的用语提示，可以删除",
  ]);
});

test("site allow list and typography levels", () => {
  const files = { "news/2026/a.md": at("温泉节开幕,游客众多") };
  const places = { ...DECLARED.wording!, places: ["温泉街"] };
  const raised = createFixture(files, { wording: { ...places, typography: "error" } });
  assert.deepEqual(problemsIn(raised, "news/2026/a.md"), [
    "content/news/2026/a.md:8:1 错误 字段「正文」：地名“温泉节”应为“温泉街”（“节”应为同音的“街”；站点声明的名称）",
    "content/news/2026/a.md:8:6 错误 字段「正文」：汉字之间的半角标点“,”应为全角“，”（GB/T 15834）",
  ]);
  const allowed = createFixture(files, { wording: { ...places, allow: ["温泉节"], typography: "off" } });
  assert.deepEqual(problemsIn(allowed, "news/2026/a.md"), []);
});

test("a misspelt declared leader's name fails the build with file:line:column", async () => {
  const site = createFixture({ "news/2026/a.md": at("第一段。\n\n会议由市长张建化主持。") }, DECLARED);
  await assert.rejects(site.build(), (err: Error) => {
    assert.ok(err instanceof ContentError);
    assert.match(
      err.message,
      /content\/news\/2026\/a\.md:10:6 错误 字段「正文」：领导姓名“张建化”应为“张建华”（“化”应为同音的“华”；站点声明的名称）/,
    );
    return true;
  });
  assert.ok(!site.exists("/news/2026/a/"));
});
