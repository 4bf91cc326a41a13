/** Builds the sample portal (content/, site.config.ts) into a temporary folder, at a fixed moment. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteConfig } from "../src/config/load.ts";
import { buildSite } from "../src/build/build-site.ts";
import { parseLocalDate } from "../src/content/fields.ts";

const repoRoot = path.resolve(import.meta.dirname, "..");

/** The output folder of a build of the sample portal as of 2026-11-27 12:00 (what the tests see). */
export async function buildSamplePortal(): Promise<string> {
  const site = await loadSiteConfig(path.join(repoRoot, "site.config.ts"));
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-shots-")), "_site");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  await buildSite({ site, contentDir: path.join(repoRoot, "content"), outDir, now });
  return outDir;
}
