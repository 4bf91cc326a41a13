/** Every paginated list of the portal, in a stable order, and the template that renders them. */
import type { ListPageData } from "../view/list-data.ts";
import { listPage } from "../../layouts/list.ts";
import type { Portal } from "../portal/portal.ts";
import type { StateRef } from "../eleventy/state.ts";
import { onePagePer } from "./paginated.ts";

/** Every type's list pages (src/content-types/), in the order of the type list. */
export function listPagesOf(portal: Portal): ListPageData[] {
  return portal.types.flatMap((type) => type.lists?.(portal) ?? []);
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
