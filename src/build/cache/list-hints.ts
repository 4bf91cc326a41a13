/**
 * A list page's hint: a short text that is the same as the previous build's only when the page's
 * key would be. A list page's key writes out its data (a dozen fields, its ~20 records by their
 * digest) and hashes it: at 50k items ~30k list, organ and audit pages, most of a one-edit
 * render's reuse check. A page `paginate` cut from a list (src/pages/list-origin.ts) is a
 * function of that list's spec, the page size, its number, the page count, the list's length and
 * its own slice of the list: the spec is written out once for all its pages, and the hint is the
 * hash of that with the page's slice by its records' digests. A page whose hint is as it was keeps
 * its cached key without its own being computed: a hint only ever skips a key that is the same.
 * An edit of one record changes the hint of the one page of each list that shows it; the other
 * pages of those lists keep theirs (a hint of the whole list made every page of every list the
 * record is in compute its key: at 50k items ~3,900 keys, ~0.3 s, after one news title edit). A
 * record added or removed shifts the pages after it, which change their slice and their key.
 */
import { listOriginOf, type ListOrigin } from "../../pages/list-origin.ts";
import type { ListPageData } from "../../view/list-data.ts";
import { hashText, hasInputs, Untraceable, type Digests } from "./digest.ts";

export class ListHints {
  /** Each list's spec and shape digested (null: it cannot be compared), once per build. */
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
    // The page as `paginate` made it: its own fields the spec's, its items its slice of the list.
    const origin = listOriginOf(list);
    if (origin === undefined) return undefined;
    const spec = this.specDigest(origin);
    if (spec === null) return undefined;
    const page = list as ListPageData;
    try {
      const own = `${spec}\0${page.pageNumber}\0${page.pageCount}\0${page.total}\0${this.digests.elements(page.items)}`;
      return `${template} ${kind}${page.pageNumber} ${hashText(own)}`;
    } catch (err) {
      if (!(err instanceof Untraceable)) throw err;
      return undefined;
    }
  }

  private specDigest(origin: ListOrigin): string | null {
    let digest = this.ofList.get(origin);
    if (digest === undefined) {
      try {
        const { spec, specKeys, pageSize, keyCount } = origin;
        // The keys each page took from the spec too: a key the spec gained since is in its text only.
        const shape = `${JSON.stringify(specKeys)}\0${pageSize}\0${keyCount}`;
        digest = hashText(`${this.digests.part(spec)}\0${shape}`);
      } catch (err) {
        if (!(err instanceof Untraceable)) throw err;
        digest = null;
      }
      this.ofList.set(origin, digest);
    }
    return digest;
  }
}
