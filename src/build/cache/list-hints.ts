/**
 * A list page's hint: a short text that is the same as the previous build's only when the page's
 * key would be. A list page's key writes out its data (a dozen fields, its ~20 records by their
 * digest) and hashes it: at 50k items ~30k list, organ and audit pages, most of a one-edit
 * render's reuse check. A page `paginate` cut from a list (src/pages/list-origin.ts) is a
 * function of that list's spec, the page size, its number, the page count, the list's length and
 * its own slice of the list: the spec is written out once for all its pages, and the hint has
 * the hash of that with the page's slice by its records' digests. A page whose hint is as it was
 * keeps its cached key without its own being computed: a hint only ever skips a key that is the same.
 *
 * The hint also holds the hash of its whole list (spec, shape, page size, page count and every
 * element), made once per list. A page whose list hash is the cached hint's takes the cached
 * hint as it is: its own part is a function of the list and its number, so the same. That spares
 * each page writing out its slice and hashing it (~30k pages at 50k items, ~0.2 s). Only the pages
 * of a list that changed write out their own part, and compare that part alone (`same`): an edit
 * of one record changes the page part of the one page of each list that shows it; the other pages
 * of those lists keep their keys (comparing whole-list hashes alone made every page of every list
 * the record is in compute its key: at 50k items ~3,900 keys, ~0.3 s, after one news title edit).
 * A record added or removed shifts the pages after it, which change their slice and their key.
 * A list that is the last build's with records edited in place (list-members.ts) knows its last
 * hash too: its pages whose slice holds no edited record take their cached own part unwritten
 * (at 50k items ~3,400 pages hashed after one news title edit, of the ~11 lists holding it).
 */
import { listOriginOf, type ListOrigin } from "../../pages/list-origin.ts";
import type { ListPageData } from "../../view/list-data.ts";
import { hashText } from "./hash-text.ts";
import { hasInputs, Untraceable, type Digests } from "./digest.ts";
import type { ListMembers, Replaced } from "./list-members.ts";

/** What each list is written out as for its pages (null: it cannot be compared), once per build. */
interface ListDigest {
  /** The spec and shape, hashed: the head of each page's own part. */
  spec: string;
  /** The whole list hashed with the spec: the middle of each of its pages' hints. */
  list: string;
  /**
   * For a list that is the last build's with places replaced (list-members.ts): the last build's
   * `list`, and the places. A page whose slice holds none of them has the own part it had.
   */
  before?: { list: string; places: readonly number[] };
}

/** The length of a hash `hashText` makes (SHA-1, base64url). */
const HASH = 27;

export class ListHints {
  private readonly ofList = new WeakMap<ListOrigin, ListDigest | null>();
  /** Pages whose own part was written out and hashed (their list changed, or no cached hint to take). */
  pagesHashed = 0;
  /** Lists written out whole (once each). */
  listsHashed = 0;
  /** Pages of a list replaced in places that took their cached own part (their slice as it was). */
  pagesKept = 0;

  /** `members`: the last build's lists (list-members.ts), to take an unchanged list's hash without walking it. */
  constructor(
    private readonly digests: Digests,
    private readonly members?: ListMembers,
  ) {}

  /**
   * The hint of a page of `template` with this item, or undefined when it has none (not a page
   * `paginate` made, or changed since; a page declaring one such page as its `inputs`, keyed by
   * its URL and that page, has one too). `cached` is the cached row's hint ("" for none): when
   * its list part is this list's, it is returned as it is.
   */
  of(template: string, item: unknown, cached = ""): string | undefined {
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
    const digest = this.listDigest(origin);
    if (digest === null) return undefined;
    const page = list as ListPageData;
    const head = `${template} ${kind}${page.pageNumber} ${digest.list} `;
    if (cached.length === head.length + HASH && cached.startsWith(head)) return cached;
    const from = (page.pageNumber - 1) * origin.pageSize;
    const kept = keptOwnPart(
      digest,
      `${template} ${kind}${page.pageNumber}`,
      from,
      from + origin.pageSize,
      cached,
    );
    if (kept !== undefined) {
      this.pagesKept++;
      return head + kept;
    }
    try {
      this.pagesHashed++;
      const own = `${digest.spec}\0${page.pageNumber}\0${page.pageCount}\0${page.total}\0${this.digests.elements(page.items)}`;
      return head + hashText(own);
    } catch (err) {
      if (!(err instanceof Untraceable)) throw err;
      return undefined;
    }
  }

  /**
   * Do these two hints (of `of`, this build's and a cached one) give the same key? Their template,
   * page number and own part agree: the list part may differ (another page of the list changed).
   */
  static same(hint: string | undefined, cached: string | undefined): boolean {
    if (hint === undefined || cached === undefined) return false;
    if (hint === cached) return true;
    const n = hint.length;
    return (
      n > 2 * HASH + 2 &&
      cached.length === n &&
      cached.startsWith(hint.slice(0, n - 2 * HASH - 1)) &&
      cached.endsWith(hint.slice(n - HASH - 1))
    );
  }

  /**
   * The list's elements by their hash: the last build's when the list is known unchanged
   * (list-members.ts; then the array's hash for the pages' traced reads too), else made once per
   * array (the pages' traced reads hash most of these arrays as well).
   */
  private elementsHash(origin: ListOrigin, specHash: string): { hash: string; before?: Replaced } {
    const { items } = origin;
    if (this.members === undefined || !origin.ownFields) return { hash: this.digests.elementsHash(items) };
    // The key holds the spec's hash: a list kept or replaced under it had this spec then too.
    return this.members.elementsHash(
      `${specHash} ${origin.pageSize} ${origin.urls[0]}`,
      items,
      origin.choosers,
    );
  }

  private listDigest(origin: ListOrigin): ListDigest | null {
    let digest = this.ofList.get(origin);
    if (digest === undefined) {
      try {
        const { spec, specKeys, pageSize, keyCount, items, pages } = origin;
        // The keys each page took from the spec too: a key the spec gained since is in its text only.
        const shape = `${JSON.stringify(specKeys)}\0${pageSize}\0${keyCount}`;
        const specHash = hashText(`${this.digests.part(spec)}\0${shape}`);
        this.listsHashed++;
        const { hash, before } = this.elementsHash(origin, specHash);
        const whole = (elements: string) => `${specHash}\0${pages.length}\0${items.length}\0${elements}`;
        digest = { spec: specHash, list: hashText(whole(hash)) };
        // As many items as then (list-members.ts compares the counts): the pages as many too.
        if (before) digest.before = { list: hashText(whole(before.hash)), places: before.places };
      } catch (err) {
        if (!(err instanceof Untraceable)) throw err;
        digest = null;
      }
      this.ofList.set(origin, digest);
    }
    return digest;
  }
}

/**
 * The cached hint's own part, when it is the one this page's would be: the cached hint is of this
 * template and page (`page`, its hint's head) of the list as the last build had it (its list part
 * that list's `before`), and the page's slice (places `from` to `to`) holds none of the places
 * replaced since. Then the spec, the page count, the total and every record of the slice are what
 * they were (the last build's list had these counts, and the spec's hash is in the list's key),
 * so its own part is too: a hint only ever skips a key that is the same. Undefined otherwise.
 */
function keptOwnPart(
  digest: ListDigest,
  page: string,
  from: number,
  to: number,
  cached: string,
): string | undefined {
  const { before } = digest;
  if (before === undefined) return undefined;
  const head = `${page} ${before.list} `;
  if (cached.length !== head.length + HASH || !cached.startsWith(head)) return undefined;
  if (before.places.some((at) => at >= from && at < to)) return undefined;
  return cached.slice(head.length);
}
