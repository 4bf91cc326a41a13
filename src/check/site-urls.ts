/**
 * The URLs one build produces, and the checks on them: a content file must not take the URL of a
 * generated page, no two pages may differ only in case, and no URL may leave the output folder.
 */
import type { Problem } from "../content/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import type { ListPageData } from "../../layouts/list.ts";
import { escapesSite } from "../content/fields.ts";
import { pageTemplates } from "../eleventy/plugin.ts";
import type { StateRef } from "../eleventy/state.ts";
import { feedsOf } from "../feeds/feeds.ts";
import { SITEMAP_URL } from "../build/sitemap-xml.ts";

/**
 * Other generated URLs (feeds, data files …) that Markdown bodies may link to. Modules that write
 * files in an after-render step register theirs here so the link check knows them.
 */
export const extraGeneratedUrls: ((portal: Portal) => readonly string[])[] = [
  (portal) => feedsOf(portal).map((feed) => feed.url),
  () => [SITEMAP_URL, "/robots.txt"],
];

/** The fixed URLs of the one-off page templates (home, 网站地图 …), read without rendering them. */
function singlePageUrls(): string[] {
  const unused = { current: undefined } as unknown as StateRef;
  const urls: string[] = [];
  for (const template of pageTemplates) {
    try {
      const url = (template.create(unused) as { url?: unknown }).url;
      if (typeof url === "string") urls.push(url);
    } catch {
      // A template that needs the state to construct has no fixed URL.
    }
  }
  return urls;
}

export function generatedUrls(
  portal: Portal,
  details: readonly ContentRecord[],
  lists: readonly ListPageData[],
): Set<string> {
  return new Set([
    ...details.map((r) => r.url),
    ...lists.map((l) => l.url),
    ...singlePageUrls(),
    ...extraGeneratedUrls.flatMap((urls) => urls(portal)),
  ]);
}

export function urlProblems(details: readonly ContentRecord[], lists: readonly ListPageData[]): Problem[] {
  const problems: Problem[] = [];
  const generated = new Set([...lists.map((l) => l.url), ...singlePageUrls()].map((u) => u.toLowerCase()));
  const seen = new Map<string, ContentRecord>();
  for (const r of details) {
    const lower = r.url.toLowerCase();
    const error = (message: string) => problems.push({ severity: "error", file: r.file, message });
    if (!/^\/[a-z0-9/-]*\/$/.test(r.url) || escapesSite(r.url))
      error(`网址 ${r.url} 不安全（可能指向站点目录之外）；文件名只能用小写英文字母、数字和连字符`);
    else if (generated.has(lower)) error(`网址 ${r.url} 与系统生成的列表页冲突；请给文件换一个名字`);
    const first = seen.get(lower);
    if (first) error(`网址 ${r.url} 与 ${first.file} 的网址只有大小写不同（或完全相同）；请给文件换一个名字`);
    else seen.set(lower, r);
  }
  return problems;
}
