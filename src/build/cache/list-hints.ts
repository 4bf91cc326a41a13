/**
 * A list page's hint: a short text that is the same as the previous build's only when the page's
 * key would be. A list page's key writes out its data (a dozen fields, its ~20 records by their
 * digest) and hashes it: at 50k items ~30k list, organ and audit pages, most of a one-edit
 * render's reuse check. A page `paginate` cut from a list (src/pages/list-origin.ts) is a
 * function of that list's spec, its whole list and the page size, so the list is written out
 * once for all its pages; a list none of whose records changed, nor its spec, keeps every page's
 * hint, and those pages keep their cached keys without theirs being computed. A list an edit
 * touches (a record in it changed, one came or went) gives every page of it a new hint, and those
 * pages are keyed as before: a hint only ever skips a key that is the same.
 */
import { listOriginOf, type ListOrigin } from "../../pages/list-origin.ts";
import type { ListPageData } from "../../view/list-data.ts";
import { hashText, hasInputs, Untraceable, type Digests } from "./digest.ts";

export class ListHints {
  /** Each list's digest (null: it cannot be compared), computed once per build. */
  private readonly ofList = new WeakMap<ListOrigin, string | null>();

  constructor(private readonly digests: Digests) {}

  /**
   * The hint of a page of `template` with this item, or undefined when it has none (not a page
   * `paginate` made, or changed since; a page declaring one such page as its `inputs`, keyed by
   * its URL and that page, has one too).
   */
  of(template: string, item: unknown): string | undefined {
    // A record is never one: `paginate` made none, and none has a `render`.
    if (typeof item !== "object" || item === null) return undefined;
    let list: object = item;
    let kind = "l";
    if (hasInputs(item)) {
      // Keyed by its URL and its inputs' digests (digest.ts `unhashed`): one list page with its URL.
      if (item.inputs.length !== 1 || typeof item.inputs[0] !== "object" || item.inputs[0] === null)
        return undefined;
      list = item.inputs[0];
      if ((list as ListPageData).url !== item.url) return undefined;
      kind = "i";
    }
    const origin = listOriginOf(list);
    if (origin === undefined) return undefined;
    const digest = this.listDigest(origin);
    return digest === null ? undefined : `${template} ${kind}${(list as ListPageData).pageNumber} ${digest}`;
  }

  private listDigest(origin: ListOrigin): string | null {
    let digest = this.ofList.get(origin);
    if (digest === undefined) {
      try {
        const { spec, specKeys, items, pageSize, keyCount } = origin;
        // The keys each page took from the spec too: a key the spec gained since is in its text only.
        const shape = `${JSON.stringify(specKeys)}\0${pageSize}\0${keyCount}`;
        digest = hashText(`${this.digests.part(spec)}\0${this.digests.elements(items)}\0${shape}`);
      } catch (err) {
        if (!(err instanceof Untraceable)) throw err;
        digest = null;
      }
      this.ofList.set(origin, digest);
    }
    return digest;
  }
}
