/**
 * The files of content/media that may be published: types on the site's allow-list (refused:
 * pages and scripts), SVGs without scripts or external references (src/media/svg-safety.ts).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { MediaIndex } from "../check/media-index.ts";
import { decode } from "../content/read-file.ts";
import { extensionOf, refusedType } from "./allow-list.ts";
import { svgProblem } from "./svg-safety.ts";
// Files modified this recently are not kept past the process: a save within the mtime's resolution keeps the stat.
import { RECENT_MS, stampFrom, type FileStamp } from "../content/record-cache.ts";

/** An SVG's verdict, by its path and stat (size, mtime, inode): undefined when it may be published. */
export type SvgVerdict = [abs: string, stamp: string, problem: string | undefined];

/**
 * SVG verdicts by path and stat: the dev server checks again only what changed, and the build
 * cache keeps those of the last build (src/build/cache/svg-verdicts.ts).
 */
const svgVerdicts = new Map<string, { stamp: string; problem: string | undefined }>();
/** The verdicts this process used, and whether one was found anew (since `forgetSvgVerdictsUsed`). */
const used = new Map<string, SvgVerdict>();
let found = false;

function checkSvg(abs: string, stat?: FileStamp): string | undefined {
  const info = stat ?? stampFrom(statSync(abs));
  const stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
  const known = svgVerdicts.get(abs);
  let problem: string | undefined;
  if (known?.stamp === stamp) problem = known.problem;
  else {
    const decoded = decode(readFileSync(abs));
    problem =
      "text" in decoded
        ? svgProblem(decoded.text)
        : `不是 UTF-8 编码（看起来是 ${decoded.encoding}）；请以 UTF-8 另存`;
    svgVerdicts.set(abs, { stamp, problem });
    found = true;
  }
  if (Date.now() - info.mtimeMs >= RECENT_MS) used.set(abs, [abs, stamp, problem]);
  return problem;
}

/** Verdicts a cache kept (each is used only while its file's stat is the same). */
export function keepSvgVerdicts(verdicts: readonly SvgVerdict[]): void {
  for (const [abs, stamp, problem] of verdicts) svgVerdicts.set(abs, { stamp, problem });
}

/** Verdicts another thread found (a build worker's checks): known and used here, as if found here. */
export function adoptSvgVerdicts(verdicts: readonly SvgVerdict[]): void {
  for (const verdict of verdicts) {
    const [abs, stamp, problem] = verdict;
    svgVerdicts.set(abs, { stamp, problem });
    used.set(abs, verdict);
  }
  if (verdicts.length) found = true;
}

/** The verdicts of the SVGs checked since `forgetSvgVerdictsUsed`, and whether any was found anew. */
export const svgVerdictsUsed = (): { verdicts: SvgVerdict[]; found: boolean } => ({
  verdicts: [...used.values()],
  found,
});

export function forgetSvgVerdictsUsed(): void {
  used.clear();
  found = false;
}

export function mediaFileProblems(site: Site, contentDir: string, media: MediaIndex): Problem[] {
  const problems: Problem[] = [];
  for (const url of media.files) {
    const file = `${media.folder}${url}`;
    const ext = extensionOf(url);
    const refused = refusedType(url, site.mediaTypes, ext);
    if (refused) {
      problems.push({ severity: "error", file, message: refused });
      continue;
    }
    if (ext !== "svg") continue;
    const problem = checkSvg(path.join(contentDir, url.slice(1)), media.stat?.(url));
    if (problem)
      problems.push({
        severity: "error",
        file,
        message: `SVG 图像不能发布：${problem}。请用图像软件重新导出为普通 SVG（不含脚本和外部引用），或改用 PNG`,
      });
  }
  return problems;
}
