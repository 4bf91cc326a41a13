/**
 * Checks on the URLs of detail pages against everything else the build writes (the enumeration,
 * src/eleventy/site-outputs.ts): a content file must not take the URL of a generated page, no two
 * pages may differ only in case, and no URL may leave the output folder.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { escapesSite } from "../content/fields.ts";
import type { SiteOutputs } from "../eleventy/site-outputs.ts";

const urlError = (r: ContentRecord, message: string): Problem => ({
  severity: "error",
  file: r.file,
  message,
});

export function urlProblems(details: readonly ContentRecord[], outputs: SiteOutputs): Problem[] {
  const problems: Problem[] = [];
  const records = new Set<unknown>(details);
  // One pass, no arrays between (~95k outputs at 50k items).
  const generated = new Set<string>();
  for (const o of outputs.all) if (!records.has(o.page?.item)) generated.add(o.url.toLowerCase());
  const seen = new Map<string, ContentRecord>();
  for (const r of details) {
    const lower = r.url.toLowerCase();
    // No closure per record (a named closure costs a defineProperty under tsx's keepNames).
    if (!/^\/[a-z0-9/-]*\/$/.test(r.url) || escapesSite(r.url))
      problems.push(
        urlError(r, `网址 ${r.url} 不安全（可能指向站点目录之外）；文件名只能用小写英文字母、数字和连字符`),
      );
    else if (generated.has(lower))
      problems.push(urlError(r, `网址 ${r.url} 与系统生成的列表页冲突；请给文件换一个名字`));
    const first = seen.get(lower);
    if (first)
      problems.push(
        urlError(r, `网址 ${r.url} 与 ${first.file} 的网址只有大小写不同（或完全相同）；请给文件换一个名字`),
      );
    else seen.set(lower, r);
  }
  return problems;
}
