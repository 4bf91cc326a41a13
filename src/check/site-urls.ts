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

/** A detail URL of lower-case letters, digits and hyphens: it is its own lower case, and escapes nothing. */
const SAFE = /^\/[a-z0-9/-]*\/$/;

/** Whole passes of the check (not the common case below); the tests read it. */
let wholePasses = 0;
export const urlChecksWhole = (): number => wholePasses;

/**
 * The problems of the detail pages' URLs, in the details' order. `byUrl` (the portal's map of its
 * records by URL, src/portal/portal.ts) lets the common case skip most of the work: when every
 * detail URL is safe and is its own entry there, no two details share a URL (each is the one
 * record of its URL, and a safe URL is its own lower case), so only a generated page of the same
 * URL ignoring case can be wrong, and each output's URL is looked up in `byUrl` instead of a Set
 * of the generated ones made and every detail looked up in it (~95k outputs at 50k items). Any
 * other case takes the whole pass, which says the same of the common case. `details` holds each
 * record once (the portal's do).
 */
export function urlProblems(
  details: readonly ContentRecord[],
  outputs: SiteOutputs,
  byUrl?: ReadonlyMap<string, ContentRecord>,
): Problem[] {
  if (byUrl === undefined) return wholePass(details, outputs);
  for (const r of details)
    if (!SAFE.test(r.url) || byUrl.get(r.url) !== r) return wholePass(details, outputs);
  // The details taking a generated URL: each such output's URL (lower-cased) is a detail's own.
  let conflicts: Set<ContentRecord> | undefined;
  let isDetail: Set<unknown> | undefined;
  for (const o of outputs.all) {
    const r = byUrl.get(o.url.toLowerCase());
    // The detail's own page (nearly always) or no record of that URL: nothing to say.
    if (r === undefined || o.page?.item === r) continue;
    isDetail ??= new Set<unknown>(details);
    if (isDetail.has(r) && !isDetail.has(o.page?.item)) (conflicts ??= new Set()).add(r);
  }
  if (conflicts === undefined) return [];
  const problems: Problem[] = [];
  for (const r of details)
    if (conflicts.has(r))
      problems.push(urlError(r, `网址 ${r.url} 与系统生成的列表页冲突；请给文件换一个名字`));
  return problems;
}

/** Every detail against every generated URL and every detail before it. */
function wholePass(details: readonly ContentRecord[], outputs: SiteOutputs): Problem[] {
  wholePasses++;
  const problems: Problem[] = [];
  const records = new Set<unknown>(details);
  // One pass, no arrays between (~95k outputs at 50k items).
  const generated = new Set<string>();
  for (const o of outputs.all) if (!records.has(o.page?.item)) generated.add(o.url.toLowerCase());
  const seen = new Map<string, ContentRecord>();
  for (const r of details) {
    const lower = r.url.toLowerCase();
    // No closure per record (a named closure costs a defineProperty under tsx's keepNames).
    if (!SAFE.test(r.url) || escapesSite(r.url))
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
