/**
 * A platform project in a temp folder: platform.config.ts, three sites (portal, edu, town) with
 * their own configs and content folders, shared taxonomies, items shared between them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_SITE, md, news } from "./fixture.ts";
import type { SiteInput } from "../../src/config/schema.ts";
import { SHARED_TAXONOMIES } from "../../src/platform/config.ts";

export const PLATFORM_SITES: Record<string, Partial<SiteInput>> = {
  portal: { name: "测试市人民政府", siteIdCode: "1500000001", baseUrl: "https://www.test.gov.cn" },
  edu: {
    name: "测试市教育局",
    siteIdCode: "1500000002",
    baseUrl: "https://www.test.gov.cn",
    pathPrefix: "/edu/",
    columns: [
      { key: "edu-news", name: "教育动态" },
      { key: "edu-notices", name: "通知公告", kind: "通知公告" },
    ],
  },
  town: { name: "测试市青松镇人民政府", siteIdCode: "1500000003", baseUrl: "https://qingsong.test.gov.cn" },
};

/** Every site counts its items alike, so the platform statistics add the row up. */
const STATISTICS: SiteInput["statistics"] = [
  {
    title: "一、主动公开数量",
    rows: [{ key: "website", label: "通过政府网站公开数", unit: "条", count: { all: true } }],
  },
];

const own = (overrides: Partial<SiteInput>) =>
  Object.fromEntries(
    Object.entries({ ...FIXTURE_SITE, statistics: STATISTICS, ...overrides }).filter(
      ([k]) => !(SHARED_TAXONOMIES as readonly string[]).includes(k),
    ),
  );

/** Content of the three sites: files by "<site>/<path under content>". */
export const PLATFORM_CONTENT: Record<string, string> = {
  "portal/news/2026/spring.md": news("春季植树活动启动", "2026-03-12 09:00"),
  "portal/news/2026/school-link.md": news("市教育局发布招生政策", "2026-04-02 10:00", {}).replace(
    "正文。",
    "详见[教育局通知](https://www.test.gov.cn/edu/news/2026/enrolment/)。",
  ),
  "edu/news/2026/enrolment.md": md(
    {
      title: "2026年义务教育招生工作通知",
      date: "2026-04-01 09:00",
      column: "通知公告",
      source: "市政府办公室",
      department: "市政府办公室",
      share: "[{ site: portal, column: 通知公告 }, town]",
    },
    "各学校：现将招生工作通知如下。",
  ),
  "edu/news/2026/teachers.md": md({
    title: "教师节表彰大会召开",
    date: "2026-05-10 15:00",
    column: "教育动态",
    source: "市政府办公室",
    department: "市政府办公室",
  }),
  "town/news/2026/harvest.md": news("青松镇秋收工作部署会召开", "2026-06-01 08:30", { column: "部门动态" }),
};

export interface PlatformProject {
  root: string;
  config: string;
  write(rel: string, text: string): void;
}

export function createPlatformProject(
  content: Record<string, string> = PLATFORM_CONTENT,
  sites: Record<string, Partial<SiteInput>> = PLATFORM_SITES,
): PlatformProject {
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-platform-"));
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const shared = Object.fromEntries(SHARED_TAXONOMIES.map((k) => [k, FIXTURE_SITE[k]]));
  const config = {
    name: "测试市政府网站集约化平台",
    baseUrl: "https://www.test.gov.cn/platform/",
    shared,
    sites: Object.keys(sites).map((key) => ({
      key,
      config: `sites/${key}/site.config.ts`,
      content: `sites/${key}/content`,
    })),
  };
  write("platform.config.ts", `export default ${JSON.stringify(config, null, 2)};\n`);
  for (const [key, overrides] of Object.entries(sites)) {
    write(`sites/${key}/site.config.ts`, `export default ${JSON.stringify(own(overrides), null, 2)};\n`);
    mkdirSync(path.join(root, "sites", key, "content"), { recursive: true });
  }
  for (const [rel, text] of Object.entries(content)) {
    const [key, ...rest] = rel.split("/");
    write(`sites/${key}/content/${rest.join("/")}`, text);
  }
  return { root, config: path.join(root, "platform.config.ts"), write };
}
