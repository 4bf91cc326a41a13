/**
 * The pages content types add besides their detail and list pages (`pages` in their spec: an
 * organ's 公开平台, the 机构 index): one paginated template over them all, computed once per build.
 */
import type { BuildState, StateRef } from "../eleventy/state.ts";
import type { TypePage } from "../content-types/spec.ts";
import { onePagePer } from "./paginated.ts";

const cache = new WeakMap<BuildState, TypePage[]>();

/** Every type's own pages, in the order of the type list (global data `gongkaiPages`). */
export function typePagesOf(state: BuildState): TypePage[] {
  let pages = cache.get(state);
  if (!pages) cache.set(state, (pages = state.portal.types.flatMap((t) => t.pages?.(state.portal) ?? [])));
  return pages;
}

export class TypePages {
  constructor(private readonly state: StateRef) {}

  data() {
    return onePagePer("gongkaiPages", "page");
  }

  render(data: { page: TypePage }): string {
    return data.page.render(this.state.current.ctx);
  }
}
