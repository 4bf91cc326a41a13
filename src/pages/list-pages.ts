/** Every paginated list of the portal, in a stable order. */
import type { ListPageData } from "../view/list-data.ts";
import { listPage } from "../../layouts/list.ts";
import type { Portal } from "../portal/portal.ts";
import type { StateRef } from "../eleventy/state.ts";
import { newsLists } from "./news-lists.ts";
import { policyLists } from "./policy-lists.ts";
import { guideLists } from "./guide-lists.ts";
import { periodicalLists, topicLists, videoLists } from "./media-lists.ts";
import { onePagePer } from "./paginated.ts";

export function listPagesOf(portal: Portal): ListPageData[] {
  return [
    ...newsLists(portal),
    ...policyLists(portal),
    ...guideLists(portal),
    ...videoLists(portal),
    ...periodicalLists(portal),
    ...topicLists(portal),
  ];
}

/**
 * One page per list page of the global data at `dataPath`: the portal's lists, or the
 * statistics audit lists (`gongkaiTallies.audits`), all in the normal list layout.
 */
export class ListPages {
  constructor(
    private readonly state: StateRef,
    private readonly dataPath = "gongkai.lists",
  ) {}

  data() {
    return onePagePer(this.dataPath, "list");
  }

  render(data: { list: ListPageData }): string {
    return listPage(this.state.current.ctx, data.list);
  }
}
