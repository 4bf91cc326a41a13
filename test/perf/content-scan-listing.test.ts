/**
 * A build with the record store lists content/ on the content scan's worker thread
 * (src/build/cache/content-scan.ts), with the walk the loader uses, and takes content/media's
 * files and its SVGs' stats from that same walk: the main thread neither walks content/ nor
 * lists content/media again for the media index. What it gives is exactly what the main thread's
 * own listing and media index give, links, strays and hidden files included.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
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
