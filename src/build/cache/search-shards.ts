/**
 * Search shards from the build cache. A shard's key is what its part of the index is made of:
 * the search fingerprint (search-fingerprint.ts), its place (number and first id), and per page
 * the URL, title, date, topic, the record's digest and the SHA-256 of the page's `<main>` (the
 * indexed text is read from it alone: search-text-keys.ts); a detail page by its record's digest
 * and its `<main>`'s only (the record holds its URL, title and date). A shard with
 * the same key is not indexed again: its record and text files (`d/`, `t/`) are placed from the
 * cache and its grams (what gram-shard.mjs returned, kept as a blob that is no output file) are
 * read back for the join, which is redone every build (src/search/index-step.ts).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { outputFileOf } from "../../eleventy/site-outputs.ts";
import type { JoinShard, JoinedFiles, ShardGrams } from "../../search/gram-files.ts";
import { DIGEST_BYTES, shardTotal } from "../../search/gram-buckets.mjs";
import { serializeGrams } from "../../search/gram-blob.mjs";
import { BUCKETS, cachedShard, packBuckets, unpackBuckets } from "./cached-shard.ts";
import { hashText } from "./hash-text.ts";
import type { CacheSession } from "./session.ts";
import { joinedFiles } from "./search-joined.ts";
import { indexPaths, type IndexPaths } from "./index-paths.ts";
import { ownPage, ShardProofs, type ShardPage } from "./search-proof.ts";
import { columnsBlob, columnsOf, COLUMNS } from "./search-columns.ts";
import { HTMLS, TextKeys } from "./search-text-keys.ts";
import type { ColumnsFrom, ColumnsPart } from "../../search/doc-store.ts";

export type { ShardPage } from "./search-proof.ts";

/** The shard's grams in its list of files: a blob only, never placed into the output. */
export const GRAMS = "#grams";
/**
 * What the shard's key holds of each page (JSON, one string a page): a blob only. A page whose
 * string is as then has the record and HTML it had (src/build/cache/search-texts.ts); compared as
 * strings, not digested per page (~50 ms for 4,096 digests under load, a JSON.parse is ~5).
 */
export const PAGES = "#pages";

/**
 * What the shard's key holds of each page, one string a page (kept as PAGES), and each page's HTML
 * digest (kept as HTMLS: the next build finds a page's `<main>` digest by it, search-text-keys.ts).
 */
export interface KeyParts {
  readonly pages: readonly string[];
  readonly htmls: readonly string[];
}

export class SearchShardCache {
  private readonly paths: IndexPaths;
  private readonly texts: TextKeys;
  /** Shards proven as the cached build keyed them, without keying them again (search-proof.ts). */
  readonly proofs: ShardProofs;

  constructor(
    private readonly session: CacheSession,
    /** The output folder the index is in. */
    private readonly outDir: string,
    /** The index's folder. */
    private readonly dir: string,
    /** The folder the pages are in. */
    pagesDir = outDir,
  ) {
    this.paths = indexPaths(outDir, dir, session.cache.isStaging(outDir));
    this.texts = new TextKeys(session, pagesDir);
    this.proofs = new ShardProofs(session);
  }

  /**
   * The shard's key and what it holds of each page, or undefined when a page's HTML is not known
   * (it was not written through the cache).
   */
  key(place: string, pages: readonly ShardPage[]): { key: string; parts: KeyParts } | undefined {
    const { digests, known, searchFingerprint } = this.session;
    const shard = parseInt(place, 10);
    const parts: string[] = [];
    const htmls: string[] = [];
    for (const page of pages) {
      const file = outputFileOf(page.url);
      const html = known.get(file);
      const main = html === undefined ? undefined : this.texts.of(shard, file, html);
      if (html === undefined || main === undefined) return undefined;
      htmls.push(html);
      const { record } = page;
      if (record && ownPage(record, page)) {
        // Its URL, title and date are its record's, which the record's digest holds (digest.ts
        // digests the whole record): ~50k short one-byte strings, not the titles again.
        parts.push(`#${digests.record(record)}|${main}`);
        continue;
      }
      const digest = record ? digests.record(record) : "";
      const { url, title, date, topic = "" } = page;
      // Each text after its length (a title may hold any character), the digests (no `|`) as they are:
      // one template string, not JSON.stringify of an array per page.
      parts.push(
        `${url.length}:${url}${title.length}:${title}${date.length}:${date}${topic.length}:${topic}|${digest}|${main}`,
      );
    }
    return {
      key: hashText(`${searchFingerprint}\n${place}\n${parts.join("\n")}`),
      parts: { pages: parts, htmls },
    };
  }

  /**
   * Places the shard's files into the index folder and returns its grams and files ([path in
   * the index, SHA-256]); undefined when the cache does not hold the shard (or a blob of it is gone).
   */
  restore(key: string): { shard: JoinShard; files: [string, string][]; columns: ColumnsFrom } | undefined {
    const { cache } = this.session;
    const entry = cache.shard(key);
    const gramsSha = entry?.find(([rel]) => rel === GRAMS)?.[1];
    const bucketsSha = entry?.find(([rel]) => rel === BUCKETS)?.[1];
    if (!entry || !gramsSha || !cache.usableBlob(gramsSha)) return undefined;
    const files = entry.filter(([rel]) => !rel.startsWith("#"));
    const placed: string[] = [];
    /** Each file's path in the output folder, made and hashed once for `place` and `known` (`remember`). */
    const names: (string | undefined)[] = [];
    for (const [rel, sha256] of files) {
      const file = this.paths.dest(rel);
      const name = this.paths.name(rel);
      names.push(name);
      if (!this.session.cache.place(sha256, file, name)) {
        // Hard links to blobs: the shard's new indexing must write new files, not into them.
        for (const done of placed) rmSync(done, { force: true });
        return undefined;
      }
      placed.push(file);
    }
    this.remember(key, entry, names);
    this.session.report.shardsReused++;
    // The entry as the new index keeps it: a blob the cached one lacked is added (made again here).
    let current = entry;
    const add = (name: string, sha256: string) => {
      current = [...current.filter(([rel]) => rel !== name), [name, sha256]];
      this.remember(key, current);
    };
    const shard = cachedShard(cache, key, gramsSha, bucketsSha, add, () => this.gone());
    return { shard, files, columns: columnsOf(this.session, entry, add) };
  }

  private gone(): never {
    throw new Error("构建缓存中的搜索分片数据在构建过程中丢失，请删除缓存目录后重新构建。");
  }

  /**
   * Before the index step writes `rel` (a path in the index): true when the previous output's
   * file there already holds these bytes (kept); otherwise it is removed, never written through.
   */
  claim(rel: string, sha256: string): boolean {
    return this.session.cache.claim(path.join(this.dir, rel), sha256);
  }

  /** Places the cached file `sha256` at `rel` (a path in the index), a shard's file made of the same bytes. */
  place(rel: string, sha256: string): void {
    if (!this.session.cache.place(sha256, this.paths.dest(rel), this.paths.name(rel))) this.gone();
  }

  /** Stores what the index step just wrote for the shard (files: [path in the index, SHA-256]) and its grams. */
  keep(
    key: string,
    files: readonly [string, string][],
    grams: ShardGrams,
    buckets: { buckets: number; digests: Uint8Array } | undefined,
    parts: KeyParts,
    columns: ColumnsPart,
    /** The files written anew (the others were placed or claimed: blobs' links already); unset: all. */
    written?: ReadonlySet<string>,
  ): void {
    const { cache } = this.session;
    for (const [rel, sha256] of files)
      if (!written || written.has(rel)) cache.store(path.join(this.dir, rel), sha256);
    const entry: [string, string][] = [...files, [GRAMS, this.gramsBlob(grams)]];
    if (buckets)
      entry.push([BUCKETS, cache.storeBytes(packBuckets({ ...buckets, total: shardTotal(grams) }))]);
    entry.push([PAGES, cache.storeBytes(Buffer.from(JSON.stringify(parts.pages)))]);
    entry.push([HTMLS, cache.storeBytes(Buffer.from(JSON.stringify(parts.htmls)))]);
    entry.push([COLUMNS, cache.storeBytes(columnsBlob(columns))]);
    this.remember(key, entry);
    this.session.report.shardsIndexed++;
  }

  /** The blobs of the grams of shards indexed this build (stored once: for the join's lanes, then kept). */
  private readonly gramsBlobs = new WeakMap<ShardGrams, string>();

  private gramsBlob(grams: ShardGrams): string {
    let sha256 = this.gramsBlobs.get(grams);
    if (sha256 === undefined)
      this.gramsBlobs.set(grams, (sha256 = this.session.cache.storeBytes(serializeGrams(grams))));
    return sha256;
  }

  /** The file of the blob of a shard's grams just indexed (stored now; `keep` lists it with the shard). */
  readonly gramsFile = (grams: ShardGrams): string | undefined =>
    this.session.cache.blobFile(this.gramsBlob(grams));

  /**
   * The joined files (gram-files.ts) from the cache: a file made from the same bytes before gzip
   * as in the cached build is placed, not compressed again (search-joined.ts).
   */
  joined(): JoinedFiles {
    return joinedFiles(this.session, this.outDir, this.dir, this.paths, (key, buckets) =>
      this.sharesOf(key, buckets),
    );
  }

  /** The cached shard `key`'s share of each bucket (its digests), when the cache kept them for `buckets`. */
  private sharesOf(key: string, buckets: number): Uint8Array | undefined {
    const sha256 = this.session.cache.shard(key)?.find(([rel]) => rel === BUCKETS)?.[1];
    const bytes = sha256 === undefined ? undefined : this.session.cache.read(sha256);
    const stored = bytes && bytes.length >= 12 ? unpackBuckets(bytes) : undefined;
    return stored?.buckets === buckets && stored.digests.length === buckets * DIGEST_BYTES
      ? stored.digests
      : undefined;
  }

  /** `names`: of the entry's files (not `#…`) in order, their paths in the output folder when made already. */
  private remember(key: string, entry: [string, string][], names?: readonly (string | undefined)[]): void {
    this.session.cache.setShard(key, entry);
    const prefix = path.relative(this.outDir, this.dir).split(path.sep).join("/");
    let file = 0;
    for (const [rel, sha256] of entry)
      if (!rel.startsWith("#")) this.session.known.set(names?.[file++] ?? `${prefix}/${rel}`, sha256);
  }
}
