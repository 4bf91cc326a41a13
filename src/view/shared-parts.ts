/**
 * Parts of the page shell that are the same on many pages (the header of a section, the footer
 * around its 找错 link), made once per build state instead of once per page: at 10k items they
 * were ~15 % of rendering. Only for a portal the build registered as its own: while the build
 * cache traces what a page reads (src/build/cache/trace.ts) the layouts see a proxy of the
 * portal, which is never registered, so every page reads what it shows and its trace stays whole.
 */
import type { LayoutContext } from "./context.ts";

const plain = new WeakSet<object>();
const parts = new WeakMap<LayoutContext, { portal: object; made: Map<string, unknown> }>();

/** Pages rendered from this portal may share parts (stateOf registers the portals it builds). */
export function shareParts(portal: object): void {
  plain.add(portal);
}

/** `make()` once per layout context, portal and key; every time when the portal is not registered. */
export function sharedPart<T>(ctx: LayoutContext, key: string, make: () => T): T {
  if (!plain.has(ctx.portal)) return make();
  let entry = parts.get(ctx);
  if (entry?.portal !== ctx.portal) parts.set(ctx, (entry = { portal: ctx.portal, made: new Map() }));
  if (entry.made.has(key)) return entry.made.get(key) as T;
  const part = make();
  entry.made.set(key, part);
  return part;
}
