/**
 * The plan's share list (`npm run plan -- --shares <file>`, read by `npm run build -- --site …
 * --shares <file>`): for every site, the files of other sites shared into it, in the order the
 * whole platform's scan finds them (src/platform/shares.ts planShares). Finding them means reading
 * every content file of the platform; the plan job does that once, and each CI job then reads only
 * its own sites' files and the listed ones, instead of all of them again (at 200k items, 200k
 * files per job). The list says only which files to read: each listed file's `share:` is read
 * again from the file, so the copies (column, canonical address) are the file's, and a list that
 * does not match the content stops the job instead of building something else.
 */
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ExtraFile } from "../content/loader.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import type { Platform } from "./config.ts";
import { copiesOf, shareDeclOf, shownPath, type SharePlan, type ShareSource } from "./shares.ts";

/** The list as `npm run plan -- --shares` writes it: one line per shared file. */
export function shareListText(plan: SharePlan): string {
  const lines = [...plan.sources].map(
    ([key, sources]) =>
      `  ${JSON.stringify(key)}: [${sources.map((s) => `\n    ${JSON.stringify(s)}`).join(",")}${sources.length ? "\n  " : ""}]`,
  );
  return `{\n${lines.join(",\n")}\n}\n`;
}

/** A path under a content folder as the walk lists it: forward slashes, no `.`/`..`, a Markdown file outside media/, not hidden. */
const isContentPath = (file: string) =>
  /\.md$/.test(file) &&
  !file.startsWith("media/") &&
  !path.posix.basename(file).startsWith(".") &&
  file.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !part.includes("\\"));

const rerun = "请用与本次构建相同的内容重新运行 npm run plan -- --shares";

/**
 * The shares into `keys` from the list at `listPath`: reads the listed files of those sites and
 * no other file of the platform. Throws ContentError when the list is not one of this platform
 * or does not match the content.
 */
export function sharesFromList(platform: Platform, listPath: string, keys: readonly string[]): SharePlan {
  const shown = shownPath(listPath);
  const fail = (message: string): never => {
    throw new ContentError([{ severity: "error", file: shown, message }]);
  };
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(listPath, "utf8"));
  } catch (err) {
    fail(`共享清单无法读取：${(err as Error).message}`);
  }
  const table = (list ?? {}) as Record<string, unknown>;
  const into = new Map<string, ExtraFile[]>();
  const sources = new Map<string, ShareSource[]>();
  const problems: Problem[] = [];
  for (const key of keys) {
    const listed = table[key];
    if (!Array.isArray(listed)) fail(`共享清单中没有站点“${key}”；${rerun}`);
    into.set(key, []);
    sources.set(key, []);
    for (const entry of listed as unknown[]) {
      const { site, file } = (entry ?? {}) as Partial<ShareSource>;
      const home = platform.sites.find((s) => s.key === site);
      if (!home || home.key === key || typeof file !== "string" || !isContentPath(file))
        fail(`共享清单的“${key}”中有无效的一项：${JSON.stringify(entry)}`);
      const abs = path.join(home!.contentDir, ...file!.split("/"));
      // Regular files only, as the walk of content/ reads them: a link is never followed.
      let regular = false;
      try {
        regular = lstatSync(abs).isFile();
      } catch {
        // missing: reported below
      }
      if (!regular) fail(`共享清单列出的 ${shownPath(abs)} 不存在或不是普通文件；${rerun}`);
      const copies = copiesOf(
        platform,
        home!,
        { abs, rel: file! },
        shareDeclOf(readFileSync(abs, "utf8")),
        problems,
      );
      const copy = copies.find((c) => c.key === key);
      if (!copy)
        fail(`共享清单说 ${shownPath(abs)} 共享到站点“${key}”，但它的 share: 中没有这个站点；${rerun}`);
      into.get(key)!.push(copy!.extra);
      sources.get(key)!.push({ site: home!.key, file: file! });
    }
  }
  return { into, sources, problems };
}
