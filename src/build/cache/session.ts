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
import { searchFingerprint } from "./search-fingerprint.ts";
import { BuildCache } from "./store.ts";
import { OUTPUT_MARKER } from "../output-guard.ts";
import { adoptSpare, spareFolderOf, sweepSpare } from "./spare.ts";
import { Tracer } from "./trace.ts";
import type { SpareListing } from "./spare-scan.ts";
import { folderListingOf, listChangedFolders } from "./folder-listing.ts";
import { KeptListing } from "./spare-records.ts";
import { MediaScan } from "./media-scan.ts";
import { ListMembers } from "./list-members.ts";
import type { CacheReport } from "./cache-report.ts";
import { sinceOf } from "./generation.ts";
import { GENERATION_NOTE, mapReadsSince } from "./interpretation-reads.ts";

/** The note naming the build whose page render the cache's pages are from (`rendersDone`). */
export const RENDER_NOTE = "render";

/** The cache folder `npm run build` uses unless told otherwise (relative to the working folder). */
export const DEFAULT_CACHE_DIR = ".gongkai-cache";

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
  /**
   * The SHA-256 of the `<main>` of each detail page the render wrote (here or on a worker filling
   * the cache), by the SHA-256 of its HTML: the search shards' keys need not read them back
   * (search-text-keys.ts; every page after a change of look or code, and in a fill).
   */
  readonly mains = new Map<string, string>();
  /** The media sources' lstats, taken on a worker while the pages render (media-scan.ts). */
  mediaScan?: MediaScan;

  constructor(
    readonly state: BuildState,
    readonly cache: BuildCache,
    readonly fingerprint: string,
    /** What the search shards' keys are made under (search-fingerprint.ts). */
    readonly searchFingerprint = fingerprint,
  ) {
    const records = new Set<object>([
      ...state.portal.records,
      ...state.portal.reports.values(),
      ...state.details,
    ]);
    this.digests = new Digests(records);
    this.lists = new ListMembers(this.digests, records, cache.dir, fingerprint);
    const since = sinceOf(state.options.cache);
    const mapReads = mapReadsSince(state.portal, since, cache.note(GENERATION_NOTE));
    this.tracer = new Tracer(state, this.digests, this.lists, mapReads);
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
    if (changed) this.report.foldersCheckedHere = listing.lister?.checkedHere;
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

  /**
   * Writes the index and lets go of the folder (but not of its lock with `keepLock`); the state no
   * longer has a session. `gen`: the record store's generation on disk, when this build's records
   * are that store's (interpretation-reads.ts: the index is stamped with it).
   */
  save(keepLock = false, gen?: string): void {
    sessions.delete(this.state);
    if (gen !== undefined)
      this.cache.setNote(GENERATION_NOTE, [gen, String(this.state.portal.records.length)]);
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
  const search = searchFingerprint(state, parts, configPath);
  const cache = BuildCache.open(path.resolve(cacheDir), fingerprint, search);
  if (typeof cache === "string") {
    console.error(cache);
    return undefined;
  }
  const session = new CacheSession(state, cache, fingerprint, search);
  session.mediaScan = MediaScan.start(state.options.contentDir, state.media);
  sessions.set(state, session);
  return session;
}
