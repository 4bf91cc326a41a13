/**
 * `npm start`'s pages before its first build is published. Once that build has loaded and
 * validated the records (buildSite's `onState`), every page it is going to write is rendered on
 * demand from that very state, by the page's own render (the one the build writes with), so a
 * request gets the bytes the build writes while the full render to disk goes on; at 50k items
 * that is the difference between the first page after load+validate and after the whole render.
 *
 * Requests that arrive while the records load wait for them rather than get what the output
 * folder held before, so nothing older than the build in progress is served. A build that fails
 * on content settles them with nothing: the output folder answers (the previous output, under
 * the error banner), as before.
 */
import type { BuildState } from "../eleventy/state.ts";
import { outputFileOf, type VirtualPage } from "../eleventy/site-outputs.ts";

export class FirstPages {
  private waiting?: Promise<BuildState | undefined>;
  private settle?: (state: BuildState | undefined) => void;
  /** The loaded state's pages by output file, made on the first request. */
  private byFile?: { state: BuildState; pages: Map<string, VirtualPage> };

  /** A first build starts: from now on requests wait for its records. */
  begin(): void {
    if (this.waiting) return;
    this.waiting = new Promise((resolve) => (this.settle = resolve));
  }

  /** Its records are loaded and validated: pages can be rendered. */
  loaded(state: BuildState): void {
    this.settle?.(state);
  }

  /** It ended, published (the output folder has every page) or failed: the folders answer. */
  end(): void {
    this.settle?.(undefined);
    this.waiting = undefined;
    this.settle = undefined;
    this.byFile = undefined;
  }

  /**
   * The page the build in progress writes at this output file (`news/index.html`), once its
   * records are loaded; undefined when it writes none there or no first build is in progress.
   */
  async find(file: string): Promise<VirtualPage | undefined> {
    const state = await this.waiting;
    // Ended while this request waited: the output folder has the page now.
    if (!state || !this.waiting) return undefined;
    if (this.byFile?.state !== state) {
      const pages = new Map<string, VirtualPage>();
      for (const page of state.outputs.pages) pages.set(outputFileOf(page.url), page);
      this.byFile = { state, pages };
    }
    return this.byFile.pages.get(file);
  }
}
