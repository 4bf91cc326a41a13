/**
 * The spare scan's worker lists the staging folder for the manifest once it posted its listing
 * (src/build/cache/folder-lister.ts `FolderLister`, changed-folders.mjs): the same files and the
 * same listing to keep as the main thread's walk gives, and every change made after the scan is
 * seen (a file added, removed or renamed in a folder, a folder added or removed, an entry that
 * changed its kind), whichever thread lists it. The record it then writes of what it listed is
 * the one the main thread would write (spare-records.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { folderListingOf, listChangedFolders, SETTLED_MS } from "../../src/build/cache/folder-listing.ts";
import { FolderLister, SpareScan, type SpareListing } from "../../src/build/cache/spare-scan.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { encodeRecord, joinListings } from "../../src/build/cache/spare-record.mjs";
import { settle, write } from "../helpers/settled-tree.ts";

const WORKER = new URL("../../src/build/cache/spare-scan-worker.mjs", import.meta.url);

/** The spare scan's listing of `root` and its worker, kept as the build keeps it. */
function scan(root: string): Promise<{ listing: SpareListing; lister: FolderLister }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { root, partial: `${root}.partial`, marker: "none", settledMs: SETTLED_MS },
    });
    worker.once("message", (listing: SpareListing) => resolve({ listing, lister: new FolderLister(worker) }));
    worker.once("error", reject);
  });
}

test("the spare scan's worker lists the staging folder as the main thread does", async (t) => {
  const base = mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "folder-lister-"));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const spare = path.join(base, "spare");
  for (let i = 0; i < 200; i++) write(spare, `news/2026/item-${String(i).padStart(3, "0")}/index.html`);
  for (const rel of ["a/index.html", "a-b/index.html", "a0/index.html", "a/x/y/z/index.html", "a/x/f.txt"])
    write(spare, rel);
  write(spare, "pagefind/index.json");
  write(spare, "index.html");
  settle(spare);
  const { listing, lister } = await scan(spare);
  t.after(() => lister.close());
  // The build renames the spare folder into its staging folder before it lists it.
  const root = path.join(base, "staging");
  renameSync(spare, root);
  /** Both threads' listings of `root`, which must agree (but for the clock each started at). */
  const both = async (skip?: ReadonlySet<string>) => {
    const here = listChangedFolders(root, listing, skip);
    const there = folderListingOf(listing, await lister.list(root, skip));
    const timeless = (result: typeof here) => ({ ...result, current: { ...result.current, started: 0 } });
    assert.deepEqual(timeless(there), timeless(here));
    return there;
  };

  await t.test("nothing changed: every folder from the scan", async () => {
    const result = await both();
    assert.deepEqual(result.files, outputFiles(root));
    assert.equal(result.read, 1, "only the root");
  });

  await t.test("changes after the scan are all seen, by either thread", async () => {
    write(root, "news/2026/item-010/extra.txt");
    rmSync(path.join(root, "news/2026/item-011/index.html"));
    renameSync(
      path.join(root, "news/2026/item-012/index.html"),
      path.join(root, "news/2026/item-012/moved.html"),
    );
    rmSync(path.join(root, "news/2026/item-013"), { recursive: true });
    write(root, "news/2026/item-new/deeper/index.html");
    // A file where the scan had a folder, a folder where it had a file, a symbolic link.
    rmSync(path.join(root, "a/x/y"), { recursive: true });
    write(root, "a/x/y", "now a file");
    rmSync(path.join(root, "a/x/f.txt"));
    write(root, "a/x/f.txt/index.html");
    symlinkSync("../index.html", path.join(root, "a0/link.html"));
    const result = await both();
    assert.deepEqual(result.files, outputFiles(root));
    const skipped = await both(new Set(["news"]));
    assert.deepEqual(skipped.files, outputFiles(root, new Set(["news"])));
    // Only what was skipped: the search index's folder, as the manifest's last part lists it.
    const rest = await both(new Set(readdirSync(root).filter((name) => name !== "pagefind")));
    assert.deepEqual(rest.files, ["pagefind/index.json"]);
  });

  await t.test("a worker that is gone: the listing is refused, not made up", async () => {
    lister.close();
    await assert.rejects(lister.list(root));
  });

  await t.test("the record the worker writes of the parts it listed is the main thread's", async () => {
    const spare2 = path.join(base, "spare2");
    for (let i = 0; i < 50; i++) write(spare2, `news/item-${i}/index.html`);
    write(spare2, "pagefind/index.json");
    write(spare2, "index.html");
    settle(spare2);
    const second = await scan(spare2);
    t.after(() => second.lister.close());
    const staging = path.join(base, "staging2");
    renameSync(spare2, staging);
    write(staging, "news/item-3/extra.html");
    // As the manifest lists it: all but the search index's folder, then that folder.
    const early = folderListingOf(second.listing, await second.lister.list(staging, new Set(["pagefind"])));
    const rest = new Set(readdirSync(staging).filter((name) => name !== "pagefind"));
    const last = folderListingOf(second.listing, await second.lister.list(staging, rest));
    const ino = lstatSync(staging).ino;
    const file = path.join(base, "record.v1");
    assert.equal(second.lister.writeRecord(file, ino).wait(), true);
    assert.deepEqual(readFileSync(file), encodeRecord(joinListings(early.current, last.current), ino));
  });
});

test("a build that fails its checks before or after the spare listing came lets go of the worker and the lock", async (t) => {
  // The worker is kept alive (unreferenced) once it posted its listing; a build that stops before
  // it opens the cache (`abandon`) must still see it end, or its wait never settles (session 30's CI).
  const cacheDir = mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "folder-lister-abandon-"));
  t.after(() => rmSync(cacheDir, { recursive: true, force: true }));
  writeFileSync(path.join(cacheDir, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n");
  for (let i = 0; i < 300; i++) write(path.join(cacheDir, "spare"), `news/item-${i}/index.html`);
  settle(path.join(cacheDir, "spare"));
  for (let round = 0; round < 12; round++) {
    const scan = SpareScan.start(cacheDir);
    assert.ok(scan, `round ${round}: the scan starts`);
    // Rounds stop the scan after its listing was taken, while its listing is posted but not yet
    // taken (this thread blocked meanwhile), or while the worker is still starting or listing.
    if (round % 3 === 0) {
      const listing = await scan.listing;
      assert.equal(listing?.paths.length, 601, `round ${round}: the listing came`);
    } else if (round % 3 === 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    await scan.abandon();
    assert.equal(existsSync(path.join(cacheDir, "lock")), false, `round ${round}: the lock is let go`);
  }
});

test("the main thread takes a share of the folders' checks while the worker lists, and sees what they see", async (t) => {
  const base = mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "folder-lister-shared-"));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const spare = path.join(base, "spare");
  // ~2,400 folders: several chunks for each thread.
  for (let i = 0; i < 1200; i++) write(spare, `news/${i % 7}/item-${String(i).padStart(4, "0")}/index.html`);
  for (let i = 0; i < 1200; i++) write(spare, `docs/item-${i}/index.html`);
  write(spare, "pagefind/index.json");
  write(spare, "index.html");
  settle(spare);
  const worker = new Worker(WORKER, {
    workerData: { root: spare, partial: `${spare}.partial`, marker: "none", settledMs: SETTLED_MS },
  });
  const listing = await new Promise<SpareListing>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  // Given the listing, as the build's spare scan gives it.
  const lister = new FolderLister(worker, listing);
  t.after(() => lister.close());
  const root = path.join(base, "staging");
  renameSync(spare, root);
  const timeless = (result: ReturnType<typeof listChangedFolders>) => ({
    ...result,
    current: { ...result.current, started: 0 },
  });

  const unchanged = folderListingOf(listing, await lister.list(root));
  assert.ok(lister.checkedHere > 0, "this thread checked folders");
  assert.equal(unchanged.read, 1, "only the root");
  assert.deepEqual(timeless(unchanged), timeless(listChangedFolders(root, listing)));

  // Changes in folders across the listing: each thread's chunks must see theirs.
  for (let i = 0; i < 1200; i += 97)
    write(root, `news/${i % 7}/item-${String(i).padStart(4, "0")}/stray.html`);
  for (let i = 5; i < 1200; i += 113) rmSync(path.join(root, `docs/item-${i}`), { recursive: true });
  write(root, "docs/item-1199/deeper/index.html");
  const before = lister.checkedHere;
  const changed = folderListingOf(listing, await lister.list(root));
  assert.ok(lister.checkedHere > before, "this thread checked folders again");
  assert.deepEqual(changed.files, outputFiles(root));
  assert.deepEqual(timeless(changed), timeless(listChangedFolders(root, listing)));
  // Skipped folders are not checked: only the search index's folder is left to list.
  const rest = new Set(readdirSync(root).filter((name) => name !== "pagefind"));
  const last = lister.checkedHere;
  const pagefind = folderListingOf(listing, await lister.list(root, rest));
  assert.deepEqual(pagefind.files, ["pagefind/index.json"]);
  assert.equal(lister.checkedHere, last, "too few folders to share");
});
