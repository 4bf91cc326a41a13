/** The Atom feeds (src/feeds/feeds.ts), one paginated virtual template like the detail pages. */
import { renderAtom } from "../feeds/atom.ts";
import type { FeedFile } from "../feeds/feeds.ts";

export class FeedPages {
  data() {
    return {
      pagination: { data: "gongkai.feeds", size: 1, alias: "feedFile", addAllPagesToCollections: false },
      permalink: (data: { feedFile: FeedFile }) => data.feedFile.url,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: { feedFile: FeedFile }): string {
    return renderAtom(data.feedFile.feed);
  }
}
