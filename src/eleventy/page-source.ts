/**
 * A page source: one virtual template (a class with data() and render(), as Eleventy's
 * JavaScript templates are) that makes the pages of one kind from the build state. A build gets
 * its page sources as a value (src/build/defaults.ts has the portal's list).
 */
import type { StateRef } from "./state.ts";

export interface Template {
  data(): Record<string, unknown>;
  render(data: Record<string, unknown>): string | Promise<string>;
}

export interface PageSource {
  /** Unique among the sources: names the virtual template (`gongkai-<name>.11ty.js`) and messages. */
  name: string;
  create(ref: StateRef): object;
  /**
   * Rendered and written one page at a time by src/build/streamed-pages.ts instead of Eleventy,
   * which keeps every page's HTML in memory until its build ends (and takes the build cache's
   * reuse). Every source of src/build/defaults.ts is; a build whose sources all are skips
   * Eleventy and copies the assets itself (src/build/passthrough.ts). A source needing more of
   * Eleventy's data cascade than src/eleventy/virtual-pages.ts expands leaves this unset.
   */
  streamed?: boolean;
}

/** Name of a source's virtual template. */
export const templateName = (source: Pick<PageSource, "name">) => `gongkai-${source.name}.11ty.js`;
