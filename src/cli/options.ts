/**
 * Command-line options shared by build, check and start (usage: src/cli/usage.ts):
 *   --config site.config.ts  --content content  --out _site  --path-prefix /portal/
 *   --base-url https://owner.github.io (or GONGKAI_BASE_URL: the public origin, for a preview host)
 *   --now "2026-01-01 00:00" (or GONGKAI_NOW)  --drafts (preview build, into _preview/ unless --out)
 *   --port 8080 (start only)  --cache .gongkai-cache / --no-cache (build, start)
 */
import path from "node:path";
import { loadSiteConfig } from "../config/load.ts";
import type { Site } from "../config/schema.ts";
import { parseLocalDate } from "../content/fields.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import { parseCommandLine, UsageError } from "./arguments.ts";
import { usageOf, type SiteCommand } from "./usage.ts";
import { DEFAULT_CACHE_DIR } from "../build/cache/session.ts";

export interface CliOptions {
  site: Site;
  /** site.config.ts (absolute). */
  configPath: string;
  contentDir: string;
  outDir: string;
  now: number;
  includeDrafts: boolean;
  port: number;
  /** The build cache folder (src/build/cache/), absolute; undefined with --no-cache or for check. */
  cacheDir?: string;
}

/**
 * A bad --base-url or --path-prefix (or its environment variable) is the command line's mistake,
 * not site.config.ts's: the problem names where the value came from.
 */
type Override = { value: string; source: string } | undefined;

function blameOverrides(err: ContentError, given: Record<"baseUrl" | "pathPrefix", Override>) {
  return new ContentError(
    err.problems.map((p): Problem => {
      const key = (["baseUrl", "pathPrefix"] as const).find((k) => p.field?.startsWith(k));
      const from = key && given[key];
      if (!from) return p;
      return { severity: p.severity, file: from.source, message: `“${from.value}”：${p.message}` };
    }),
  );
}

function override(option: string | undefined, name: string, env: string): Override {
  if (option !== undefined) return { value: option, source: `命令行选项 ${name}` };
  const fromEnv = process.env[env];
  return fromEnv !== undefined ? { value: fromEnv, source: `环境变量 ${env}` } : undefined;
}

export async function readCliOptions(
  argv = process.argv.slice(2),
  command: SiteCommand = "build",
): Promise<CliOptions> {
  const usage = usageOf(command);
  const { values } = parseCommandLine(
    {
      args: argv,
      options: {
        config: { type: "string", default: "site.config.ts" },
        content: { type: "string", default: "content" },
        out: { type: "string" },
        "path-prefix": { type: "string" },
        "base-url": { type: "string" },
        now: { type: "string", default: process.env.GONGKAI_NOW },
        drafts: { type: "boolean", default: false },
        ...(command === "start" || command === "cms"
          ? { port: { type: "string", default: command === "cms" ? "8081" : "8080" } }
          : {}),
        ...(command === "build" || command === "start"
          ? {
              cache: { type: "string", default: DEFAULT_CACHE_DIR },
              "no-cache": { type: "boolean", default: false },
            }
          : {}),
      },
      allowPositionals: false,
    },
    usage,
  );
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`选项 --port 的值“${String(values.port)}”不是有效的端口号（0–65535）。`, usage);
  const given = {
    pathPrefix: override(values["path-prefix"], "--path-prefix", "GONGKAI_PATH_PREFIX"),
    baseUrl: override(values["base-url"], "--base-url", "GONGKAI_BASE_URL"),
  };
  let site: Site;
  try {
    site = await loadSiteConfig(values.config, {
      pathPrefix: given.pathPrefix?.value,
      baseUrl: given.baseUrl?.value,
    });
  } catch (err) {
    throw err instanceof ContentError ? blameOverrides(err, given) : err;
  }
  let now = Date.now();
  if (values.now) {
    const parsed = parseLocalDate(values.now, site.timeZone);
    if (!parsed)
      throw new ContentError([
        { severity: "error", file: "--now", message: `“${values.now}”不是有效的时间，应为 YYYY-MM-DD HH:mm` },
      ]);
    now = parsed.toMillis();
  }
  return {
    site,
    configPath: path.resolve(values.config),
    contentDir: path.resolve(values.content),
    // A preview goes to its own folder by default, so it cannot replace the production site by accident.
    outDir: path.resolve(values.out ?? (values.drafts ? "_preview" : "_site")),
    now,
    includeDrafts: values.drafts,
    port,
    cacheDir:
      typeof values.cache === "string" && !values["no-cache"] ? path.resolve(values.cache) : undefined,
  };
}
