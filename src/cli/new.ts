/**
 * `npm run new -- <类型> <标题> [--name file-name]`: writes a new content file that validates, with
 * today's date in the site's zone, and prints its path. Types: news policy video guide periodical topic page.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../config/load.ts";
import { parseLocalDate } from "../content/fields.ts";
import { ContentError } from "../problems/problems.ts";
import { loadContent } from "../content/loader.ts";
import { CONTENT_TYPES, type ContentType } from "../content/types.ts";
import { scaffold, ScaffoldError } from "../editors/scaffold.ts";
import { runCli } from "./report.ts";

const TYPES = Object.keys(CONTENT_TYPES) as ContentType[];
const USAGE = `用法：npm run new -- <类型> <标题> [--name 英文文件名]\n类型：${TYPES.map((t) => `${t}（${CONTENT_TYPES[t].label}）`).join("、")}`;

await runCli(async () => {
  const { values, positionals } = parseArgs({
    options: {
      name: { type: "string" },
      config: { type: "string", default: "site.config.ts" },
      content: { type: "string", default: "content" },
      now: { type: "string", default: process.env.GONGKAI_NOW },
    },
    allowPositionals: true,
  });
  const [type, ...titleWords] = positionals;
  if (!TYPES.includes(type as ContentType) || !titleWords.length) {
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
  const indexNos =
    type === "policy"
      ? loadContent({ site, contentDir, now }).all.flatMap((r) =>
          r.type === "policy" ? [r.fields.index_no] : [],
        )
      : [];
  try {
    const { rel, text } = scaffold({
      site,
      type: type as ContentType,
      title: titleWords.join(" "),
      name: values.name,
      now,
      contentDir,
      indexNos,
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
});
