/**
 * A build with the record store lists content/ on the content scan's worker thread
 * (src/build/cache/content-scan.ts), with the walk the loader uses, and takes content/media's
 * files and its SVGs' stats from that same walk: the main thread neither walks content/ nor
 * lists content/media again for the media index. What it gives is exactly what the main thread's
 * own listing and media index give, links, strays and hidden files included.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs, { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import os from "node:os";
import path from "node:path";
import { scanContent } from "../../src/build/cache/content-scan.ts";
import { listContentFiles } from "../../src/content/walk.ts";
import { indexMedia } from "../../src/check/media-index.ts";

function write(root: string, rel: string, text = rel): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

test("the scan's listing, media index and stats are the main thread's own", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gongkai-scan-"));
  try {
    const content = path.join(dir, "content");
    for (const rel of ["news/2025/b.md", "news/2025/a.md", "news/z.md", "pages/about.md", ".hidden.md"])
      write(content, rel, `---\ntitle: ${rel}\n---\n`);
    write(content, "news/2025/photo.jpg");
    for (const rel of [
      "media/2025/a.pdf",
      "media/2025/B.pdf",
      "media/2025/b.pdf",
      "media/logo.svg",
      "media/icons/x.SVG",
      "media/.DS_Store",
      "media/.cache/c.pdf",
      "media/2025/.old/d.pdf",
      "media/中文.pdf",
    ])
      write(content, rel);
    symlinkSync("/etc/hostname", path.join(content, "media", "link.pdf"));
    symlinkSync("../pages", path.join(content, "news", "linked"));

    const scanned = await scanContent(content);
    assert.ok(scanned?.media, "content/media came with the listing");
    assert.deepEqual(scanned.listing, listContentFiles(content));
    const own = indexMedia(content);
    const listed = indexMedia(content, scanned.media);
    assert.deepEqual([...listed.files], [...own.files]);
    assert.deepEqual([...listed.byLowerCase], [...own.byLowerCase]);
    assert.deepEqual(listed.problems, own.problems);
    assert.equal(listed.files.size, 6);
    assert.equal(listed.problems.length, 1, "B.pdf and b.pdf differ only in case");
    scanned.listing.files.forEach((f, i) => {
      const { mtimeMs, size, ino } = statSync(f.abs);
      assert.deepEqual(scanned.stat?.(i), { mtimeMs, size, ino });
    });
    for (const url of ["/media/logo.svg", "/media/icons/x.SVG"]) {
      const { mtimeMs, size, ino } = statSync(path.join(content, url.slice(1)));
      assert.deepEqual(scanned.media.stat(url), { mtimeMs, size, ino });
    }
    assert.equal(scanned.media.stat("/media/2025/a.pdf"), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder that cannot be listed gives no scan (the loader lists it and says why)", async () => {
  assert.equal(await scanContent(path.join(os.tmpdir(), "gongkai-no-such-folder", "content")), undefined);
});

test("this thread takes a share of the files' stats once it has the listing, the same stats", async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gongkai-scan-shared-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const content = path.join(dir, "content");
  // Enough files for many chunks: this thread, idle while it waits, gets some of them.
  for (let i = 0; i < 100; i++) mkdirSync(path.join(content, "news", String(i)), { recursive: true });
  for (let i = 0; i < 12_000; i++)
    writeFileSync(path.join(content, "news", String(i % 100), `item-${i}.md`), `---\ntitle: ${i}\n---\n`);
  // The stats this thread takes, counted (the worker has its own copy of node:fs).
  // The function itself, put back as it was (it uses no `this`).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const own = fs.statSync;
  const patched = fs as { statSync: typeof own };
  let here = 0;
  patched.statSync = ((...args: Parameters<typeof own>) => {
    here++;
    return own(...args);
  }) as typeof own;
  syncBuiltinESMExports();
  let scanned: Awaited<ReturnType<typeof scanContent>>;
  try {
    scanned = await scanContent(content);
  } finally {
    patched.statSync = own;
    syncBuiltinESMExports();
  }
  assert.ok(scanned?.stat?.(0), "the scan came with stats");
  assert.ok(scanned);
  const { listing } = scanned;
  assert.equal(listing.files.length, 12_000);
  assert.ok(here > 0, "this thread stat'ed files");
  assert.ok(here < 12_000, "so did the worker");
  listing.files.forEach((f, i) => {
    const { mtimeMs, ctimeMs, size, ino } = statSync(f.abs);
    assert.deepEqual(scanned.stat?.(i), { mtimeMs: Math.max(mtimeMs, ctimeMs), size, ino }, f.rel);
  });
});
