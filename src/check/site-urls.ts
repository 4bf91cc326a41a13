/**
 * Checks on the URLs of detail pages against everything else the build writes (the enumeration,
 * src/eleventy/site-outputs.ts): a content file must not take the URL of a generated page, no two
 * pages may differ only in case, and no URL may leave the output folder.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { escapesSite } from "../content/fields.ts";
import type { SiteOutput, SiteOutputs } from "../eleventy/site-outputs.ts";
import type { Site } from "../config/schema.ts";
import type { Portal } from "../portal/portal.ts";

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
 * What the last build found of its details' URLs (the build cache keeps it:
 * src/build/cache/detail-urls.ts). `edited` gives the records of `portal` to check again when the
 * last build found every detail URL safe and its own entry in `byUrl`, and this build's records
 * are that build's but for those (the record store's generation); undefined: check every detail.
 * `checked` is told this build's verdict.
 */
export interface DetailUrlMemo {
  edited(portal: Portal): readonly ContentRecord[] | undefined;
  checked(portal: Portal, safe: boolean): void;
}

/** By the site config the build was given (the portal's `site`). */
const memos = new WeakMap<Site, DetailUrlMemo>();
export const rememberDetailUrls = (site: Site, memo: DetailUrlMemo): void => void memos.set(site, memo);

/** Is every record's URL safe and the record its own entry in `byUrl`? */
const safeAndOwnOf = (records: readonly ContentRecord[], byUrl: ReadonlyMap<string, ContentRecord>) =>
  records.every((r) => SAFE.test(r.url) && byUrl.get(r.url) === r);

/** Are the details' URLs all safe and each its own entry in `byUrl` (the common case below)? */
function safeAndOwn(
  details: readonly ContentRecord[],
  byUrl: ReadonlyMap<string, ContentRecord>,
  portal: Portal | undefined,
): boolean {
  const memo = portal && memos.get(portal.site);
  const edited = portal && memo?.edited(portal);
  // The other details are the last build's, with the URLs it found safe and their own. An edited
  // record that is not its URL's own (a draft, say) may be no detail: then every detail is checked.
  const taken = edited !== undefined && safeAndOwnOf(edited, byUrl);
  if (taken) keptTaken++;
  const safe = taken || safeAndOwnOf(details, byUrl);
  if (portal) memo?.checked(portal, safe);
  return safe;
}

/** How many times this process took the details' URLs as the last build found them (tests). */
let keptTaken = 0;
export const detailUrlsTaken = (): number => keptTaken;

/**
 * The problems of the detail pages' URLs, in the details' order. `byUrl` (the portal's map of its
 * records by URL, src/portal/portal.ts) lets the common case skip most of the work: when every
 * detail URL is safe and is its own entry there, no two details share a URL (each is the one
 * record of its URL, and a safe URL is its own lower case), so only a generated page of the same
 * URL ignoring case can be wrong, and each output's URL is looked up in `byUrl` instead of a Set
 * of the generated ones made and every detail looked up in it (~95k outputs at 50k items). Any
 * other case takes the whole pass, which says the same of the common case. `details` holds each
 * record once (the portal's do). With `portal` (whose `byUrl` it is and whose records the details
 * are) a build after edits in place checks only the edited records' URLs (`DetailUrlMemo`).
 */
export function urlProblems(
  details: readonly ContentRecord[],
  outputs: SiteOutputs,
  byUrl?: ReadonlyMap<string, ContentRecord>,
  portal?: Portal,
): Problem[] {
  if (byUrl === undefined) return wholePass(details, outputs);
  if (!safeAndOwn(details, byUrl, portal)) return wholePass(details, outputs);
  // The details taking a generated URL: each such output's URL (lower-cased) is a detail's own.
  // A page made from a detail is never such an output, whatever its URL: the details' own pages
  // (one output in two at 50k items) are skipped unlooked-up when they come as a run (below).
  const { all } = outputs;
  const [from, to] = detailRun(all, details);
  let conflicts: Set<ContentRecord> | undefined;
  let isDetail: Set<unknown> | undefined;
  for (let i = 0; i < all.length; i++) {
    if (i === from) i = to;
    if (i === all.length) break;
    const o = all[i];
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

/**
 * Where the outputs made from `details` are, when they come in the details' order from the first
 * (the enumeration gives the detail pages' template so: src/eleventy/virtual-pages.ts): [from, to)
 * of `all`, each output there a page whose item is `details[k]`, compared by identity, not looked
 * up. [-1, -1] when the first detail's page is not found.
 */
function detailRun(all: readonly SiteOutput[], details: readonly ContentRecord[]): [number, number] {
  if (details.length === 0) return [-1, -1];
  const first = details[0];
  let from = 0;
  while (from < all.length && all[from].page?.item !== first) from++;
  if (from === all.length) return [-1, -1];
  let k = 1;
  while (k < details.length && from + k < all.length && all[from + k].page?.item === details[k]) k++;
  return [from, from + k];
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
