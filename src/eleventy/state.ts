/**
 * What one build works from: the validated records, the portal built from them, and the list of
 * pages to generate. Loaded before Eleventy starts, so bad content stops the build early.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { loadContent } from "../content/loader.ts";
import { buildPortal, type Portal } from "../portal/portal.ts";
import { hrefFor } from "../portal/urls.ts";
import { imageSizer } from "../media/image-size.ts";
import type { LayoutContext } from "../../layouts/context.ts";
import type { ListPageData } from "../../layouts/list.ts";
import { listPagesOf } from "../pages/list-pages.ts";
import { computeTallies, type Tallies } from "../tallies/compute.ts";
import { reportProblems } from "../tallies/checks.ts";

export interface BuildOptions {
  site: Site;
  contentDir: string;
  /** The build's clock, epoch ms. */
  now: number;
  includeDrafts?: boolean;
}

export interface BuildState {
  options: BuildOptions;
  now: number;
  portal: Portal;
  ctx: LayoutContext;
  /** Records that get a detail page. */
  details: ContentRecord[];
  lists: ListPageData[];
  /** Publication counts per year and site-wide (src/tallies/). */
  tallies: Tallies;
  /** Warnings (errors stop the build before a state exists). */
  warnings: Problem[];
}

/** Holder the templates read from, so a rebuild can swap in a new state. */
export interface StateRef {
  current: BuildState;
}

/** URLs that a content file would take from a generated page (a guide named `type.md`, say). */
function urlCollisions(details: readonly ContentRecord[], lists: readonly ListPageData[]): Problem[] {
  const generated = new Set(lists.map((l) => l.url));
  return details
    .filter((r) => generated.has(r.url))
    .map((r) => ({ severity: "error", file: r.file, message: `网址 ${r.url} 与系统生成的列表页冲突；请给文件换一个名字` }));
}

export function createState(options: BuildOptions): BuildState {
  const { site } = options;
  const loaded = loadContent(options);
  const portal = buildPortal(site, loaded.published);
  const details = portal.records.filter((r) => r.type !== "topic");
  const lists = listPagesOf(portal);
  const tallies = computeTallies(portal);
  const problems = [...loaded.problems, ...urlCollisions(details, lists), ...reportProblems(portal, tallies)];
  if (problems.some((p) => p.severity === "error")) throw new ContentError(problems);
  return {
    options,
    now: options.now,
    portal,
    ctx: { site, portal, href: hrefFor(site), imageSize: imageSizer(options.contentDir) },
    details,
    lists,
    tallies,
    warnings: problems,
  };
}
