/**
 * A search shard proven to be as the cached build keyed it, without keying it again. Keying a
 * shard (search-shards.ts `key`) looks up every page's HTML in the build's map of output files:
 * at 50k items ~50k lookups in a map of ~130k, the step's largest part in a build with no change.
 *
 * What the key holds of a detail page is its record's digest (which holds its URL, title and
 * date) and its HTML's. The cached build kept, per shard place, the key it used and its pages'
 * record digests in order (`#proof`, a blob); a page's HTML is as then when this build's page
 * render placed it from the cache (it is not in `session.rendered`), provided the cache's pages
 * are those of the build that kept the proof: the render notes its build (session.ts
 * `rendersDone`), and a proof of another build (one that rendered but did not index, a cache of
 * other code) is not used. A shard with a topic page, a page missing, added or moved, a record
 * changed or a page rendered anew is keyed as before.
 */
import { outputFileOf } from "../../eleventy/site-outputs.ts";
import { RENDER_NOTE, type CacheSession } from "./session.ts";
import { readJoinedBlob, storeJoinedBlob } from "./joined-blob.ts";

export interface ShardPage {
  url: string;
  title: string;
  date: string;
  topic?: string;
  record?: object;
  /** True when `title` is its record's `fields.title` by construction (a detail page: search-pages.ts). */
  titleOfRecord?: boolean;
}

/** In the joined files: the proofs of the build that wrote them, a blob only. */
const PROOF = "#proof";

/** A record's digest (digest.ts `hashText`: SHA-1 in base64url). */
const DIGEST_LENGTH = 27;

interface Proofs {
  /** The build that kept them (its page render's note). */
  build: string;
  fingerprint: string;
  /** Per shard place: its key and its pages' record digests, one after the other. */
  shards: Record<string, [key: string, digests: string]>;
}

/**
 * A detail page: no topic, and its URL, title and date are the very strings of its record (the
 * same values, compared as such), so the record's digest stands for them in the shard's key. A
 * page whose title is its record's by construction is not asked for it: the record's `fields`
 * stay unread (~47k records in a build after one edit at 50k items).
 */
export function ownPage(record: object, page: ShardPage): boolean {
  const r = record as { url?: unknown; dateText?: unknown; fields?: { title?: unknown } };
  return (
    page.topic === undefined &&
    r.url === page.url &&
    r.dateText === page.date &&
    (page.titleOfRecord === true || r.fields?.title === page.title)
  );
}

const INDEX = "index.html";

/**
 * Is a URL's output file (`outputFileOf`) one of `files`? For a URL of one leading `/` and no `%`
 * the file is the URL without its `/` (`index.html` after a trailing `/`), so the URLs of the
 * files are made once and such a URL is looked up as it is, not its file made (~50k strings at
 * 50k items every build after an edit, for a few hundred files); any other URL by its file.
 */
export function inFiles(files: ReadonlySet<string>): (url: string) => boolean {
  const urls = new Set<string>();
  for (const file of files) {
    urls.add(`/${file}`);
    if (file === INDEX || file.endsWith(`/${INDEX}`)) urls.add(`/${file.slice(0, -INDEX.length)}`);
  }
  return (url) =>
    url.charCodeAt(0) === 47 && url.charCodeAt(1) !== 47 && !url.includes("%")
      ? urls.has(url)
      : files.has(outputFileOf(url));
}

const isShard = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string";

export class ShardProofs {
  private before: Proofs | undefined | null = null;
  private readonly next: Proofs;
  /** The cached build's proofs of the shards proven this build (by place): kept as they are. */
  private readonly proven = new Map<string, [key: string, digests: string]>();
  /** Is a URL's page one rendered anew (`inFiles`), made once a build rendered any. */
  private renderedUrl?: (url: string) => boolean;

  constructor(private readonly session: CacheSession) {
    this.next = { build: session.id, fingerprint: session.fingerprint, shards: {} };
  }

  /** The cached build's proofs when they are of this code and of the build the cache's pages are from. */
  private previous(): Proofs | undefined {
    if (this.before !== null) return this.before;
    const { cache, fingerprint } = this.session;
    const proofs = readJoinedBlob<Proofs>(cache, PROOF);
    const ok =
      proofs?.fingerprint === fingerprint &&
      typeof proofs.build === "string" &&
      cache.note(RENDER_NOTE)?.[0] === proofs.build &&
      typeof proofs.shards === "object" &&
      proofs.shards !== null;
    return (this.before = ok ? (proofs as Proofs) : undefined);
  }

  /**
   * Are the cache's shards from the build its pages are from? Else (a build with the cache that
   * did not index kept the shards of the build before) a page placed as the cache's is not
   * known to be as the cached shard indexed it (search-texts.ts).
   */
  fromPagesBuild(): boolean {
    return this.previous() !== undefined;
  }

  /** The key the cached build gave the shard at `place` when these pages are proven as then; else undefined. */
  provenKey(place: string, pages: readonly ShardPage[]): string | undefined {
    const shard = this.previous()?.shards[place];
    if (!isShard(shard)) return undefined;
    const [key, digests] = shard;
    if (digests.length !== pages.length * DIGEST_LENGTH) return undefined;
    const { rendered } = this.session;
    const record = this.session.digests;
    // After an edit, the few hundred pages rendered anew; with no change, none (no lookup).
    const renderedUrl = rendered.size > 0 ? (this.renderedUrl ??= inFiles(rendered)) : undefined;
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i];
      if (!page.record || !ownPage(page.record, page)) return undefined;
      const digest = record.record(page.record);
      if (digest.length !== DIGEST_LENGTH || !digests.startsWith(digest, i * DIGEST_LENGTH)) return undefined;
      if (renderedUrl?.(page.url)) return undefined;
    }
    this.session.report.shardsProven = (this.session.report.shardsProven ?? 0) + 1;
    this.proven.set(place, shard);
    return key;
  }

  /** Keeps the proof of the shard at `place` keyed `key` (when each page is a detail page) for the next build. */
  keep(place: string, key: string, pages: readonly ShardPage[]): void {
    // Proven: its pages' digests are those of the cached proof, in order (not made again, ~50k at 50k items).
    const proven = this.proven.get(place);
    if (proven?.[0] === key) {
      this.next.shards[place] = proven;
      return;
    }
    const digests: string[] = [];
    for (const page of pages) {
      if (!page.record || !ownPage(page.record, page)) return;
      const digest = this.session.digests.record(page.record);
      if (digest.length !== DIGEST_LENGTH) return;
      digests.push(digest);
    }
    this.next.shards[place] = [key, digests.join("")];
  }

  /** Stores the proofs kept this build with the joined files. */
  save(): void {
    storeJoinedBlob(this.session.cache, PROOF, this.next);
  }
}
