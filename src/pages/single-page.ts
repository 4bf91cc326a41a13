/** Base of the portal's one-off pages (home, 网站地图, 联系我们, 404 …): a fixed URL and a render. */
import type { StateRef, BuildState } from "../eleventy/state.ts";

export abstract class SinglePage {
  constructor(private readonly state: StateRef) {}

  /** Site URL of the page (without the path prefix). */
  abstract readonly url: string;

  protected abstract renderPage(state: BuildState): string;

  data() {
    return { permalink: this.url, eleventyExcludeFromCollections: true };
  }

  render(): string {
    return this.renderPage(this.state.current);
  }
}
