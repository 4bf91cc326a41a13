/**
 * A platform edited step by step (issue 19's checker, session 49): after each step the platform
 * built with its build cache equals one built without it, byte for byte, and the sites built as
 * CI jobs (`--site KEY` with the same caches, interleaved with whole builds) and merged equal it
 * too. The steps: a shared item edited, unshared from one site, a new share into two sites, a
 * site added to and removed from the platform config (and added again), a site's own config changed
 * (its name, its sub-path), a
 * shared taxonomy's department renamed while items name it (refused, the output untouched), and
 * everything put back (the first step's bytes again).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPlatformProject, PLATFORM_SITES } from "../helpers/platform-fixture.ts";
import { FIXTURE_SITE, news } from "../helpers/fixture.ts";
import { assertSameOutput, snapshot } from "../helpers/incremental-fixture.ts";
import {
  SHARED_TAXONOMIES,
  selectSites,
  validatePlatform,
  type Platform,
} from "../../src/platform/config.ts";
import { buildPlatform, buildSites, sharesOrThrow } from "../../src/platform/build.ts";
import { planShares } from "../../src/platform/shares.ts";
import { mergePlatform } from "../../src/platform/merge.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { ContentError } from "../../src/problems/problems.ts";

const NOW = parseLocalDate("2026-06-30 12:00", "Asia/Shanghai")!.toMillis();

/** The platform config as data; each change is written to a config file of its own (a module imports once per process). */
interface Config {
  name: string;
  baseUrl: string;
  shared: Record<string, unknown>;
  sites: { key: string; config: string; content: string }[];
}

test("a platform edited step by step: cached, clean, and jobs merged give the same bytes", async () => {
  const project = createPlatformProject();
  const { root } = project;
  const at = (...p: string[]) => path.join(root, ...p);
  const cacheDir = at(".gongkai-cache");
  let version = 0;
  let config: Config = JSON.parse(
    readFileSync(at("platform.config.ts"), "utf8")
      .replace(/^export default /, "")
      .replace(/;\s*$/, ""),
  ) as Config;
  const siteConfig = (key: string, overrides: object) => {
    const rel = `sites/${key}/site-${++version}.config.ts`;
    const own = Object.fromEntries(
      Object.entries({ ...FIXTURE_SITE, ...overrides }).filter(
        ([k]) => !(SHARED_TAXONOMIES as readonly string[]).includes(k),
      ),
    );
    project.write(rel, `export default ${JSON.stringify(own, null, 2)};\n`);
    return rel;
  };
  const platform = async (): Promise<Platform> => {
    const file = at(`platform-${++version}.config.ts`);
    writeFileSync(file, `export default ${JSON.stringify(config, null, 2)};\n`);
    return validatePlatform(config, file);
  };
  let current = await platform();

  const steps: string[] = [];
  /** A whole build with the cache, a clean one, compared; a job per site with the cache, merged, compared. */
  const check = async (what: string, jobs: "all" | "none" | string[] = "none") => {
    steps.push(what);
    const label = steps.map((s, i) => `${i}. ${s}`).join("\n");
    const shares = sharesOrThrow(current, planShares(current, cacheDir));
    const keys = jobs === "all" ? current.sites.map((s) => s.key) : jobs === "none" ? [] : jobs;
    // The jobs before or after the whole build, so their use of the sites' caches interleaves.
    const runJobs = async () => {
      for (const key of keys)
        await buildSites(current, selectSites(current, [key]), at("_parts"), NOW, shares, undefined, {
          dir: cacheDir,
        });
    };
    if (steps.length % 2) await runJobs();
    await buildPlatform(current, at("_site"), NOW, cacheDir);
    if (!(steps.length % 2)) await runJobs();
    rmSync(at("_clean"), { recursive: true, force: true });
    await buildPlatform(current, at("_clean"), NOW);
    assertSameOutput(at("_site"), at("_clean"), `${label}\n(whole build)`);
    if (!keys.length) return;
    // The merge links the parts' files (a removed site's part stays in _parts, unused).
    await mergePlatform(current, at("_parts"), at("_merged"));
    assertSameOutput(at("_merged"), at("_clean"), `${label}\n(jobs merged)`);
  };

  await check("fill", "all");
  const first = snapshot(at("_site"));
  const enrolment = "sites/edu/content/news/2026/enrolment.md";
  const original = readFileSync(at(enrolment), "utf8");
  const edit = (rel: string, change: (text: string) => string) =>
    project.write(rel, change(readFileSync(at(rel), "utf8")));

  // Only edu's job runs again after an edit of an item no other site shows (job-rerun.test.ts);
  // an edit of a shared item needs every site's job (CI runs them all).
  edit("sites/edu/content/news/2026/teachers.md", (t) => t.replace("正文。", "正文，补充一句。"));
  await check("an edu item no other site shows edited", ["edu"]);
  edit(enrolment, (t) => t.replace("现将招生工作通知如下", "现将2026年招生工作通知如下"));
  await check("the shared item's body edited", "all");
  edit(enrolment, (t) =>
    t.replace(
      "share: [{ site: portal, column: 通知公告 }, town]",
      "share: [{ site: portal, column: 通知公告 }]",
    ),
  );
  await check("the shared item unshared from town");
  edit("sites/edu/content/news/2026/teachers.md", (t) =>
    t.replace(
      "column: 教育动态",
      "column: 教育动态\nshare: [{ site: portal, column: 市级新闻 }, { site: town, column: 市级新闻 }]",
    ),
  );
  await check("another edu item shared into portal and town");
  edit(enrolment, (t) => t.replace("date: 2026-04-01 09:00", "date: 2025-12-30 09:00"));
  await check("the shared item's date moved into 2025");
  // The second shared item: a draft, published again, moved to another file, put into another column.
  const teachers = "sites/edu/content/news/2026/teachers.md";
  edit(teachers, (t) => t.replace("column: 教育动态", "column: 教育动态\ndraft: true"));
  await check("the second shared item made a draft");
  edit(teachers, (t) => t.replace("\ndraft: true", ""));
  await check("the second shared item published again");
  renameSync(at(teachers), at("sites/edu/content/news/2026/teachers-day.md"));
  await check("the second shared item's file renamed");
  edit("sites/edu/content/news/2026/teachers-day.md", (t) =>
    t.replace("{ site: town, column: 市级新闻 }", "{ site: town, column: 部门动态 }"),
  );
  renameSync(at("sites/edu/content/news/2026/teachers-day.md"), at(teachers));
  await check("its copy in town put into another column, its file named back", "all");
  // Shared into a column town does not have: refused against the home file, nothing published.
  const published = snapshot(at("_site"));
  edit(teachers, (t) => t.replace("{ site: town, column: 部门动态 }", "{ site: town, column: 教育动态 }"));
  await assert.rejects(buildPlatform(current, at("_site"), NOW, cacheDir), (err: unknown) => {
    assert.ok(err instanceof ContentError);
    assert.ok(err.problems.some((p) => p.file.endsWith("teachers.md") && /教育动态/.test(p.message)));
    return true;
  });
  assert.deepEqual(snapshot(at("_site")), published, "a refused build leaves the platform as published");
  edit(teachers, (t) => t.replace("{ site: town, column: 教育动态 }", "{ site: town, column: 市级新闻 }"));
  await check("the share's column fixed");

  // A site added: its own config and content, an item shared into it.
  project.write(
    "sites/dept/content/news/2026/market.md",
    news("市场监管局开展夏季食品安全检查", "2026-06-12 10:00"),
  );
  const DEPT = { name: "测试市市场监督管理局", siteIdCode: "1500000004", baseUrl: "https://www.test.gov.cn" };
  const deptConfig = siteConfig("dept", { ...DEPT, pathPrefix: "/scjg/" });
  config = {
    ...config,
    sites: [...config.sites, { key: "dept", config: deptConfig, content: "sites/dept/content" }],
  };
  edit(enrolment, (t) =>
    t.replace(
      "share: [{ site: portal, column: 通知公告 }]",
      "share: [{ site: portal, column: 通知公告 }, dept]",
    ),
  );
  current = await platform();
  await check("site dept added, the shared item shared into it too", "all");

  // A site's own config: its name (every page of it, the copies it shares show their home).
  const eduName = siteConfig("edu", { ...PLATFORM_SITES.edu, name: "测试市教育和体育局" });
  config = { ...config, sites: config.sites.map((s) => (s.key === "edu" ? { ...s, config: eduName } : s)) };
  current = await platform();
  await check("edu's site name changed");

  // A shared department renamed while items name it: refused, the published platform untouched.
  const before = snapshot(at("_site"));
  const shared = config.shared as { departments: { key: string; name: string }[] };
  const renamed: Config = {
    ...config,
    shared: {
      ...config.shared,
      departments: shared.departments.map((d) =>
        d.key === "office" ? { ...d, name: "市人民政府办公室" } : d,
      ),
    },
  };
  const saved = config;
  config = renamed;
  current = await platform();
  await assert.rejects(buildPlatform(current, at("_site"), NOW, cacheDir), (err: unknown) => {
    assert.ok(err instanceof ContentError);
    assert.match(err.problems.map((p) => `${p.file} ${p.message}`).join("\n"), /市政府办公室/);
    return true;
  });
  assert.deepEqual(snapshot(at("_site")), before, "a refused build leaves the platform as published");
  config = saved;
  current = await platform();
  await check("the department's rename put back");

  // A site removed (its shares named it: those entries removed first, or the plan refuses them).
  edit(enrolment, (t) => t.replace(", dept]", "]"));
  config = { ...config, sites: config.sites.filter((s) => s.key !== "dept") };
  current = await platform();
  await check("site dept removed");
  assert.ok(!readdirSync(at("_site")).includes("dept"));

  // The removed site's content edited while it is out, then the site added again: its cache
  // (sites/dept/, with the spare folder of the build before its removal) is two builds old.
  project.write(
    "sites/dept/content/news/2026/market.md",
    news("市场监管局开展夏季食品安全检查（续）", "2026-06-13 10:00"),
  );
  project.write(
    "sites/dept/content/news/2026/prices.md",
    news("市场监管局公布价格监测结果", "2026-06-14 10:00"),
  );
  config = {
    ...config,
    sites: [...config.sites, { key: "dept", config: deptConfig, content: "sites/dept/content" }],
  };
  current = await platform();
  await check("site dept added again, edited while it was out", "all");
  // A site moved to another sub-path (every URL of it, the platform's links to it).
  const deptMoved = siteConfig("dept", { ...DEPT, pathPrefix: "/market/" });
  config = {
    ...config,
    sites: config.sites.map((s) => (s.key === "dept" ? { ...s, config: deptMoved } : s)),
  };
  current = await platform();
  await check("site dept moved to another sub-path");
  config = { ...config, sites: config.sites.filter((s) => s.key !== "dept") };
  current = await platform();

  // Everything put back: the first build's bytes.
  project.write(enrolment, original);
  edit("sites/edu/content/news/2026/teachers.md", (t) =>
    t.replace(/\nshare: .*$/m, "").replace("正文，补充一句。", "正文。"),
  );
  config = {
    ...config,
    sites: config.sites.map((s) => (s.key === "edu" ? { ...s, config: "sites/edu/site.config.ts" } : s)),
  };
  current = await platform();
  await check("everything put back", "all");
  assert.deepEqual(snapshot(at("_site")), first, "back to the first build's bytes");
});
