/**
 * The command line of a small fixture site (adversarial-site.ts, held39-site.ts): the sample portal
 * copied to DIR/content, the fixture's files added, built under /portal/ with a fixed clock into
 * DIR/_site, with or without `allowHtml` (`--html`).
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";

/** Builds the fixture `script` names, after `addFiles` has written its files into the copied content folder. */
export async function buildFixtureSite(
  script: string,
  addFiles: (contentDir: string) => void,
): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { html: { type: "boolean", default: false } },
  });
  const [target] = positionals;
  if (!target) throw new Error(`用法：${script} 目录 [--html]`);
  const root = path.resolve(import.meta.dirname, "../..");
  const work = path.resolve(target);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const contentDir = path.join(work, "content");
  cpSync(path.join(root, "content"), contentDir, { recursive: true });
  addFiles(contentDir);
  const sample = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
  await buildSite({
    site: { ...sample, allowHtml: values.html },
    contentDir,
    outDir: path.join(work, "_site"),
    now: Date.parse("2026-11-27T04:00:00Z"),
  });
  console.log(`已构建 ${path.join(work, "_site")}`);
}
