/**
 * The streamed pages (detail and list pages) with the build cache: a page whose key (build
 * fingerprint, template, URL, digest of its item) and whose traced reads are as in the cached
 * build is hard-linked from the cache (or left where the previous output had it, spare.ts);
 * every other page is rendered, written and stored. A build that fills an empty cache has the
 * render workers write the detail pages meanwhile (src/build/parallel/), each sent back with
 * what it read, and stores them as if rendered here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { PageSource } from "../../eleventy/page-source.ts";
import { eventLoopTurns, streamedPages } from "../streamed-pages.ts";
import { outputFileOf, type VirtualPage } from "../../eleventy/site-outputs.ts";
import { encodePage, mainDigest, pageFacts, writtenPagesOf } from "../written-pages.ts";
import type { SharedDetails, WorkerPage } from "../parallel/worker-details.ts";
import { hashText } from "./hash-text.ts";
import { Untraceable } from "./digest.ts";
import type { CacheSession } from "./session.ts";
import type { Dependency } from "./trace.ts";
import { ListHints } from "./list-hints.ts";
import { plainPath } from "./staging-claims.ts";

/** GONGKAI_CACHE_DEBUG=1 prints why each page was rendered instead of reused. */
const DEBUG = process.env.GONGKAI_CACHE_DEBUG === "1";

/**
 * A page's key in the index. A page whose item is a record (every detail page) is keyed by its
 * template, its record's digest and its URL as they are: no hash per page (~50k at 50k items),
 * and the index holds only keys of this fingerprint (store.ts). Any other item's text is hashed
 * with them. The two kinds never meet: a hash has no space.
 */
export function pageKey(fingerprint: string, template: string, url: string, item: string): string {
  return item.startsWith("#")
    ? `${template} ${item} ${url}`
    : hashText(`${fingerprint}\0${template}\0${url}\0${item}`);
}

/**
 * Is `key` what `pageKey` gives a page of `template` at `url` whose item is the record with this
 * digest? Compared in place, so a detail page whose key is the cached one makes no key (~50k
 * strings a build at 50k items, each flattened again to be compared).
 */
export function isRecordKey(key: string, template: string, digest: string, url: string): boolean {
  const t = template.length;
  return (
    key.length === t + digest.length + url.length + 3 &&
    key.startsWith(template) &&
    key.charCodeAt(t) === 32 &&
    key.charCodeAt(t + 1) === 35 &&
    key.startsWith(digest, t + 2) &&
    key.charCodeAt(t + 2 + digest.length) === 32 &&
    key.endsWith(url)
  );
}

/**
 * `path.join(outDir, file)` by concatenation where that gives the same path (a normalized file
 * under a normalized folder, as the spare folder's listing names them): join normalizes every
 * path it makes, ~80k a build.
 */
function joinUnder(outDir: string): (file: string) => string {
  if (path.sep !== "/" || path.normalize(outDir) !== outDir || outDir.endsWith("/"))
    return (file) => path.join(outDir, file);
  const prefix = `${outDir}/`;
  return (file) => (plainPath(file) ? prefix + file : path.join(outDir, file));
}

export async function writeStreamedPagesCached(
  session: CacheSession,
  sources: readonly PageSource[],
  outDir: string,
  shared?: SharedDetails,
): Promise<number> {
  const { state, cache, digests, tracer, known, report, mains } = session;
  const pages = streamedPages(state, sources);
  // What the sitemap and the manifest would otherwise read again of each page rendered here.
  const written = writtenPagesOf(state);
  const join = joinUnder(outDir);
  // The pages' paths are the spare scan's names of their files (staging-claims.ts `place`).
  const byName = cache.isStaging(outDir) && path.normalize(outDir) === outDir;
  const hints = new ListHints(digests, session.lists);
  const keyOf = (page: VirtualPage): string | undefined => {
    try {
      return pageKey(session.fingerprint, page.template, page.url, digests.unhashed(page.item));
    } catch (err) {
      if (!(err instanceof Untraceable)) throw err;
      if (DEBUG) console.error(`build cache: ${page.url}: ${err.message}`);
      return undefined;
    }
  };

  /** The cached row's key when it is this page's, its item a record whose digest is known; else undefined. */
  const sameRecordKey = (row: number, page: VirtualPage): string | undefined => {
    const digest = digests.isRecord(page.item) ? digests.known(page.item) : undefined;
    const cached = cache.rowKey(row);
    return digest !== undefined && isRecordKey(cached, page.template, digest, page.url) ? cached : undefined;
  };

  /** Keeps a page this build wrote (`dest`, with these bytes' SHA-256) as a blob, with its key and reads. */
  const stored = (
    file: string,
    dest: string,
    sha256: string,
    key?: string,
    deps?: Dependency[],
    hint?: string,
  ) => {
    known.set(file, sha256);
    session.rendered.add(file);
    report.rendered++;
    if (key === undefined || deps === undefined) {
      report.uncomparable++;
      return;
    }
    cache.store(dest, sha256);
    cache.setPage(file, { key, sha256, deps, hint });
  };

  const render = async (page: VirtualPage, file: string, dest: string, key?: string, hint?: string) => {
    const { result: html, deps } = await tracer.trace(() => page.render());
    const bytes = encodePage(html);
    const facts = pageFacts(html, bytes);
    const sha256 = facts[0];
    // Same bytes as the previous output's file (a page rendered every time): kept as it is.
    // Bytes the cache holds already (a page after a change of code that did not change it) are
    // placed from their blob, which keeps its inode: the output before last, its links, stays
    // usable as the next staging folder instead of every file being removed and written again.
    if (!cache.claim(dest, sha256) && !(cache.knows(sha256) && cache.place(sha256, dest))) {
      cache.folder(path.dirname(dest));
      writeFileSync(dest, bytes);
    }
    written.set(file, facts);
    // A detail page's `<main>` digest while its text is at hand, for its search shard's key.
    if (digests.isRecord(page.item)) mains.set(sha256, mainDigest(html));
    stored(file, dest, sha256, key, deps, hint);
  };

  // Per list of reads of the cached index, 0 until checked, then 1 unchanged or 2 changed: one
  // typed array read per page instead of a WeakMap lookup (trace.ts `unchanged`) for ~80k pages.
  const readsSame = new Uint8Array(cache.readsCount);
  const unchangedReads = (row: number): boolean => {
    const id = cache.readsIdOf(row);
    if (readsSame[id] === 0) readsSame[id] = tracer.unchanged(cache.readsOf(row)) ? 1 : 2;
    return readsSame[id] === 1;
  };

  // The cached row after the last one found: where the next page's row nearly always is (store.ts `pageRowNear`).
  let nextRow = 0;
  let rowsGuessed = 0;
  /** Reuses the page from the cache when its key and reads are unchanged; else renders it (a promise). */
  const writePage = (page: VirtualPage): Promise<void> | undefined => {
    const file = outputFileOf(page.url);
    const dest = join(file);
    let row = cache.pageRowNear(file, nextRow);
    if (row === nextRow) rowsGuessed++;
    if (row !== undefined) nextRow = row + 1;
    const cachedHint = row === undefined ? undefined : cache.rowHint(row);
    const hint = hints.of(page.template, page.item, cachedHint);
    let key: string | undefined;
    // A list page whose slice is as it was: its key is the cached one (list-hints.ts).
    if (row !== undefined && ListHints.same(hint, cachedHint)) {
      key = cache.rowKey(row);
      report.keysSkipped = (report.keysSkipped ?? 0) + 1;
    } else {
      key = row === undefined ? undefined : sameRecordKey(row, page);
      if (key === undefined) key = keyOf(page);
      if (key === undefined) row = undefined;
    }
    if (
      row !== undefined &&
      cache.rowKey(row) === key &&
      unchangedReads(row) &&
      cache.place(cache.rowSha256(row), dest, byName && plainPath(file) ? file : undefined)
    ) {
      cache.keepPage(file, row, hint);
      known.set(file, cache.rowSha256(row));
      report.reused++;
      return undefined;
    }
    if (DEBUG && row !== undefined)
      console.error(
        `build cache: ${page.url}: ${
          cache.rowKey(row) !== key
            ? "item changed"
            : `reads changed: ${cache
                .readsOf(row)
                .filter(([p, d]) => tracer.digestOf(p) !== d)
                .map(([p]) => p)
                .join(" ")}`
        }`,
      );
    return render(page, file, dest, key, hint);
  };

  // With render workers: the detail pages they wrote, each stored with its reads digested (each
  // list of reads once: most detail pages share a few).
  const details = shared ? pages.filter((page) => page.template === shared.template) : [];
  const depsOf = new Map<string, Dependency[] | undefined>();
  const workerPage: WorkerPage = (index, facts, reads) => {
    const page = details[index];
    const file = outputFileOf(page.url);
    let deps: Dependency[] | undefined;
    if (typeof reads === "string") {
      deps = depsOf.get(reads);
      if (deps === undefined && !depsOf.has(reads))
        depsOf.set(reads, (deps = tracer.depsOf(reads === "" ? [] : reads.split("\n"))));
    }
    written.set(file, facts);
    if (facts[3] !== undefined) mains.set(facts[0], facts[3]);
    stored(file, join(file), facts[0], keyOf(page), deps);
  };

  const turn = eventLoopTurns();
  const writeAll = async (list: readonly VirtualPage[], from = 0, to = list.length) => {
    for (let i = from; i < to; i++) {
      // Awaited only when the loop yields or renders: an await per page is a microtask hop for ~80k pages.
      const yielded = turn();
      if (yielded) {
        await yielded;
        // The workers' pages that arrived meanwhile are stored now, while the workers render
        // more, rather than all at the end with the workers idle.
        shared?.drain(details, workerPage);
      }
      const rendering = writePage(list[i]);
      if (rendering) await rendering;
    }
  };

  await tracer.during(async () => {
    if (!shared) return writeAll(pages);
    await writeAll(pages.filter((page) => page.template !== shared.template));
    for (const [start, end] of shared.batches(details.length)) await writeAll(details, start, end);
    report.renderedByWorkers = await shared.collect(details, workerPage);
  });
  report.listsHashed = hints.listsHashed;
  report.listPagesHashed = hints.pagesHashed;
  report.arraysHashed = digests.arraysHashed;
  report.tracedArraysKept = tracer.arraysKept;
  if (tracer.mapReads) report.mapReadsKept = tracer.mapReads.kept;
  report.listsSkipped = session.lists.skipped;
  report.listsWalked = session.lists.walked;
  report.listRecordsChanged = session.lists.changed;
  report.listsReplaced = session.lists.replaced;
  report.listRecordsGone = session.lists.gone;
  session.rendersDone();
  if (DEBUG) console.error(`build cache: ${rowsGuessed} of ${pages.length} pages' rows found where guessed`);
  return pages.length;
}
