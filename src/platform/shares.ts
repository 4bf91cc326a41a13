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
import { ShareDecls, type ShareDecl } from "./share-decls.ts";

/** A file path as messages show it: relative to the working directory. */
export const shownPath = (abs: string) => path.relative(process.cwd(), abs).split(path.sep).join("/") || abs;

export interface SharePlan {
  /** Target site key → the files shared into it. */
  into: Map<string, ExtraFile[]>;
  /** Target site key → where each of those files is (home site key, path under its content folder), in the same order. */
  sources: Map<string, ShareSource[]>;
  /** Unknown or repeated target sites, sharing with itself. */
  problems: Problem[];
  /** How many content files the plan read (the others' `share:` came from the build cache). */
  filesRead?: number;
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

const NO_SHARE: ShareDecl = { targets: [], lines: [] };

/** What a content file's front matter says in `share:` (undefined: nothing, or not a list). */
export function shareDeclOf(text: string): ShareDecl | undefined {
  const end = text.indexOf("\n---", 3);
  if (!text.startsWith("---") || end === -1 || !MENTIONS_SHARE.test(text.slice(0, end))) return undefined;
  let split;
  try {
    split = splitFile(text);
  } catch {
    return undefined; // the home site's own check reports the syntax error
  }
  const targets = split.data.share;
  if (!Array.isArray(targets)) return undefined; // the schema reports a share: that is not a list
  const lineOf = lineLocator(split.matter);
  return { targets, lines: targets.map((_, i) => lineOf(["share", i])) };
}

/**
 * The copies one content file of `home` asks for in its `share:` (`decl`: shareDeclOf its text),
 * in the order written; the problems of its `share:` (an unknown site, the home site, a site
 * twice) go to `problems`.
 */
export function copiesOf(
  platform: Platform,
  home: PlatformSite,
  f: ContentFile,
  decl: ShareDecl | undefined,
  problems: Problem[],
): ShareCopy[] {
  const { targets, lines } = decl ?? NO_SHARE;
  if (targets.length === 0) return [];
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
        line: lines[i],
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

/**
 * Every share of the platform: the `share:` of every content file of every site (the plan, the
 * check, a build without a share list). `cacheDir`: the platform's build cache, where each file's
 * `share:` is kept while its stat is the same (share-decls.ts); without it every file is read.
 */
export function planShares(platform: Platform, cacheDir?: string): SharePlan {
  const decls = new ShareDecls(cacheDir);
  const into = new Map<string, ExtraFile[]>(platform.sites.map((s) => [s.key, []]));
  const sources = new Map<string, ShareSource[]>(platform.sites.map((s) => [s.key, []]));
  const problems: Problem[] = [];
  for (const home of platform.sites)
    for (const f of listContentFiles(home.contentDir).files) {
      const decl = decls.of(f.abs, () => shareDeclOf(readFileSync(f.abs, "utf8")));
      for (const { key, extra } of copiesOf(platform, home, f, decl, problems)) {
        into.get(key)!.push(extra);
        sources.get(key)!.push({ site: home.key, file: f.rel });
      }
    }
  decls.save();
  return { into, sources, problems, filesRead: decls.read };
}
