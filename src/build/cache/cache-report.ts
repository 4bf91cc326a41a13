/**
 * What one build did with the build cache (session.ts keeps it as the build runs; the CLI and the
 * benchmark print it). A file of its own: the session's code and this record of its counts are
 * read for different reasons.
 */
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
  /**
   * Reads of the 解读 maps a reused page's check took as they were, proved by the record store's
   * generation (interpretation-reads.ts); undefined when the generation proved nothing.
   */
  mapReadsKept?: number;
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
  /** Pages read to digest their `<main>` for a shard's key: their HTML was not the cached shard's (search-text-keys.ts). */
  searchMainsRead?: number;
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
  /** Of those folders' lstats, the ones the main thread took while the spare scan's worker listed (folder-lister.ts `FolderLister`). */
  foldersCheckedHere?: number;
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
  /** The manifest's lines taken from the blob a file was kept in place as (staging-claims.ts `vouched`). */
  manifestRowsTaken?: number;
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
