/**
 * Enumerates what a build writes, from the validated state and nothing else: the pages of every
 * page source (expanded exactly as they are rendered, src/eleventy/virtual-pages.ts), the files
 * every after-render step declares (media: src/media/copy-step.ts), and the passthrough copy of the assets.
 */
import { existsSync } from "node:fs";
import type { StateRef } from "../eleventy/state.ts";
import { templateName } from "../eleventy/page-source.ts";
import { pageOutputs, recordPlugin } from "../eleventy/virtual-pages.ts";
import { SiteOutputs, type SiteOutput } from "../eleventy/site-outputs.ts";
import { outputFiles } from "./output-files.ts";
import type { PageSource } from "../eleventy/page-source.ts";
import type { BuildStep } from "./steps.ts";
import { OUTPUT_MARKER } from "./output-guard.ts";

/** A build's page sources and after-render steps (src/build/defaults.ts has the portal's). */
export interface SiteParts {
  pages: readonly PageSource[];
  steps: readonly BuildStep[];
}

export function enumerateOutputs(ref: StateRef, parts: SiteParts): SiteOutputs {
  const sourceOf = new Map<string, string>();
  for (const source of parts.pages) {
    if (sourceOf.has(templateName(source)))
      throw new Error(`page source name "${source.name}" is used twice`);
    sourceOf.set(templateName(source), source.name);
  }
  const registrations = recordPlugin(ref, parts.pages);
  const outputs: SiteOutput[] = pageOutputs(
    registrations,
    registrations.templates,
    (template) => sourceOf.get(template) ?? template,
  );
  const pageUrls = outputs.map((o) => o.url);
  for (const step of parts.steps)
    for (const url of step.outputs(ref.current, pageUrls))
      outputs.push(url.endsWith("/") ? { url, source: step.name, folder: true } : { url, source: step.name });
  // Publishing marks the folder as Gongkai's (src/build/output-guard.ts).
  outputs.push({ url: `/${OUTPUT_MARKER}`, source: "publish" });
  for (const [dir, dest] of Object.entries(registrations.passthrough))
    if (existsSync(dir))
      for (const rel of outputFiles(dir)) outputs.push({ url: `/${dest}/${rel}`, source: dest });
  return new SiteOutputs(outputs);
}
