/** The Atom feeds (src/feeds/feeds.ts), one paginated virtual template like the detail pages. */
import { renderAtom } from "../feeds/atom.ts";
import type { FeedFile } from "../feeds/feeds.ts";
import { onePagePer } from "./paginated.ts";

export class FeedPages {
  data() {
    return onePagePer("gongkai.feeds", "feedFile");
  }

  render(data: { feedFile: FeedFile }): string {
    return renderAtom(data.feedFile.feed);
  }
}
