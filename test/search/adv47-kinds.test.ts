/**
 * adv47's independent check (bench/search-eval/adv47-items.ts): Markdown and front-matter shapes of
 * every content type — footnotes, nested lists in quotes, tables with escaped pipes, entities, hard
 * breaks, autolinks, Ⅱ/ⅱ ① ㎡ m², full-width digits, 〇 dates — are indexed as Chromium shows them
 * and found where the rendered text holds them. Bold beside Chinese punctuation (`**问：**巡河`,
 * the sample portal's `**主持人：**各位网友`) showed its asterisks: the sentence as written found nothing.
 */
import { test } from "node:test";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ADV47_ITEMS } from "../../bench/search-eval/adv47-items.ts";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";

const FIXTURES = [
  "/news/2026/adv47-n/",
  "/news/2026/adv47-w/",
  "/policies/2025/adv47-p/",
  "/policies/2025/adv47-jd/",
  "/guides/adv47-g/",
  "/videos/2026/adv47-v/",
  "/letters/2026/adv47-l/",
  "/interviews/2026/adv47-i/",
  "/consultations/2026/adv47-c/",
  "/interviews/2026/employment-policy-interview/",
];
const site = useKindsSite("adv47", (contentDir) => {
  for (const [rel, text] of Object.entries(ADV47_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

const QUERIES = [
  // Bold closed by Chinese punctuation (markdown-it-cjk-friendly, render.ts).
  "主持人：各位网友",
  "问：巡河频次有何变化？",
  "重点“水十条”落实",
  "粗体。后文",
  "李·明：五年来",
  // The other shapes, in the other width or case.
  "II类水体",
  "２０２３年５月",
  "二零二三年五月",
  "12万m2",
  "15m2",
  "数据来源：市园林中心统计年报。",
  "化学需氧量(cod|高锰酸盐)",
  "第一行末尾两个空格换行 第二行紧接着",
  "sthj@baihualing.gov.cn",
  "白政发[2022]8号",
  "附件1:河长名单(2023年5月版).xlsx",
  "1:500地形图",
  "达到III类标准",
  "v章28条",
];

test("the search page finds what the rendered text holds", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);
