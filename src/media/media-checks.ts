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

/** SVG verdicts by path, size and mtime: the dev server checks again only what changed. */
const svgVerdicts = new Map<string, { stamp: string; problem: string | undefined }>();

function checkSvg(abs: string): string | undefined {
  const info = statSync(abs);
  const stamp = `${info.size}:${info.mtimeMs}`;
  const known = svgVerdicts.get(abs);
  if (known?.stamp === stamp) return known.problem;
  const decoded = decode(readFileSync(abs));
  const problem =
    "text" in decoded
      ? svgProblem(decoded.text)
      : `不是 UTF-8 编码（看起来是 ${decoded.encoding}）；请以 UTF-8 另存`;
  svgVerdicts.set(abs, { stamp, problem });
  return problem;
}

export function mediaFileProblems(site: Site, contentDir: string, media: MediaIndex): Problem[] {
  const problems: Problem[] = [];
  for (const url of media.files) {
    const file = `content${url}`;
    const refused = refusedType(url, site.mediaTypes);
    if (refused) {
      problems.push({ severity: "error", file, message: refused });
      continue;
    }
    if (extensionOf(url) !== "svg") continue;
    const problem = checkSvg(path.join(contentDir, url.slice(1)));
    if (problem)
      problems.push({
        severity: "error",
        file,
        message: `SVG 图像不能发布：${problem}。请用图像软件重新导出为普通 SVG（不含脚本和外部引用），或改用 PNG`,
      });
  }
  return problems;
}
