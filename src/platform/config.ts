/**
 * A platform (集约化平台): several sites built from one repository (`platform.config.ts`). Each
 * site keeps its own site config (identity, theme, columns) and content folder; the taxonomies
 * every site must agree on (departments, topics, categories …) are declared once here and given
 * to every site, so an item one site shares validates on the others.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { validateSite } from "../config/load.ts";
import { importConfigModule } from "../config/import-config.ts";
import type { Site, SiteInput } from "../config/schema.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import { chineseError } from "../problems/zod-messages.ts";
import { formatPath } from "../problems/schema-walk.ts";

/** The lists a platform declares for all its sites. */
export const SHARED_TAXONOMIES = ["departments", "topics", "categories", "guideTypes", "videoKinds"] as const;
export type SharedTaxonomy = (typeof SHARED_TAXONOMIES)[number];

const siteKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "应为小写英文字母、数字和连字符组成的键（用作输出目录名）" })
  .refine((k) => k !== "platform", { error: "“platform”留给站群的搜索和统计页面" });

const platformSchema = z.strictObject({
  /** 平台名称, shown on the platform search and statistics pages: 白桦岭市政府网站集约化平台. */
  name: z.string().min(1),
  /** Where the platform pages (search across sites, statistics) are served: https://www.example.gov.cn/platform/. */
  baseUrl: z.url({ protocol: /^https?$/, error: "应为以 http:// 或 https:// 开头的网址" }),
  /** Taxonomies every site uses (a site config must not declare them itself). */
  shared: z.strictObject({
    departments: z.array(z.unknown()).optional(),
    topics: z.array(z.unknown()).optional(),
    categories: z.array(z.unknown()).optional(),
    guideTypes: z.array(z.unknown()).optional(),
    videoKinds: z.array(z.unknown()).optional(),
  }),
  sites: z
    .array(
      z.strictObject({
        /** Output folder name and the key `share:` and `--site` name: portal, edu, qingsong. */
        key: siteKey,
        /** The site's own config file (relative to platform.config.ts). */
        config: z.string().min(1),
        /** The site's content folder (relative to platform.config.ts). */
        content: z.string().min(1),
      }),
    )
    .min(1),
});

export type PlatformInput = z.input<typeof platformSchema>;

/** Typed helper for `platform.config.ts`: `export default definePlatform({ … })`. */
export function definePlatform(input: PlatformInput): PlatformInput {
  return input;
}

export interface PlatformSite {
  key: string;
  site: Site;
  /** Absolute paths. */
  configPath: string;
  contentDir: string;
}

export interface Platform {
  name: string;
  baseUrl: string;
  /** platform.config.ts (absolute). */
  configPath: string;
  sites: PlatformSite[];
}

const display = (abs: string) => path.relative(process.cwd(), abs).split(path.sep).join("/") || abs;

async function importDefault(abs: string, what: string): Promise<unknown> {
  try {
    return await importConfigModule(abs);
  } catch (err) {
    throw new ContentError([
      { severity: "error", file: display(abs), message: `无法读取${what}：${(err as Error).message}` },
    ]);
  }
}

/** Problems across sites: the same 标识码, address or content folder twice. */
function crossSiteProblems(sites: PlatformSite[], file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const once = (kind: string, value: string, key: string, field: string, message: string) => {
    const other = seen.get(`${kind}\0${value}`);
    if (other !== undefined)
      problems.push({ severity: "error", file, field, message: `${message}，与站点“${other}”相同` });
    else seen.set(`${kind}\0${value}`, key);
  };
  sites.forEach((s, i) => {
    once("key", s.key, s.key, `sites[${i}].key`, `站点键“${s.key}”重复`);
    once("id", s.site.siteIdCode, s.key, `sites[${i}]`, `政府网站标识码 ${s.site.siteIdCode} 重复`);
    once(
      "url",
      s.site.baseUrl + s.site.pathPrefix,
      s.key,
      `sites[${i}]`,
      `网址 ${s.site.baseUrl}${s.site.pathPrefix} 重复`,
    );
    for (const t of sites.slice(0, i))
      if (isWithinDir(t.contentDir, s.contentDir) || isWithinDir(s.contentDir, t.contentDir))
        problems.push({
          severity: "error",
          file,
          field: `sites[${i}].content`,
          message: `内容目录 ${display(s.contentDir)} 与站点“${t.key}”的 ${display(t.contentDir)} 重叠；每个站点要有自己的内容目录`,
        });
  });
  return problems;
}

function isWithinDir(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Validates a platform given as an object (tests) or read from `file`. */
export async function validatePlatform(input: unknown, configPath: string): Promise<Platform> {
  const file = display(configPath);
  const parsed = platformSchema.safeParse(input, { error: chineseError, reportInput: true });
  if (!parsed.success)
    throw new ContentError(
      parsed.error.issues.map((issue) => ({
        severity: "error",
        file,
        field: formatPath(issue.path),
        message: issue.message,
      })),
    );
  const { data } = parsed;
  const base = path.dirname(configPath);
  const problems: Problem[] = [];
  const sites: PlatformSite[] = [];
  for (const [i, entry] of data.sites.entries()) {
    const siteConfig = path.resolve(base, entry.config);
    const contentDir = path.resolve(base, entry.content);
    if (!existsSync(contentDir)) {
      problems.push({
        severity: "error",
        file,
        field: `sites[${i}].content`,
        message: `内容目录 ${display(contentDir)} 不存在`,
      });
      continue;
    }
    const own = (await importDefault(siteConfig, `站点“${entry.key}”的配置`)) as Partial<SiteInput>;
    const declared = SHARED_TAXONOMIES.filter((t) => data.shared[t] !== undefined && own?.[t] !== undefined);
    if (declared.length) {
      problems.push(
        ...declared.map((t): Problem => ({
          severity: "error",
          file: display(siteConfig),
          field: t,
          message: `由站群统一声明（${file} 的 shared.${t}），站点配置中不能再写；请删除这一项`,
        })),
      );
      continue;
    }
    const shared = Object.fromEntries(
      SHARED_TAXONOMIES.filter((t) => data.shared[t]).map((t) => [t, data.shared[t]]),
    );
    try {
      const site = validateSite({ ...own, ...shared }, display(siteConfig));
      sites.push({ key: entry.key, site, configPath: siteConfig, contentDir });
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      problems.push(...err.problems);
    }
  }
  problems.push(...crossSiteProblems(sites, file));
  if (problems.length) throw new ContentError(problems);
  return { name: data.name, baseUrl: data.baseUrl.replace(/\/*$/, "/"), configPath, sites };
}

export async function loadPlatform(configPath: string): Promise<Platform> {
  const abs = path.resolve(configPath);
  return validatePlatform(await importDefault(abs, "站群配置"), abs);
}

/** The sites named on the command line (`--site a --site b`), in platform order; all when none. */
export function selectSites(platform: Platform, keys: readonly string[]): PlatformSite[] {
  const unknown = keys.filter((k) => !platform.sites.some((s) => s.key === k));
  if (unknown.length)
    throw new ContentError([
      {
        severity: "error",
        file: "--site",
        message: `站群中没有站点“${unknown.join("”“")}”；可选：${platform.sites.map((s) => s.key).join("、")}`,
      },
    ]);
  return keys.length ? platform.sites.filter((s) => keys.includes(s.key)) : platform.sites;
}
