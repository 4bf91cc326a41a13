/**
 * What the layouts are given for a build's portal: the build state's (src/build/load-state.ts)
 * and a render worker's (src/build/parallel/worker.ts). In a file of its own so a worker imports
 * only what it renders with, not the enumeration of outputs and the after-render steps.
 */
import { DateTime } from "luxon";
import { assetVersions } from "../pages/asset-versions.ts";
import { imageSizer } from "../media/image-size.ts";
import { renderMarkdown } from "../markdown/render.ts";
import { raw } from "../html/html.ts";
import { shareParts } from "../view/shared-parts.ts";
import type { BuildOptions } from "../eleventy/state.ts";
import type { Portal } from "../portal/portal.ts";
import type { LayoutContext } from "../view/context.ts";

/**
 * Its pages may share the parts of the page shell (src/view/shared-parts.ts). `scripts`: the
 * versioned names of the search page's scripts (src/pages/asset-versions.ts; a render worker renders no
 * search page and does not load their bundler).
 */
export function layoutContextOf(
  options: BuildOptions,
  portal: Portal,
  scripts?: () => Readonly<Record<string, string>>,
): LayoutContext {
  const { site } = options;
  shareParts(portal);
  return {
    site,
    portal,
    href: assetVersions(site, scripts).href,
    now: options.now,
    year: DateTime.fromMillis(options.now, { zone: site.timeZone }).year,
    markdown: (body) => raw(renderMarkdown(body, site.pathPrefix, { allowHtml: site.allowHtml })),
    imageSize: imageSizer(options.contentDir),
    preview: options.includeDrafts ? { now: options.now } : undefined,
  };
}
