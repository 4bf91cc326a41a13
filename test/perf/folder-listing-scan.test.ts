/**
 * The manifest's listing of a staging folder taken from the spare folder walks the spare scan's
 * entries by their place in the scan (src/build/cache/folder-listing.ts `subtreeEnds`: each
 * folder's entries follow it), not through a map of every folder: after changes here and there
 * it still gives exactly the folder's files, and reads again only the folders that changed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { listChangedFolders, SETTLED_MS, subtreeEnds } from "../../src/build/cache/folder-listing.ts";
import type { SpareListing } from "../../src/build/cache/spare-scan.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { settle, write } from "../helpers/settled-tree.ts";

const WORKER = new URL("../../src/build/cache/spare-scan-worker.mjs", import.meta.url);

/** The spare scan's listing of `root`, made by its own worker. */
function scan(root: string, from?: string): Promise<SpareListing> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { root, from, partial: `${root}.partial`, marker: "none", settledMs: SETTLED_MS },
    });
    worker.once("message", (listing: SpareListing) => {
      void worker.terminate();
      resolve(listing);
    });
    worker.once("error", reject);
  });
}

test("the changed-folder listing from the scan's order", async (t) => {
  const base = mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "folder-listing-"));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const root = path.join(base, "out");
  // A wide folder (a column's year: one folder per page), names that sort around "/" ("a-b" <
  // "a/…" < "a0"), nested folders, and files beside folders at every level.
  for (let i = 0; i < 300; i++) write(root, `news/2026/item-${String(i).padStart(3, "0")}/index.html`);
  for (const rel of ["a/index.html", "a-b/index.html", "a0/index.html", "a/x/y/z/index.html", "a/x/f.txt"])
    write(root, rel);
  write(root, "index.html");
  settle(root);
  const listing = await scan(root);

  await t.test("each folder's entries run from it to its end", () => {
    const ends = subtreeEnds(listing);
    const { paths, kinds } = listing;
    for (let i = 0; i < paths.length; i++) {
      if (kinds[i] !== 1) {
        assert.equal(ends[i], 0, paths[i]);
        continue;
      }
      const inside = paths.flatMap((rel, j) => (rel.startsWith(`${paths[i]}/`) ? [j] : []));
      const last = inside.length ? inside[inside.length - 1] : i;
      assert.equal(ends[i], last + 1, paths[i]);
      assert.deepEqual(
        inside,
        Array.from({ length: last - i }, (_, k) => i + 1 + k),
        paths[i],
      );
    }
  });

  await t.test("the scan gives each folder's end itself, as subtreeEnds works it out", async () => {
    assert.ok(listing.ends, "the scan's own ends");
    assert.deepEqual(Array.from(listing.ends), Array.from(subtreeEnds(listing)));
    // The scan that makes the spare folder from a published output (hard links) gives them too.
    const copy = await scan(path.join(base, "copied"), root);
    assert.ok(copy.ends, "the copy's own ends");
    assert.deepEqual(Array.from(copy.ends), Array.from(subtreeEnds(copy)));
    // (It links only files with another link, blobs': none here, so it lists the folders alone.)
    assert.equal(
      copy.kinds.filter((kind) => kind === 1).length,
      listing.kinds.filter((kind) => kind === 1).length,
    );
    // Without them (a listing from elsewhere), the same files.
    const timeless = (result: ReturnType<typeof listChangedFolders>) => ({
      ...result,
      current: { ...result.current, started: 0 },
    });
    assert.deepEqual(
      timeless(listChangedFolders(root, { ...listing, ends: undefined })),
      timeless(listChangedFolders(root, listing)),
    );
  });

  await t.test("nothing changed: every folder from the scan, the same files", () => {
    const result = listChangedFolders(root, listing);
    assert.deepEqual(result.files, outputFiles(root));
    assert.equal(result.read, 1, "only the root, which the scan does not stat");
    assert.equal(result.trusted, listing.kinds.filter((kind) => kind === 1).length);
  });

  await t.test("a file added, a folder removed, a new folder: those read again", () => {
    write(root, "news/2026/item-150/extra.txt");
    rmSync(path.join(root, "news/2026/item-151"), { recursive: true });
    write(root, "news/2026/item-new/deeper/index.html");
    write(root, "a/x/y/z/more.html");
    const result = listChangedFolders(root, listing);
    assert.deepEqual(result.files, outputFiles(root));
    // root, news/2026, its item-150 and the new folders (2), z: the rest from the scan.
    assert.equal(result.read, 6);
    assert.equal(result.trusted, listing.kinds.filter((kind) => kind === 1).length - 1 - 3);
    const skipped = listChangedFolders(root, listing, new Set(["news"]));
    assert.deepEqual(skipped.files, outputFiles(root, new Set(["news"])));
  });
});
