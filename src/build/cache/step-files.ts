/**
 * Files an after-render step makes from inputs it can name by one text (sitemap.xml: every
 * listed page's URL and last change), with the build cache: when the text is as in the cached
 * build, the step's files are placed from their blobs (in the staging folder taken from the output
 * before last, the very files already there) instead of being made, written and hashed again.
 * At 50k items sitemap.xml sorted and formatted ~60k URLs after every edit, though an edit of an
 * item's text leaves every URL and date as it was.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CacheSession } from "./session.ts";
import { hashText } from "./hash-text.ts";
import { sha256Of } from "./store.ts";

/** The step's note: the files it wrote (their cache entries hold the key). */
const noteOf = (step: string) => `${step} files`;

/**
 * Writes the step's files (output path → text, from `make`), or places them from the cache when
 * `inputs` is the same text as when the cached build made them.
 */
export function writeStepFiles(
  session: CacheSession,
  outDir: string,
  step: string,
  inputs: string,
  make: () => Map<string, string>,
): void {
  const { cache, known, fingerprint } = session;
  const key = hashText(`${fingerprint}\0${step}\0${inputs}`);
  const before = cache.note(noteOf(step));
  if (before?.length && before.every((rel) => cache.page(rel)?.key === key)) {
    const placed: string[] = [];
    for (const rel of before) {
      const { sha256 } = cache.page(rel)!;
      if (!cache.place(sha256, path.join(outDir, rel))) break;
      placed.push(rel);
    }
    if (placed.length === before.length) {
      for (const rel of before) {
        const entry = cache.page(rel)!;
        cache.setPage(rel, entry);
        known.set(rel, entry.sha256);
      }
      cache.setNote(noteOf(step), [...before]);
      session.report.stepFilesPlaced = (session.report.stepFilesPlaced ?? 0) + before.length;
      return;
    }
    // Made anew: the files placed are blobs' hard links, which it must not write into.
    for (const rel of placed) rmSync(path.join(outDir, rel), { force: true });
  }
  const files = make();
  for (const [rel, text] of files) {
    const dest = path.join(outDir, rel);
    const sha256 = sha256Of(text);
    // The previous output's file there (a blob's link) is kept when it holds these bytes, else removed first.
    if (!cache.claim(dest, sha256)) {
      rmSync(dest, { force: true });
      cache.folder(path.dirname(dest));
      writeFileSync(dest, text);
    }
    cache.store(dest, sha256);
    cache.setPage(rel, { key, sha256, deps: [] });
    known.set(rel, sha256);
  }
  cache.setNote(noteOf(step), [...files.keys()]);
}
