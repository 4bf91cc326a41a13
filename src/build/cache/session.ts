/**
 * One build's use of the build cache: opened once the state is validated, used by the streamed
 * pages (streamed.ts), the search index (search-shards.ts) and the manifest, saved after the
 * output is published. Steps find it from the state (`sessionOf`), so the build state's shape
 * stays as it is.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { BuildState } from "../../eleventy/state.ts";
import type { SiteParts } from "../outputs.ts";
import { Digests } from "./digest.ts";
import { buildFingerprint } from "./fingerprint.ts";
import { BuildCache } from "./store.ts";
import { OUTPUT_MARKER } from "../output-guard.ts";
import { adoptSpare, spareFolderOf, sweepSpare } from "./spare.ts";
import { Tracer } from "./trace.ts";
import type { SpareListing } from "./spare-scan.ts";
import { folderListingOf, listChangedFolders } from "./folder-listing.ts";
import { KeptListing } from "./spare-records.ts";
import { MediaScan } from "./media-scan.ts";
import { ListMembers } from "./list-members.ts";

/** The note naming the build whose page render the cache's pages are from (`rendersDone`). */
export const RENDER_NOTE = "render";

/** The cache folder `npm run build` uses unless told otherwise (relative to the working folder). */
export const DEFAULT_CACHE_DIR = ".gongkai-cache";

export interface CacheReport {
  /** Pages written from the cache / rendered. */
  reused: number;
  rendered: number;
  /** Of the reused: list pages whose key was not computed, their list as it was (list-hints.ts). */
  keysSkipped?: number;
  /** List pages whose hint's own part was hashed (their list changed, or no cached hint); lists hashed whole. */
  listPagesHashed?: number;
  listsHashed?: number;
  /** Lists whose elements hash was the last build's, not walked (none of their records changed, list-members.ts) / walked. */
  listsSkipped?: number;
  listsWalked?: number;
  /** Records matched with none of the last build's, and the last build's matched with none (record-match.ts). */
  listRecordsChanged?: number;
  /** Lists not walked either: their changed records just where gone ones were (list-members.ts). */
  listsReplaced?: number;
  listRecordsGone?: number;
  /** Arrays whose elements were written out and hashed (lists and the traced parts, each once: digest.ts `elementsHash`). */
  arraysHashed?: number;
  /** Portal arrays the pages read whole whose elements hash was taken from the last build's (traced-arrays.ts). */
  tracedArraysKept?: number;
  /** Of the rendered: pages the render workers wrote (a build that filled an empty cache, streamed.ts). */
  renderedByWorkers?: number;
  /** Of the rendered: pages that cannot be compared between builds (data with functions), rendered every time. */
  uncomparable: number;
  /** Search shards taken from the cache / indexed. */
  shardsReused: number;
  /** Search shards whose key was the cached build's, proven without keying them again (search-proof.ts). */
  shardsProven?: number;
  shardsIndexed: number;
  /**
   * Of the search shards indexed again: those whose grams were patched (only a few pages changed,
   * search-texts.ts), and their pages whose text was read from the HTML again (not the cache).
   */
  shardsPatched?: number;
  searchPagesRead?: number;
  /** Search shards taken from the cache whose share of the filter and date columns was too (search-columns.ts). */
  columnsReused?: number;
  /** 1 when the index's columns (f.gz, o.gz) were placed as the cached build's, its shards' shares as then. */
  columnsKept?: number;
  /** The search index's joined files placed from the cache (same bytes before gzip), when it was built. */
  joinedReused?: number;
  /** Of the joined files' buckets: placed whole (no shard's grams in them changed) / laid out again. */
  bucketsReused?: number;
  bucketsJoined?: number;
  /**
   * Cached shards whose share of each bucket was read to compare with the shard now at their
   * place (its key changed, src/search/changed-buckets.ts): one per shard an edit touched.
   */
  bucketSharesRead?: number;
  /** Of those laid out again: on the index step's worker threads, not the main thread (join-on-lanes.ts). */
  bucketsOffThread?: number;
  /** Of their files: written by the worker that laid them out, in the same message (join-lanes.mjs). */
  joinedWrittenOnLay?: number;
  /**
   * Files of the previous output the staging folder started with (spare.ts): kept in place /
   * removed as no longer output (or changed); undefined when the build started from an empty folder.
   */
  spareKept?: number;
  spareSwept?: number;
  /**
   * Folders of the staging folder the manifest read again (changed since the spare folder was
   * listed, folder-listing.ts) / took from that listing; undefined when it listed them all.
   */
  foldersRead?: number;
  foldersTrusted?: number;
  /**
   * Folders of the spare folder its scan took from the listing kept when it was published
   * (spare-records.ts) / read; undefined when there was no such listing.
   */
  spareFoldersTrusted?: number;
  spareFoldersRead?: number;
  /** Files the manifest listed and described while the search index still ran (its early part). */
  listedEarly?: number;
  /** Files the manifest looked up among the declared outputs (the others: staging-claims.ts `vouched`). */
  declaredLookedUp?: number;
  /** Files of after-render steps placed from the cache, their inputs unchanged (step-files.ts: sitemap.xml). */
  stepFilesPlaced?: number;
  /** Rows of the index's string columns carried over from the previous index's text (column-carry.ts). */
  indexRowsCarried?: number;
  /** Media files placed from their blobs (src/build/cache/media.ts) / read and stored again. */
  mediaReused?: number;
  mediaStored?: number;
  /** Why the cache was not used at all, in Chinese (undefined when it was, or was empty). */
  ignored?: string;
}

export class CacheSession {
  readonly digests: Digests;
  readonly tracer: Tracer;
  /** The last build's lists' members, and this build's (saved with the index). */
  readonly lists: ListMembers;
  /** SHA-256 of the files this build wrote from, or into, the cache: output path → hash. */
  readonly known = new Map<string, string>();
  readonly report: CacheReport;
  /** This build, among the builds that used the cache (search-proof.ts binds its proofs to it). */
  readonly id = randomUUID();
  /** The output files the page render wrote anew (not placed from the cache as they were): page paths. */
  readonly rendered = new Set<string>();
  /** The media sources' lstats, taken on a worker while the pages render (media-scan.ts). */
  mediaScan?: MediaScan;

  constructor(
    readonly state: BuildState,
    readonly cache: BuildCache,
    readonly fingerprint: string,
  ) {
    const records = new Set<object>([
      ...state.portal.records,
      ...state.portal.reports.values(),
      ...state.details,
    ]);
    this.digests = new Digests(records);
    this.lists = new ListMembers(this.digests, records, cache.dir, fingerprint);
    this.tracer = new Tracer(state, this.digests, this.lists);
    this.report = {
      reused: 0,
      rendered: 0,
      uncomparable: 0,
      shardsReused: 0,
      shardsIndexed: 0,
      ignored: cache.ignored,
    };
  }

  /**
   * Once every page went through the cached render (streamed.ts): the next build knows that a
   * page it places from the cache is as this build had it (search-proof.ts).
   */
  rendersDone(): void {
    this.cache.setNote(RENDER_NOTE, [this.id]);
  }

  /** The folder the staging folder is taken from and the published one is kept in (spare.ts). */
  get spare(): string {
    return spareFolderOf(this.cache);
  }

  private staging?: string;
  private listing?: SpareListing;
  /** The staging folder as the manifest listed it, kept for when it is the spare folder. */
  private readonly kept = new KeptListing();

  /** The staging folder is the spare folder renamed: sort its files (spare.ts `adoptSpare`). */
  adopt(staging: string, listing?: SpareListing): void {
    this.staging = staging;
    this.listing = listing;
    this.report.spareKept = adoptSpare(this.cache, staging, [OUTPUT_MARKER], listing);
    if (listing?.recorded) {
      this.report.spareFoldersTrusted = listing.recorded.trusted;
      this.report.spareFoldersRead = listing.recorded.read;
    }
  }

  /**
   * The files of `outDir` when it is the staging folder taken from the listed spare folder (the
   * folders changed since read again, folder-listing.ts), without the top-level entries named
   * in `skip`; undefined otherwise. Listed by the spare scan's worker while this thread answers
   * others (the search index's); on this thread when that worker is gone or fails.
   */
  async outputFiles(outDir: string, skip?: ReadonlySet<string>): Promise<string[] | undefined> {
    const listing = this.listing;
    if (listing === undefined || this.staging === undefined || outDir !== this.staging) return undefined;
    const changed = await listing.lister?.list(outDir, skip).catch(() => undefined);
    const { files, read, trusted, current } = changed
      ? folderListingOf(listing, changed)
      : listChangedFolders(outDir, listing, skip);
    this.report.foldersRead = (this.report.foldersRead ?? 0) + read;
    this.report.foldersTrusted = (this.report.foldersTrusted ?? 0) + trusted;
    this.kept.add(outDir, current, changed !== undefined);
    return files;
  }

  /**
   * The manifest listed the staging folder whole: the spare scan's worker, which listed it,
   * writes its record while the output is published (spare-records.ts `writeAhead`).
   */
  listedWhole(): void {
    this.kept.writeAhead(this.cache.dir, this.listing?.lister);
  }

  /**
   * Before the folder is listed (the manifest) or published: removes the spare files nobody
   * claimed; `except` those in these top-level folders (a step still running writes there).
   */
  sweep(except?: readonly string[]): void {
    if (this.staging === undefined) return;
    this.report.spareSwept = (this.report.spareSwept ?? 0) + sweepSpare(this.cache, this.staging, except);
  }

  /** Writes the index and lets go of the folder (but not of its lock with `keepLock`); the state no longer has a session. */
  save(keepLock = false): void {
    sessions.delete(this.state);
    // Under the lock still. Published now: the spare folder of the build after next (its record
    // written by the spare scan's worker, let go after).
    this.kept.save(this.cache.dir, this.spare);
    this.listing?.lister?.close();
    this.listing = undefined;
    // Before the index (which lets go of the lock): the file is this build's alone, whatever the index.
    this.lists.save();
    const carried = this.cache.save(keepLock);
    if (carried !== undefined) this.report.indexRowsCarried = carried;
  }

  release(): void {
    sessions.delete(this.state);
    this.listing?.lister?.close();
    this.cache.release();
  }
}

const sessions = new WeakMap<BuildState, CacheSession>();

export function sessionOf(state: BuildState): CacheSession | undefined {
  return sessions.get(state);
}

/**
 * Opens the cache for this build; undefined (with the reason printed) when the folder may not be
 * used. Preview builds never use it: their pages show the build's clock (定时发布 badges).
 */
export function openSession(
  state: BuildState,
  parts: SiteParts,
  cacheDir: string,
  configPath?: string,
): CacheSession | undefined {
  if (state.options.includeDrafts) return undefined;
  const fingerprint = buildFingerprint(state, parts, configPath);
  const cache = BuildCache.open(path.resolve(cacheDir), fingerprint);
  if (typeof cache === "string") {
    console.error(cache);
    return undefined;
  }
  const session = new CacheSession(state, cache, fingerprint);
  session.mediaScan = MediaScan.start(state.options.contentDir, state.media);
  sessions.set(state, session);
  return session;
}
