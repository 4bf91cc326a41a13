/**
 * Parts of the page shell that are the same on many pages (the header of a section, the footer
 * around its 找错 link), made once per build state instead of once per page: at 10k items they
 * were ~15 % of rendering. For a portal the build registered as its own, and while the build
 * cache traces what pages read (src/build/cache/trace.ts: the layouts see a proxy of the portal)
 * with the reads of the part's making noted again for each page, so every page's trace stays whole.
 */
import type { LayoutContext } from "./context.ts";
import type { Html } from "../html/html.ts";
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

/** Per layout context and portal: per kind of row, each record's row. */
const rowsMade = new WeakMap<LayoutContext, { portal: object; kinds: Map<string, WeakMap<object, Html>> }>();

/**
 * The rows of `records` in a list (layouts/parts/rows.ts, a type's `listRows`), each made by
 * `make(ctx, record)` once per layout context, portal, kind and record, then the same row on every
 * list page that shows the record (at 10k items ~84k plain rows and ~21k policy rows were made for
 * 10k records, each again on every list it is in: half of a list page's render). `make` must
 * depend on nothing else. Only for a portal the build registered (`shareParts`): while the build
 * cache traces what pages read, the layouts see a proxy of the portal and every page makes its
 * rows, so each page's trace stays whole. One lookup per row: the kind's rows are found per list.
 */
export function sharedRows<R extends object>(
  ctx: LayoutContext,
  kind: string,
  records: readonly R[],
  make: (ctx: LayoutContext, record: R) => Html,
): Html[] {
  let made: WeakMap<object, Html> | undefined;
  if (plain.has(ctx.portal)) {
    let entry = rowsMade.get(ctx);
    if (entry?.portal !== ctx.portal) rowsMade.set(ctx, (entry = { portal: ctx.portal, kinds: new Map() }));
    made = entry.kinds.get(kind);
    if (!made) entry.kinds.set(kind, (made = new WeakMap<object, Html>()));
  }
  const rows = new Array<Html>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    let row = made?.get(record);
    if (row === undefined) {
      row = make(ctx, record);
      made?.set(record, row);
    }
    rows[i] = row;
  }
  return rows;
}
