/**
 * Command-line options shared by build, check and serve:
 *   --config site.config.ts  --content content  --out _site  --path-prefix /portal/
 *   --base-url https://owner.github.io (or GONGKAI_BASE_URL: the public origin, for a preview host)
 *   --now "2026-01-01 00:00" (or GONGKAI_NOW)  --drafts (preview build, into _preview/ unless --out)
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../config/load.ts";
import type { Site } from "../config/schema.ts";
import { parseLocalDate } from "../content/fields.ts";
import { ContentError } from "../problems/problems.ts";

export interface CliOptions {
  site: Site;
  contentDir: string;
  outDir: string;
  now: number;
  includeDrafts: boolean;
  port: number;
}

export async function readCliOptions(argv = process.argv.slice(2)): Promise<CliOptions> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: "string", default: "site.config.ts" },
      content: { type: "string", default: "content" },
      out: { type: "string" },
      "path-prefix": { type: "string" },
      "base-url": { type: "string" },
      now: { type: "string", default: process.env.GONGKAI_NOW },
      drafts: { type: "boolean", default: false },
      port: { type: "string", default: "8080" },
    },
    allowPositionals: false,
  });
  const site = await loadSiteConfig(values.config, {
    pathPrefix: values["path-prefix"] ?? process.env.GONGKAI_PATH_PREFIX,
    baseUrl: values["base-url"] ?? process.env.GONGKAI_BASE_URL,
  });
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
    contentDir: path.resolve(values.content),
    // A preview goes to its own folder by default, so it cannot replace the production site by accident.
    outDir: path.resolve(values.out ?? (values.drafts ? "_preview" : "_site")),
    now,
    includeDrafts: values.drafts,
    port: Number(values.port),
  };
}
