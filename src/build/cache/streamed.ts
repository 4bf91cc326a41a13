/**
 * The streamed pages (detail and list pages) with the build cache: a page whose key (build
 * fingerprint, template, URL, digest of its item) and whose traced reads are as in the cached
 * build is hard-linked from the cache (or left where the previous output had it, spare.ts);
 * every other page is rendered, written and stored.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { PageSource } from "../../eleventy/page-source.ts";
import { eventLoopTurns, streamedPages } from "../streamed-pages.ts";
import { outputFileOf } from "../../eleventy/site-outputs.ts";
import { hashText, Untraceable } from "./digest.ts";
import type { CacheSession } from "./session.ts";
import { sha256Of } from "./store.ts";

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
 * `path.join(outDir, file)` by concatenation where that gives the same path (a normalized file
 * under a normalized folder, as the spare folder's listing names them): join normalizes every
 * path it makes, ~80k a build.
 */
function joinUnder(outDir: string): (file: string) => string {
  if (path.sep !== "/" || path.normalize(outDir) !== outDir || outDir.endsWith("/"))
    return (file) => path.join(outDir, file);
  const prefix = `${outDir}/`;
  return (file) =>
    file.startsWith("/") || file.startsWith(".") || file.includes("//") || file.includes("/.")
      ? path.join(outDir, file)
      : prefix + file;
}

export async function writeStreamedPagesCached(
  session: CacheSession,
  sources: readonly PageSource[],
  outDir: string,
): Promise<number> {
  const { state, cache, digests, tracer, known, report } = session;
  const pages = streamedPages(state, sources);
  const turn = eventLoopTurns();
  const join = joinUnder(outDir);
  await tracer.during(async () => {
    for (const page of pages) {
      // Awaited only when the loop yields: an await per page is a microtask hop for ~80k pages.
      const yielded = turn();
      if (yielded) await yielded;
      const file = outputFileOf(page.url);
      const dest = join(file);
      let key: string | undefined;
      try {
        key = pageKey(session.fingerprint, page.template, page.url, digests.unhashed(page.item));
      } catch (err) {
        if (!(err instanceof Untraceable)) throw err;
        if (DEBUG) console.error(`build cache: ${page.url}: ${err.message}`);
      }
      const row = key === undefined ? undefined : cache.pageRow(file);
      if (
        row !== undefined &&
        cache.rowKey(row) === key &&
        tracer.unchanged(cache.readsOf(row)) &&
        cache.place(cache.rowSha256(row), dest)
      ) {
        cache.keepPage(file, row);
        known.set(file, cache.rowSha256(row));
        report.reused++;
        continue;
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
      const { result: html, deps } = await tracer.trace(() => page.render());
      const sha256 = sha256Of(html);
      // Same bytes as the previous output's file (a page rendered every time): kept as it is.
      // Bytes the cache holds already (a page after a change of code that did not change it) are
      // placed from their blob, which keeps its inode: the output before last, its links, stays
      // usable as the next staging folder instead of every file being removed and written again.
      if (!cache.claim(dest, sha256) && !(cache.knows(sha256) && cache.place(sha256, dest))) {
        cache.folder(path.dirname(dest));
        writeFileSync(dest, html);
      }
      known.set(file, sha256);
      report.rendered++;
      if (key === undefined || deps === undefined) {
        report.uncomparable++;
        continue;
      }
      cache.store(dest, sha256);
      cache.setPage(file, { key, sha256, deps });
    }
  });
  return pages.length;
}
