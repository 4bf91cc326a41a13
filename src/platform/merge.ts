/**
 * The merge job of a split build: the sites' folders built by the jobs (`<parts>/<key>/`, each a
 * finished site) are hard-linked into one output (copied where they cannot be: link-tree.ts), then
 * the platform pages and the manifest are made exactly as a single-process build makes them; the
 * output is published atomically. A failed merge removes only its staging folder: the published
 * output is as it was and the parts are whole for a rerun.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { isGongkaiOutput } from "../build/output-guard.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import type { Platform } from "./config.ts";
import { guardOutput, publishPlatform } from "./build.ts";
import { shownPath } from "./shares.ts";
import { linkTree } from "./link-tree.ts";

export async function mergePlatform(platform: Platform, partsDir: string, outDir: string): Promise<void> {
  const missing: Problem[] = platform.sites
    .filter((s) => !isGongkaiOutput(path.join(partsDir, s.key)))
    .map((s) => ({
      severity: "error",
      file: shownPath(path.join(partsDir, s.key)),
      message: existsSync(path.join(partsDir, s.key))
        ? `不是 Gongkai 生成的站点目录（没有标记文件），不能合并`
        : `缺少站点“${s.key}”的生成结果；请检查构建任务是否都已成功并上传了结果`,
    }));
  if (missing.length) throw new ContentError(missing);
  guardOutput(platform, outDir);
  await publishPlatform(platform, outDir, (staging) => {
    for (const s of platform.sites) linkTree(path.join(partsDir, s.key), path.join(staging, s.key));
  });
}
