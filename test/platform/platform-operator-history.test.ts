/**
 * What an operator does around a platform's build caches (session 49), each followed by a cached
 * platform build compared byte for byte with a clean one: a build without the cache into the
 * published platform, a cached build into another folder first, `--site` jobs into a parts folder
 * that is then removed, the published platform removed, one site's cache removed, and the share
 * plan's cache removed before a new share.
 */
import { test } from "node:test";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { news } from "../helpers/fixture.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";
import { loadPlatform, selectSites } from "../../src/platform/config.ts";
import { buildPlatform, buildSites, sharesOrThrow } from "../../src/platform/build.ts";
import { planShares } from "../../src/platform/shares.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

const NOW = parseLocalDate("2026-06-30 12:00", "Asia/Shanghai")!.toMillis();

test("a platform's cached builds equal clean ones around an operator's other builds and removals", async () => {
  const project = createPlatformProject();
  const at = (...p: string[]) => path.join(project.root, ...p);
  const cacheDir = at(".gongkai-cache");
  const platform = await loadPlatform(project.config);
  const edit = (rel: string, change: (text: string) => string) =>
    project.write(rel, change(readFileSync(at(rel), "utf8")));
  const compare = async (what: string) => {
    rmSync(at("_clean"), { recursive: true, force: true });
    await buildPlatform(platform, at("_clean"), NOW);
    assertSameOutput(at("_site"), at("_clean"), what);
  };
  const enrolment = "sites/edu/content/news/2026/enrolment.md";
  const job = async (key: string) =>
    buildSites(
      platform,
      selectSites(platform, [key]),
      at("_parts"),
      NOW,
      sharesOrThrow(platform, planShares(platform, cacheDir)),
      undefined,
      { dir: cacheDir },
    );

  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await buildPlatform(platform, at("_site"), NOW);
  edit(enrolment, (t) => t.replace("现将", "现将（一）"));
  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await compare("after a build without the cache into the published platform");

  edit(enrolment, (t) => t.replace("（一）", "（二）"));
  await buildPlatform(platform, at("_other"), NOW, cacheDir);
  edit("sites/town/content/news/2026/harvest.md", (t) => t.replace("正文。", "正文二。"));
  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await compare("after a cached build into another folder");

  await job("edu");
  edit(enrolment, (t) => t.replace("（二）", "（三）"));
  project.write(
    "sites/edu/content/news/2026/new.md",
    news("教育局新学期工作部署", "2026-06-20 09:00", { column: "教育动态" }),
  );
  await job("edu");
  rmSync(at("_parts"), { recursive: true, force: true });
  edit("sites/edu/content/news/2026/new.md", (t) => t.replace("正文。", "正文三。"));
  await job("edu");
  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await compare("after jobs, one into a removed parts folder");

  rmSync(at("_site"), { recursive: true, force: true });
  edit("sites/portal/content/news/2026/spring.md", (t) => t.replace("正文。", "正文四。"));
  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await compare("after the published platform was removed");

  rmSync(path.join(cacheDir, "sites", "town"), { recursive: true, force: true });
  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await compare("after town's cache was removed");

  rmSync(path.join(cacheDir, "shares.v1"), { force: true });
  edit("sites/edu/content/news/2026/new.md", (t) =>
    t.replace("column: 教育动态", "column: 教育动态\nshare: [{ site: town, column: 市级新闻 }]"),
  );
  await buildPlatform(platform, at("_site"), NOW, cacheDir);
  await compare("after the share plan's cache was removed, with a new share");
});
