/**
 * A platform of three sites built once in-process: each site in its own folder with its own
 * identity, an item shared from edu to the portal and the town as copies naming edu's page as
 * canonical, the platform statistics adding up the sites' tallies with links into each site, the
 * platform search over every site's own index, and the check across sites.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createPlatformProject, PLATFORM_CONTENT } from "../helpers/platform-fixture.ts";
import { loadPlatform, validatePlatform, type PlatformInput } from "../../src/platform/config.ts";
import { importConfigModule } from "../../src/config/import-config.ts";
import { buildPlatform } from "../../src/platform/build.ts";
import { checkPlatform } from "../../src/platform/check.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { ContentError } from "../../src/problems/problems.ts";
import { news } from "../helpers/fixture.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { contentVersion } from "../../src/view/asset-version.ts";

const NOW = parseLocalDate("2026-06-30 12:00", "Asia/Shanghai")!.toMillis();
const project = createPlatformProject();
const out = path.join(project.root, "_site");
const read = (rel: string) => readFileSync(path.join(out, rel), "utf8");
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];

before(async () => {
  await buildPlatform(await loadPlatform(project.config), out, NOW);
});

test("every site is built into its own folder with its own identity and address", () => {
  assert.match(read("portal/index.html"), /<meta name="SiteIDCode" content="1500000001">/);
  assert.match(read("edu/index.html"), /<meta name="SiteIDCode" content="1500000002">/);
  assert.match(read("town/index.html"), /<meta name="SiteIDCode" content="1500000003">/);
  // edu lives under a path prefix: its links carry it.
  assert.match(read("edu/index.html"), /href="\/edu\/news\/2026\/teachers\/"/);
  assert.equal(
    canonicalOf(read("town/news/2026/harvest/index.html")),
    "https://qingsong.test.gov.cn/news/2026/harvest/",
  );
});

test("a shared item is published on every site it names, from one file, with one canonical URL", () => {
  const home = "https://www.test.gov.cn/edu/news/2026/enrolment/";
  assert.equal(canonicalOf(read("edu/news/2026/enrolment/index.html")), home);
  for (const copy of [
    "portal/news/edu/2026/enrolment/index.html",
    "town/news/edu/2026/enrolment/index.html",
  ]) {
    const html = read(copy);
    assert.equal(canonicalOf(html), home, copy);
    assert.match(html, /2026年义务教育招生工作通知/);
    assert.match(html, /<meta name="SiteName" content="测试市/);
  }
  // On the portal it lands in the column its share: entry names, and is listed there.
  assert.match(read("portal/news/notices/index.html"), /href="\/news\/edu\/2026\/enrolment\/"/);
  // edu does not list its own item twice.
  assert.ok(!existsSync(path.join(out, "edu/news/edu")));
});

test("platform statistics add up the sites' tallies, with links into each site's audit pages", () => {
  const html = read("platform/statistics/index.html");
  const totals = [...html.matchAll(/<tfoot><tr><td>站群合计<\/td>(.*?)<\/tr><\/tfoot>/g)].map((m) => m[1]);
  // portal 2 own + 1 shared, edu 2, town 1 own + 1 shared: every site counts what it publishes.
  assert.match(totals[0], /<td>7<\/td>$/);
  const data = JSON.parse(read("platform/open-data/tallies.json"));
  assert.equal(data.total.all, 7);
  assert.deepEqual(data.years[0].bySite, { portal: 3, edu: 2, town: 2 });
  const row =
    /<tr><td>一、主动公开数量 · 通过政府网站公开数（条）<\/td><td>(\d+)<\/td><td>(.*?)<\/td><\/tr>/.exec(
      html,
    );
  assert.ok(row, "the statistics row every site computes");
  assert.equal(row[1], "7");
  const audits = [...row[2].matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(audits, [
    "https://www.test.gov.cn/statistics/2026/website/",
    "https://www.test.gov.cn/edu/statistics/2026/website/",
    "https://qingsong.test.gov.cn/statistics/2026/website/",
  ]);
  // Each audit link names a page its site wrote, listing exactly what it counted.
  assert.match(read("edu/statistics/2026/website/index.html"), /教师节表彰大会召开/);
  assert.match(read("town/statistics/2026/website/index.html"), /2026年义务教育招生工作通知/);
});

test("the platform search holds every site's own index, and the manifest lists everything", () => {
  const sites = JSON.parse(read("platform/pagefind/sites.json"));
  assert.deepEqual(
    sites.map((s: { key: string }) => s.key),
    ["portal", "edu", "town"],
  );
  for (const { key, pages } of sites) {
    const own = read(`${key}/pagefind/index.json`);
    assert.equal(read(`platform/pagefind/${key}/index.json`), own, key);
    assert.equal(pages, JSON.parse(own).pages, key);
  }
  const manifest = read("manifest.json");
  for (const file of [
    "portal/index.html",
    "edu/manifest.json",
    "platform/search/index.html",
    "platform/statistics/index.html",
  ])
    assert.ok(manifest.includes(`"path":"${file}"`), file);
});

test("the platform search page names its script and Worker by their bytes, each one file", () => {
  const src = /<script type="module" src="\.\.\/assets\/(v\/platform-search\.([0-9a-f]{12})\.js)"/.exec(
    read("platform/search/index.html"),
  );
  assert.ok(src, "a versioned script");
  const script = readFileSync(path.join(out, "platform/assets", src[1]));
  assert.equal(contentVersion(script), src[2]);
  // One file: it imports nothing, and starts the Worker by the Worker's own versioned name.
  assert.doesNotMatch(script.toString(), /^import\b/m);
  const worker = /self\.gongkaiSearchWorker = "(search-worker\.([0-9a-f]{12})\.js)"/.exec(script.toString());
  assert.ok(worker, "the Worker's name");
  assert.equal(contentVersion(readFileSync(path.join(out, "platform/assets/v", worker[1]))), worker[2]);
});

test(
  "the platform search finds pages of every site, and the 站点 filter narrows it to one",
  { skip: noBrowser },
  async () => {
    const server: StaticServer = await serveStatic(out);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const results = async (query: string) => {
        await page.goto(`${server.url}platform/search/?${query}`);
        await page.waitForSelector("#search-app[data-state=done]");
        return page.$$eval("#search-results li", (lis) =>
          lis.map((li) => ({ site: (li as HTMLElement).dataset.site, href: li.querySelector("a")!.href })),
        );
      };
      const titles = () => page.$$eval("#search-results li a", (as) => as.map((a) => a.textContent ?? ""));
      const all = await results("q=招生工作");
      assert.deepEqual(all.map((r) => r.site).sort(), ["edu", "portal", "town"]);
      assert.ok(
        all.some((r) => r.href === "https://www.test.gov.cn/edu/news/2026/enrolment/"),
        JSON.stringify(all),
      );
      assert.ok(
        all.some((r) => r.href === "https://qingsong.test.gov.cn/news/edu/2026/enrolment/"),
        JSON.stringify(all),
      );
      const edu = await results("q=招生工作&site=edu");
      assert.deepEqual(edu, [{ site: "edu", href: "https://www.test.gov.cn/edu/news/2026/enrolment/" }]);
      assert.deepEqual(
        (await results("q=秋收")).map((r) => r.site),
        ["town"],
      );
      assert.deepEqual(await results("q=秋收&site=portal"), []);
      // Merged across sites: title matches first (the older 招生工作通知 copies of three sites),
      // then the newer portal item that only links to it in its body.
      const merged = await results("q=通知");
      const shown = await titles();
      assert.ok(merged.length >= 4, JSON.stringify(merged));
      const inTitle = shown.map((t) => t.includes("通知"));
      assert.ok(inTitle.includes(false), JSON.stringify(shown));
      assert.ok(inTitle.lastIndexOf(true) < inTitle.indexOf(false), JSON.stringify(shown));
      assert.deepEqual(
        merged.filter((_, i) => inTitle[i]).map((r) => r.site),
        ["portal", "edu", "town"],
        "equal dates: in the sites' order",
      );
      // The 站点 options count each site's results: edu's notice and its 政府网站工作年度报表, whose
      // lead cites 《国务院办公厅关于做好政府网站年度报表发布工作的通知》.
      assert.match((await page.textContent('#search-site option[value="edu"]')) ?? "", /（2）$/);
      // A platform index that cannot be opened is said, not left as a form that does nothing.
      const broken = await browser.newPage();
      await broken.route("**/sites.json", (route) => route.abort("connectionfailed"));
      await broken.goto(`${server.url}platform/search/?q=招生工作`);
      await broken.waitForSelector("#search-app[data-state=error]", { timeout: 10_000 });
      assert.equal(await broken.textContent("#search-status"), "搜索暂时不可用，请稍后再试。");
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

test("check names the file, line and field of a bad share, a broken cross-site link and a shared item that does not fit", async () => {
  const bad = createPlatformProject({
    ...PLATFORM_CONTENT,
    "portal/news/2026/school-link.md": news("市教育局发布招生政策", "2026-04-02 10:00").replace(
      "正文。",
      "第一段。\n\n详见[教育局通知](https://www.test.gov.cn/edu/news/2026/missing/)。",
    ),
    "town/news/2026/shared.md": news("青松镇通知", "2026-06-02 08:30", { column: "部门动态" }).replace(
      "---\n正文",
      "share: [portal, county, { site: edu }]\n---\n正文",
    ),
  });
  const { problems } = checkPlatform(await loadPlatform(bad.config), NOW);
  const errors = problems.filter((p) => p.severity === "error");
  const find = (text: string) => errors.find((p) => p.message.includes(text));
  const unknown = find("站群中没有站点“county”");
  assert.equal(
    unknown?.file,
    path.relative(process.cwd(), path.join(bad.root, "sites/town/content/news/2026/shared.md")),
  );
  assert.equal(unknown?.field, "share[1]");
  assert.equal(unknown?.line, 7);
  const link = find("https://www.test.gov.cn/edu/news/2026/missing/");
  assert.match(link!.message, /测试市教育局/);
  assert.equal(link?.line, 10);
  assert.ok(link?.file.endsWith("sites/portal/content/news/2026/school-link.md"));
  // edu has no column 部门动态: the copy fails there, reported against the town's file.
  const column = errors.find(
    (p) => p.file.endsWith("sites/town/content/news/2026/shared.md") && p.field?.startsWith("column"),
  );
  assert.ok(column, JSON.stringify(errors, null, 1));
  // The working link of the good fixture is not reported.
  assert.equal(errors.length, 3, JSON.stringify(errors, null, 1));
});

test("the platform config: shared taxonomies only there, 标识码 and addresses unique, keys safe as folder names", async () => {
  const p = createPlatformProject();
  // As the platform's loader imports it (plain Node under `npm test`, tsx under `--import tsx`).
  const input = (await importConfigModule(p.config)) as PlatformInput;
  p.write(
    "sites/edu/site.config.ts",
    readFileSync(path.join(p.root, "sites/edu/site.config.ts"), "utf8").replace(
      "export default {",
      'export default {\n  "departments": [{ "key": "x", "name": "某局" }],',
    ),
  );
  p.write(
    "sites/town/site.config.ts",
    readFileSync(path.join(p.root, "sites/town/site.config.ts"), "utf8").replace("1500000003", "1500000001"),
  );
  await assert.rejects(
    validatePlatform(
      { ...input, sites: [...input.sites, { key: "../x", config: "a.ts", content: "b" }] },
      p.config,
    ),
    (err: ContentError) => err.problems.some((q) => q.field === "sites[3].key"),
  );
  await assert.rejects(validatePlatform(input, p.config), (err: ContentError) => {
    const messages = err.problems.map((q) => `${q.file} ${q.field} ${q.message}`).join("\n");
    assert.match(messages, /sites\/edu\/site\.config\.ts departments 由站群统一声明/);
    assert.match(messages, /政府网站标识码 1500000001 重复，与站点“portal”相同/);
    return true;
  });
});
