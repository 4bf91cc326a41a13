/**
 * The build knows every URL it writes (issue 12, defect 11; issue 13): the link check takes its
 * targets from the same enumeration that writes pages and files, two sources of one URL stop the
 * build naming both, and a file no source declared stops it too.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, news } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import type { BuildStep } from "../../src/build/steps.ts";
import type { PageSource } from "../../src/eleventy/page-source.ts";
import { DuplicateOutputError, SiteOutputs, type SiteOutput } from "../../src/eleventy/site-outputs.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { Fixture } from "../helpers/fixture.ts";

const report = `---\ntitle: 测试市2025年政府信息公开工作年度报告\n---\n## 一、总体情况\n\n正文。\n`;

/** One link to each kind of output: pages of every source, files of every step, passthrough copies. */
const TARGETS = [
  "/",
  "/news/city-news/",
  "/news/2025/b/",
  "/statistics/",
  "/statistics/2025/",
  "/statistics/2025/all/",
  "/annual-report/2025/",
  "/open-data/tallies.json",
  "/open-data/tallies-2025.csv",
  "/feeds/news.xml",
  "/feeds/news-city-news.xml",
  "/sitemap.xml",
  "/robots.txt",
  "/manifest.json",
  "/media/files/a.pdf",
  "/assets/site.css",
  "/404.html",
];

function linkingSite(extraLinks: string[] = []): Fixture {
  const links = [...TARGETS, ...extraLinks].map((url, i) => `[链接${i}](${url})`).join(" ");
  return createFixture(
    {
      "news/2026/a.md": news("链接各处", "2026-06-01 09:00").replace("正文。", links),
      "news/2025/b.md": news("去年的新闻", "2025-06-01 09:00"),
      "reports/2025.md": report,
      "media/files/a.pdf": "%PDF-1.4",
    },
    {
      statistics: [
        { title: "一、信息", rows: [{ key: "all", label: "全部信息", unit: "条", count: { all: true } }] },
      ],
    },
  );
}

const clock = (site: Fixture) => parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis();

const linkProblems = (site: Fixture) =>
  checkSite({ site: site.site, contentDir: site.contentDir, now: clock(site) })
    .problems.filter((p) => p.file.endsWith("news/2026/a.md") && p.field === "正文")
    .map(formatProblem);

test("a body may link to every kind of page and file the build writes, and each one is written", async () => {
  const site = linkingSite();
  assert.deepEqual(linkProblems(site), []);
  const { state } = await site.build();
  for (const url of TARGETS) assert.ok(site.exists(url), `${url} is written`);
  // The enumeration is exact: every named output exists (sitemap parts aside, none here).
  for (const output of state.outputs.all)
    if (!output.folder) assert.ok(site.exists(output.url), `${output.url} (${output.source}) is written`);
});

test("links to what the build does not write are still errors", () => {
  const site = linkingSite([
    "/statistics/2019/",
    "/annual-report/2024/",
    "/open-data/tallies-2019.csv",
    "/feeds/x.xml",
  ]);
  assert.deepEqual(
    linkProblems(site).map((p) => p.replace(/^.*无效：/, "")),
    [
      "页面 /statistics/2019/ 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）",
      "页面 /annual-report/2024/ 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）",
      "页面 /open-data/tallies-2019.csv 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）",
      "页面 /feeds/x.xml 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）",
    ],
  );
});

test("two sources writing one URL stop the build, naming both; the published folder stays as it was", async () => {
  const site = createFixture({ "news/2026/a.md": news("新闻", "2026-06-01 09:00") });
  await site.build();
  const before = site.read("/news/");
  const clash: PageSource = {
    name: "clash",
    create: () => ({ data: () => ({ permalink: "/news/" }), render: () => "clash" }),
  };
  const copy: BuildStep = { name: "copy", outputs: () => ["/open-data/tallies.json"], run: () => {} };
  const options = { site: site.site, contentDir: site.contentDir, outDir: site.outDir, now: clock(site) };
  await assert.rejects(
    buildSite({
      ...options,
      parts: { pages: [...defaultParts.pages, clash], steps: [...defaultParts.steps, copy] },
    }),
    (err: unknown) => {
      assert.ok(err instanceof DuplicateOutputError);
      assert.match(err.message, /网址 \/news\/ 同时由“clash”和“lists”生成/);
      assert.match(err.message, /网址 \/open-data\/tallies\.json 同时由“open data”和“copy”生成/);
      return true;
    },
  );
  assert.equal(site.read("/news/"), before);
});

test("a file that no page source or step declared stops the build", async () => {
  const site = createFixture({ "news/2026/a.md": news("新闻", "2026-06-01 09:00") });
  const sneaky: BuildStep = {
    name: "sneaky",
    outputs: () => [],
    run: (_state, outDir) => writeFileSync(path.join(outDir, "extra.txt"), "x"),
  };
  await assert.rejects(
    buildSite({
      site: site.site,
      contentDir: site.contentDir,
      outDir: site.outDir,
      now: clock(site),
      parts: { ...defaultParts, steps: [...defaultParts.steps, sneaky] },
    }),
    /without being declared .*extra\.txt/,
  );
  assert.equal(existsSync(site.outDir), false);
});

test("files inside a folder output are duplicates, folder by folder in file order, as by comparing each folder with each file", () => {
  const outputs: SiteOutput[] = [
    { url: "/search/a.json", source: "page" },
    { url: "/news/", source: "news" },
    { url: "/search/g/b.bin", source: "page" },
    { url: "/searching/", source: "page" },
    { url: "/search/", source: "search index", folder: true },
    { url: "/search/g/", source: "grams", folder: true },
    { url: "/search/", source: "again", folder: true },
  ];
  const naive: { url: string; sources: readonly [string, string] }[] = [];
  const files = outputs.filter((o) => !o.folder);
  for (const folder of outputs.filter((o) => o.folder))
    for (const file of files)
      if (file.url.startsWith(folder.url))
        naive.push({ url: file.url, sources: [folder.source, file.source] });
  assert.deepEqual(new SiteOutputs(outputs).duplicates, naive);
  assert.equal(naive.length, 5);
});
