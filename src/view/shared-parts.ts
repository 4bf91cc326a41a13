/**
 * Parts of the page shell that are the same on many pages (the header of a section, the footer
 * around its 找错 link), made once per build state instead of once per page: at 10k items they
 * were ~15 % of rendering. For a portal the build registered as its own, and while the build
 * cache traces what pages read (src/build/cache/trace.ts: the layouts see a proxy of the portal)
 * with the reads of the part's making noted again for each page, so every page's trace stays whole.
 */
import type { LayoutContext } from "./context.ts";
import { PortalMemo, recordingReads } from "../portal/memo-reads.ts";

const plain = new WeakSet<object>();
const parts = new WeakMap<LayoutContext, { portal: object; made: Map<string, unknown> }>();

/** Pages rendered from this portal may share parts (stateOf registers the portals it builds). */
export function shareParts(portal: object): void {
  plain.add(portal);
}

/** While pages are traced: per layout context, per key, the part made with the reads it noted. */
const traced = new WeakMap<LayoutContext, Map<string, PortalMemo<unknown>>>();

/**
 * `make()` once per layout context, portal and key. While the build cache traces pages (the portal
 * a proxy) the part is made once too, and what making it read is noted again for every page that
 * takes it (memo-reads.ts), so each page's trace stays whole; every time when the portal is not
 * registered otherwise.
 */
export function sharedPart<T>(ctx: LayoutContext, key: string, make: () => T): T {
  if (!plain.has(ctx.portal)) {
    if (!recordingReads()) return make();
    let memos = traced.get(ctx);
    if (!memos) traced.set(ctx, (memos = new Map<string, PortalMemo<unknown>>()));
    let memo = memos.get(key);
    if (!memo) memos.set(key, (memo = new PortalMemo()));
    return memo.get(ctx.portal, make) as T;
  }
  let entry = parts.get(ctx);
  if (entry?.portal !== ctx.portal) parts.set(ctx, (entry = { portal: ctx.portal, made: new Map() }));
  if (entry.made.has(key)) return entry.made.get(key) as T;
  const part = make();
  entry.made.set(key, part);
  return part;
}
