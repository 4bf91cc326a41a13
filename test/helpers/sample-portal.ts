/**
 * The portal the operator tests build: the sample content in content/ when it is there, otherwise
 * a synthetic portal (bench/synthetic.ts) in the sample site's vocabulary, with placeholder files
 * for the media it refers to (editors' media are files, not generated content).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import type { Site } from "../../src/config/schema.ts";
import { generateSyntheticPortal } from "../../bench/synthetic.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SamplePortal {
  site: Site;
  contentDir: string;
  /** The build clock the tests use. */
  now: number;
  /** "sample content" or "synthetic fixture", for messages. */
  kind: string;
}

function touchMedia(contentDir: string): void {
  const referenced = new Set<string>();
  for (const rel of outputFiles(contentDir)) {
    for (const m of readFileSync(path.join(contentDir, rel), "utf8").matchAll(/\/media\/[A-Za-z0-9._\/-]+/g)) referenced.add(m[0]);
  }
  for (const media of referenced) {
    const file = path.join(contentDir, media);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, media.endsWith(".svg") ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"/>\n` : media.endsWith(".vtt") ? "WEBVTT\n" : "");
  }
}

/** Loads the sample site with an optional path prefix and finds (or makes) its content. */
export async function samplePortal(pathPrefix?: string): Promise<SamplePortal> {
  const site = await loadSiteConfig(path.join(ROOT, "site.config.ts"), { pathPrefix });
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  const sample = path.join(ROOT, "content");
  if (existsSync(sample)) return { site, contentDir: sample, now, kind: "sample content" };
  const contentDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-ops-")), "content");
  generateSyntheticPortal(site, contentDir, { count: 240, seed: 6 });
  touchMedia(contentDir);
  return { site, contentDir, now, kind: "synthetic fixture" };
}
