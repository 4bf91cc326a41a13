/**
 * `npm run new -- <类型> <标题> [--name file-name]`: writes a new content file that validates, with
 * today's date in the site's zone, and prints its path. Types: those of src/content-types/index.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSiteConfig } from "../config/load.ts";
import { parseLocalDate } from "../content/fields.ts";
import { ContentError } from "../problems/problems.ts";
import { loadContent } from "../content/loader.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { specOf } from "../content-types/spec.ts";
import { scaffold, ScaffoldError } from "../editors/scaffold.ts";
import { runCli } from "./report.ts";
import { parseCommandLine } from "./arguments.ts";
import { usageOf } from "./usage.ts";

const USAGE = usageOf("new");

await runCli(
  async () => {
    const { values, positionals } = parseCommandLine(
      {
        options: {
          name: { type: "string" },
          config: { type: "string", default: "site.config.ts" },
          content: { type: "string", default: "content" },
          now: { type: "string", default: process.env.GONGKAI_NOW },
        },
        allowPositionals: true,
      },
      USAGE,
    );
    const [type, ...titleWords] = positionals;
    if (!DEFAULT_TYPES.some((t) => t.type === type) || !titleWords.length) {
      console.error(USAGE);
      process.exitCode = 1;
      return;
    }
    const site = await loadSiteConfig(values.config);
    const contentDir = path.resolve(values.content);
    const now = values.now ? parseLocalDate(values.now, site.timeZone)?.toMillis() : Date.now();
    if (now === undefined)
      throw new ContentError([
        { severity: "error", file: "--now", message: `“${values.now}”不是有效的时间，应为 YYYY-MM-DD HH:mm` },
      ]);
    // Values the type's new file must not repeat (a policy's 索引号), from the content as it is.
    const typeScaffold = specOf(DEFAULT_TYPES, type).scaffold;
    const used = typeScaffold.used
      ? typeScaffold.used(loadContent({ site, contentDir, now }).all.filter((r) => r.type === type))
      : [];
    try {
      const { rel, text } = scaffold({
        site,
        type,
        title: titleWords.join(" "),
        name: values.name,
        now,
        contentDir,
        used,
      });
      const abs = path.join(contentDir, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text, { flag: "wx" });
      console.log(path.relative(process.cwd(), abs).split(path.sep).join("/"));
      console.error(
        "已新建草稿。请把【待填写】替换为实际内容，用 npm run check 检查，确认无误后删除 draft: true 一行。",
      );
    } catch (err) {
      if (!(err instanceof ScaffoldError)) throw err;
      console.error(err.message);
      process.exitCode = 1;
    }
  },
  { afterError: "" },
);
