/**
 * The platform side of `npm run build` and `npm run check` (given `--platform`), and
 * `npm run plan` and `npm run merge` (docs/platform.md):
 *   build --platform platform.config.ts [--out _site]            every site and the platform pages
 *         (both: [--cache .gongkai-cache/platform | --no-cache], each site's build cache in <cache>/sites/<key>/)
 *   build --platform … --site edu[,portal] [--shares F] [--out _parts]  those sites only, into <out>/<key>/ (a CI job)
 *   check --platform … [--site edu]                               the whole platform, cross-site links included
 *   plan  --platform … --jobs N [--shares F]                      the GitHub Actions matrix, as JSON (and the share list)
 *   merge --platform … --parts _parts [--out _site]               the jobs' sites, platform pages, manifest
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseCommandLine, UsageError } from "./arguments.ts";
import { parseLocalDate } from "../content/fields.ts";
import { ContentError, summarize } from "../problems/problems.ts";
import { loadPlatform, selectSites, type Platform } from "../platform/config.ts";
import {
  buildPlatform,
  buildSites,
  guardOutput,
  PLATFORM_CACHE_DIR,
  sharesOrThrow,
  type SiteBuilt,
} from "../platform/build.ts";
import { checkPlatform } from "../platform/check.ts";
import { mergePlatform } from "../platform/merge.ts";
import { planJobs, siteWeights } from "../platform/plan.ts";
import { planShares } from "../platform/shares.ts";
import { shareListText, sharesFromList } from "../platform/share-list.ts";
import { gitlabPipeline } from "../platform/plan-gitlab.ts";
import { printProblems } from "./report.ts";
import { placeProblems } from "../problems/placed.ts";

export type PlatformCommand = "build" | "check" | "plan" | "merge";

const USAGE: Record<PlatformCommand, string> = {
  build: `用法：npm run build -- --platform <站群配置> [--site <键>[,<键>…] [--shares <共享清单>]] [--out <目录>] [--now "<时间>"] [--cache <目录> | --no-cache]
不带 --site：生成站群的全部站点和站群页面（搜索、统计）到 --out（默认 _site），全部成功后才替换。
带 --site：只生成这些站点，各自写入 <out>/<键>/（默认 _parts），供 npm run merge 合并。
--cache：构建缓存目录（默认 .gongkai-cache/platform，每个站点在其中的 sites/<键>/），未改变的页面和搜索分片取自缓存；--no-cache 不用缓存。
带 --shares：共享到这些站点的信息取自 npm run plan -- --shares 写出的清单，不再读其他站点的全部内容文件。`,
  check: `用法：npm run check -- --platform <站群配置> [--site <键>[,<键>…]] [--now "<时间>"]
检查站群的全部站点（含共享信息和站点之间的链接）；--site 只列出这些站点的问题。`,
  plan: `用法：npm run plan -- --platform <站群配置> --jobs <任务数> [--format github|gitlab] [--shares <文件>] [--now "<时间>"]
按站点把站群分成若干构建任务，打印 GitHub Actions 的 matrix（JSON）；--format gitlab 打印 GitLab CI 的子流水线。
--shares：把共享清单（每个站点收到哪些其他站点的共享信息）写入该文件，供各构建任务的 --shares 使用。`,
  merge: `用法：npm run merge -- --platform <站群配置> --parts <目录> [--out <目录>]
合并各构建任务生成的站点（<parts>/<键>/），生成站群搜索、统计和 manifest.json，然后替换 --out（默认 _site）。`,
};

/**
 * `--platform` on the command line, or `--site` (only a platform has sites; `npm run build -- --site
 * edu` was refused as an unknown option of the site build): the platform commands take over, with
 * platform.config.ts by default, as `npm run plan` and `npm run merge` have.
 */
export function wantsPlatform(argv: readonly string[]): boolean {
  return argv.some((a) => /^--(platform|site)(=|$)/.test(a));
}

function nowOf(value: string | undefined, platform: Platform): number {
  if (!value) return Date.now();
  const parsed = parseLocalDate(value, platform.sites[0].site.timeZone);
  if (!parsed)
    throw new ContentError([
      { severity: "error", file: "--now", message: `“${value}”不是有效的时间，应为 YYYY-MM-DD HH:mm` },
    ]);
  return parsed.toMillis();
}

function report(built: SiteBuilt[]): void {
  for (const b of built) {
    if (b.warnings.length) printProblems(placeProblems(b.warnings, b.contentDir));
    if (b.cache?.ignored)
      console.error(`站点 ${b.key} 的构建缓存未使用（${b.cache.ignored}），已全部重新生成。`);
    const reused = b.cache?.reused ? `，其中 ${b.cache.reused} 个页面取自构建缓存` : "";
    console.log(
      `站点 ${b.key}：${b.details} 个详情页、${b.lists} 个列表页${reused}，用时 ${(b.ms / 1000).toFixed(1)} 秒。`,
    );
  }
}

export async function runPlatformCommand(command: PlatformCommand, argv: readonly string[]): Promise<void> {
  const usage = USAGE[command];
  const { values } = parseCommandLine(
    {
      args: [...argv],
      options: {
        platform: { type: "string", default: "platform.config.ts" },
        site: { type: "string", multiple: true, default: [] },
        out: { type: "string" },
        parts: { type: "string" },
        jobs: { type: "string" },
        format: { type: "string", default: "github" },
        shares: { type: "string" },
        now: { type: "string", default: process.env.GONGKAI_NOW },
        cache: { type: "string", default: PLATFORM_CACHE_DIR },
        "no-cache": { type: "boolean", default: false },
      },
      allowPositionals: false,
    },
    usage,
  );
  const platform = await loadPlatform(values.platform);
  const keys = values.site
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const now = nowOf(values.now, platform);
  if (command === "plan") {
    const jobs = Number(values.jobs ?? 1);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs 应为正整数，而不是“${values.jobs}”。`, usage);
    const shares = planShares(platform);
    if (shares.problems.length) throw new ContentError(shares.problems);
    const planned = planJobs(platform, siteWeights(platform, shares), jobs);
    if (values.shares) {
      mkdirSync(path.dirname(path.resolve(values.shares)), { recursive: true });
      writeFileSync(values.shares, shareListText(shares));
    }
    if (values.format === "gitlab")
      process.stdout.write(gitlabPipeline(planned, values.platform, values.now, values.shares));
    else if (values.format === "github") console.log(JSON.stringify({ include: planned }));
    else throw new UsageError(`--format 只能是 github 或 gitlab，而不是“${values.format}”。`, usage);
    return;
  }
  if (command === "check") {
    const { problems, files } = checkPlatform(
      platform,
      now,
      selectSites(platform, keys).map((s) => s.key),
    );
    printProblems(problems);
    console.error(
      `已检查站群的 ${platform.sites.length} 个站点和 ${files} 个内容文件。${summarize(problems)}`,
    );
    if (problems.some((p) => p.severity === "error")) process.exitCode = 1;
    return;
  }
  if (command === "merge") {
    if (!values.parts) throw new UsageError("缺少 --parts <目录>：各构建任务的结果所在的目录。", usage);
    const out = path.resolve(values.out ?? "_site");
    await mergePlatform(platform, path.resolve(values.parts), out);
    console.log(
      `已合并站群的 ${platform.sites.length} 个站点到 ${path.relative(process.cwd(), out) || out}/。`,
    );
    return;
  }
  const started = performance.now();
  const cacheDir = values["no-cache"] ? undefined : path.resolve(values.cache);
  if (values.shares && !keys.length)
    throw new UsageError("--shares 只和 --site 一起用：生成整个站群时本来就要读所有站点的内容。", usage);
  if (keys.length) {
    const out = path.resolve(values.out ?? "_parts");
    for (const key of keys) guardOutput(platform, path.join(out, key));
    const sites = selectSites(platform, keys);
    // With the plan's share list the job reads its own sites' files and the listed ones only.
    const shares = values.shares
      ? sharesOrThrow(
          platform,
          sharesFromList(
            platform,
            path.resolve(values.shares),
            sites.map((s) => s.key),
          ),
        )
      : sharesOrThrow(platform, planShares(platform, cacheDir));
    report(
      await buildSites(
        platform,
        sites,
        out,
        now,
        shares,
        undefined,
        cacheDir === undefined ? undefined : { dir: cacheDir },
      ),
    );
  } else {
    const out = path.resolve(values.out ?? "_site");
    report(await buildPlatform(platform, out, now, cacheDir));
  }
  console.log(`站群生成完成，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
}
