/**
 * 信息共享: an item one site publishes that other sites of the platform show too, from one file.
 * The file stays in its home site's content folder and names the other sites in `share:`; each
 * of them reads it as if it were its own (`<folder>/<home key>/<path>`, so it cannot collide with
 * the site's own files) and its page there names the home page as rel=canonical.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { listContentFiles, type ContentFile } from "../content/walk.ts";
import { lineLocator, splitFile } from "../content/front-matter.ts";
import type { ExtraFile } from "../content/loader.ts";
import { absoluteUrl } from "../portal/urls.ts";
import type { Problem } from "../problems/problems.ts";
import type { Platform, PlatformSite } from "./config.ts";

/** A file path as messages show it: relative to the working directory. */
export const shownPath = (abs: string) => path.relative(process.cwd(), abs).split(path.sep).join("/") || abs;

export interface SharePlan {
  /** Target site key → the files shared into it. */
  into: Map<string, ExtraFile[]>;
  /** Target site key → where each of those files is (home site key, path under its content folder), in the same order. */
  sources: Map<string, ShareSource[]>;
  /** Unknown or repeated target sites, sharing with itself. */
  problems: Problem[];
}

/** A shared file as the plan's share list names it (src/platform/share-list.ts). */
export interface ShareSource {
  site: string;
  file: string;
}

/** Quick test before parsing: only files that mention `share:` in their front matter are parsed. */
const MENTIONS_SHARE = /^share\s*:/m;

type Target = string | { site: string; column?: string };

/** One copy a file asks for: the site it goes to and how that site reads it. */
export interface ShareCopy {
  key: string;
  extra: ExtraFile;
}

/**
 * The copies one content file of `home` asks for in its `share:`, in the order written; the
 * problems of its `share:` (an unknown site, the home site, a site twice) go to `problems`.
 */
export function copiesOf(
  platform: Platform,
  home: PlatformSite,
  f: ContentFile,
  text: string,
  problems: Problem[],
): ShareCopy[] {
  const end = text.indexOf("\n---", 3);
  if (!text.startsWith("---") || end === -1 || !MENTIONS_SHARE.test(text.slice(0, end))) return [];
  let split;
  try {
    split = splitFile(text);
  } catch {
    return []; // the home site's own check reports the syntax error
  }
  const targets = split.data.share;
  if (!Array.isArray(targets)) return []; // the schema reports a share: that is not a list
  const lineOf = lineLocator(split.matter);
  const file = shownPath(f.abs);
  const seen = new Set<string>();
  const copies: ShareCopy[] = [];
  (targets as Target[]).forEach((target, i) => {
    const key = typeof target === "string" ? target : target?.site;
    if (typeof key !== "string") return;
    const problem = (message: string) =>
      problems.push({
        severity: "error",
        file,
        line: lineOf(["share", i]),
        field: `share[${i}]`,
        message,
      });
    if (key === home.key) return problem(`“${key}”就是本站，共享到本站没有意义；请删去`);
    if (!platform.sites.some((s) => s.key === key))
      return problem(
        `站群中没有站点“${key}”；可选：${platform.sites
          .filter((s) => s !== home)
          .map((s) => s.key)
          .join("、")}`,
      );
    if (seen.has(key)) return problem(`站点“${key}”写了两次`);
    seen.add(key);
    const [folder, ...rest] = f.rel.split("/");
    const column = typeof target === "string" ? undefined : target.column;
    copies.push({
      key,
      extra: {
        abs: f.abs,
        rel: [folder, home.key, ...rest].join("/"),
        file,
        overrides: column === undefined ? undefined : { column },
        canonical: absoluteUrl(home.site, `/${f.rel.replace(/\.md$/, "")}/`),
      },
    });
  });
  return copies;
}

/** Every share of the platform: reads every content file of every site (the plan, the check, a build without a share list). */
export function planShares(platform: Platform): SharePlan {
  const into = new Map<string, ExtraFile[]>(platform.sites.map((s) => [s.key, []]));
  const sources = new Map<string, ShareSource[]>(platform.sites.map((s) => [s.key, []]));
  const problems: Problem[] = [];
  for (const home of platform.sites)
    for (const f of listContentFiles(home.contentDir).files)
      for (const { key, extra } of copiesOf(platform, home, f, readFileSync(f.abs, "utf8"), problems)) {
        into.get(key)!.push(extra);
        sources.get(key)!.push({ site: home.key, file: f.rel });
      }
  return { into, sources, problems };
}
