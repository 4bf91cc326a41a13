/**
 * Fixture sites for tests: a small site config, content files written into a temp folder, a real
 * build, and helpers to read what it produced.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateSite } from "../../src/config/load.ts";
import type { Site, SiteInput } from "../../src/config/schema.ts";
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { AnyTypeSpec } from "../../src/content-types/spec.ts";

export const FIXTURE_SITE: SiteInput = {
  name: "测试市人民政府",
  sponsor: "测试市人民政府办公室",
  maintainer: "测试市大数据中心",
  address: "测试市人民路1号",
  postcode: "100000",
  email: "admin@test.gov.cn",
  hotline: "12345",
  siteIdCode: "1500000001",
  icp: "蒙ICP备0000001号",
  publicSecurityRecord: "蒙公网安备 15000000000001号",
  baseUrl: "https://www.test.gov.cn",
  columns: [
    { key: "city-news", name: "市级新闻" },
    { key: "dept-news", name: "部门动态" },
    { key: "reprints", name: "转载" },
    { key: "press", name: "发布会" },
    { key: "notices", name: "通知公告", kind: "通知公告" },
  ],
  departments: [
    { key: "gov", name: "测试市人民政府" },
    { key: "office", name: "市政府办公室" },
    { key: "market", name: "市市场监督管理局" },
  ],
  topics: [
    { key: "ecology", name: "生态文明", group: "专题" },
    { key: "housing", name: "保障性住房", group: "重大民生" },
    { key: "food-safety", name: "食品安全", group: "重大民生" },
    { key: "environment", name: "环境保护", group: "重大民生" },
    { key: "land", name: "征地拆迁", group: "热点" },
    { key: "accidents", name: "安全事故", group: "热点" },
    { key: "prices", name: "价格收费", group: "热点" },
    { key: "farm-subsidies", name: "惠农惠牧", group: "热点" },
  ],
  categories: [
    { key: "general", name: "综合政务" },
    { key: "civil", name: "民政、扶贫、救灾" },
  ],
  guideTypes: [
    { key: "permit", name: "行政许可" },
    { key: "non-permit", name: "非许可" },
    { key: "service", name: "服务" },
  ],
  videoKinds: [
    { key: "news", name: "视频新闻" },
    { key: "promo", name: "宣传片" },
  ],
  periodicals: [{ key: "xun", name: "测试讯" }],
  indexNoPattern: "^[0-9A-Z]{9,18}/\\d{4}-\\d{5}$",
  interaction: {
    channels: [
      { label: "市长信箱", url: "https://12345.test.gov.cn/mayor" },
      { label: "咨询投诉", url: "mailto:12345@test.gov.cn" },
    ],
  },
};

/** Front matter + body as a Markdown file. Values are written as given (YAML text). */
export function md(
  fields: Record<string, string | number | boolean | string[] | undefined>,
  body = "正文。",
): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

export const news = (
  title: string,
  date: string,
  extra: Record<string, string | string[] | boolean | undefined> = {},
) => md({ title, date, column: "市级新闻", source: "市政府办公室", department: "市政府办公室", ...extra });

export interface Fixture {
  root: string;
  contentDir: string;
  outDir: string;
  site: Site;
  write(rel: string, text: string | Buffer): void;
  /** `types`: the content types to build with (default: src/content-types/index.ts). */
  build(options?: {
    now?: string;
    includeDrafts?: boolean;
    types?: readonly AnyTypeSpec[];
  }): Promise<BuildResult>;
  /** Text of an output file, by site URL ("/news/" → _site/news/index.html) or path. */
  read(urlOrPath: string): string;
  exists(urlOrPath: string): boolean;
  /** Every output file path, relative to the output folder. */
  files(): string[];
}

export function createFixture(
  files: Record<string, string | Buffer> = {},
  siteOverrides: Partial<SiteInput> = {},
): Fixture {
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-"));
  const contentDir = path.join(root, "content");
  const outDir = path.join(root, "_site");
  const site = validateSite({ ...FIXTURE_SITE, ...siteOverrides });
  const outPath = (urlOrPath: string) => {
    const rel = urlOrPath.replace(/^\//, "");
    return path.join(outDir, rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel);
  };
  const fixture: Fixture = {
    root,
    contentDir,
    outDir,
    site,
    write(rel, text) {
      const file = path.join(contentDir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    build(options = {}) {
      const now = parseLocalDate(options.now ?? "2026-06-30 12:00", site.timeZone)!.toMillis();
      return buildSite({
        site,
        contentDir,
        outDir,
        now,
        includeDrafts: options.includeDrafts,
        types: options.types,
      });
    },
    read: (urlOrPath) => readFileSync(outPath(urlOrPath), "utf8"),
    exists: (urlOrPath) => existsSync(outPath(urlOrPath)),
    files: () =>
      readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
        .sort(),
  };
  mkdirSync(contentDir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) fixture.write(rel, text);
  return fixture;
}

/** Visible text of an HTML fragment, tags dropped and whitespace folded (for assertions). */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<\/?(?:a|span|time|strong|em|code|abbr)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** All href/src values in an HTML string. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
}
