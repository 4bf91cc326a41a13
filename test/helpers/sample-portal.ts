/** The sample portal (site.config.ts + content/) as the operator tests build it, with a fixed build clock. */
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import type { Site } from "../../src/config/schema.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SamplePortal {
  site: Site;
  contentDir: string;
  /** The build clock the tests use. */
  now: number;
  /** For messages. */
  kind: string;
}

/** Loads the sample site with an optional path prefix. */
export async function samplePortal(pathPrefix?: string): Promise<SamplePortal> {
  const site = await loadSiteConfig(path.join(ROOT, "site.config.ts"), { pathPrefix });
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  return { site, contentDir: path.join(ROOT, "content"), now, kind: "sample content" };
}
