/**
 * A cached build keeps the listing of the output it publishes (src/build/cache/spare-records.ts);
 * the build that takes that output as its spare folder, the one after next, reads only the
 * folders changed since (spare-scan-recorded.mjs). Nothing in the spare folder is trusted for it:
 * after files are added, removed, replaced, linked or written in place there by hand, a folder's
 * times set back, or the record damaged, the output still equals a clean build's, entry for entry.
 */
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import assert from "node:assert/strict";
import {
  linkSync,
  lstatSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { outputFiles } from "../../src/build/output-files.ts";
import { recordFileOf } from "../../src/build/cache/spare-records.ts";
import { RECENT_MS } from "../../src/content/record-cache.ts";
import { spareFixture } from "../helpers/spare-fixture.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";

const { root, cacheDir, published, spare, news, build } = await spareFixture("spare-record");

let edits = 0;
/** A new title for the news item each time: every build has something to change. */
function edit(): void {
  const text = readFileSync(news, "utf8");
  writeFileSync(news, text.replace(/^title: (.*)$/m, `title: $1（第${++edits}次修订）`));
}

/** Every entry below `dir` (files, folders, links), relative and sorted. */
const entries = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .map(
      (e) =>
        `${path.relative(dir, path.join(e.parentPath, e.name))}:${e.isFile() ? "f" : e.isDirectory() ? "d" : "o"}`,
    )
    .sort();

/**
 * Pages of the spare folder whose folder holds that page alone and was last changed before `before`
 * by more than the racy window: the record of the spare folder, made later, holds it as settled.
 */
function settledPages(count: number, before: number): string[] {
  const old = before - RECENT_MS;
  return outputFiles(spare)
    .filter((rel) => rel.endsWith("/index.html") && rel.split("/").length === 4)
    .filter((rel) => {
      const dir = path.join(spare, path.dirname(rel));
      return readdirSync(dir).length === 1 && lstatSync(dir).mtimeMs < old;
    })
    .slice(0, count);
}

async function assertClean(what: string): Promise<void> {
  const clean = path.join(root, "clean");
  await build(clean, false);
  assertSameOutput(published, clean, what);
  assert.deepEqual(entries(published), entries(clean), `${what}: same entries`);
  rmSync(clean, { recursive: true, force: true });
}

test("the spare folder listed from its record, whatever was done to it", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  await build(published, true);
  edit();
  // Starts from the fill's spare folder (no record of it): keeps the record of its own output.
  const second = (await build(published, true)).cache!;
  assert.equal(second.spareFoldersTrusted, undefined, "no record of the fill's spare folder");
  // A page's folder given a time in whole seconds, long past, which utimes can set again exactly.
  const timed = outputFiles(spare).find((rel) => rel.startsWith("policies/") && rel.split("/").length === 4)!;
  const past = Math.floor(Date.now() / 1000) - 600;
  utimesSync(path.join(spare, path.dirname(timed)), past, past);
  edit();
  // The second build's folders (the spare folder from now on) must be older than the racy window
  // when the third build records them, or none is settled (settledPages): on an idle machine the
  // builds take less than that window, so wait it out on the clock.
  await sleep(RECENT_MS + 100);
  // Starts from the fill's published output (no record either); the second's becomes the spare.
  const third = Date.now();
  await build(published, true);
  assert.ok(recordFileOf(cacheDir, spare), "a record of the spare folder");

  await t.test("untouched: most folders from the record, the same output as a clean build", async () => {
    edit();
    const report = (await build(published, true)).cache!;
    assert.ok(
      report.spareFoldersTrusted! > 10 * report.spareFoldersRead!,
      `taken ${report.spareFoldersTrusted}, read ${report.spareFoldersRead}`,
    );
    await assertClean("untouched");
  });

  await t.test("files added, removed, replaced, linked and written in place in its folders", async () => {
    const pages = settledPages(7, third).filter((rel) => rel !== timed);
    const [added, removed, replaced, linked, written, symlinked] = pages;
    assert.ok(symlinked, "six pages in folders of their own");
    const at = (rel: string) => path.join(spare, rel);
    writeFileSync(at(path.join(path.dirname(added), "extra.html")), "<p>手工添加</p>");
    rmSync(at(removed));
    writeFileSync(at(`${replaced}.new`), "<p>手工替换</p>");
    renameSync(at(`${replaced}.new`), at(replaced));
    // Another page's blob, linked where that blob does not go.
    linkSync(at(written), at(path.join(path.dirname(linked), "copy.html")));
    // Written in place: the same length, so only its bytes (and times) differ; its blob is that inode.
    const bytes = readFileSync(at(written));
    writeFileSync(at(written), Buffer.alloc(bytes.length, 0x20));
    // An entry added, and the folder's mtime set back to what the record holds: only its ctime tells.
    const folder = at(path.dirname(timed));
    assert.equal(lstatSync(folder).mtimeMs, past * 1000, "the builds since left the folder as it was");
    writeFileSync(path.join(folder, "hidden.html"), "<p>手工添加</p>");
    utimesSync(folder, past, past);
    symlinkSync(at(timed), at(path.join(path.dirname(symlinked), "link.html")));
    edit();
    const report = (await build(published, true)).cache!;
    assert.ok(report.spareFoldersTrusted! > 0, `taken ${report.spareFoldersTrusted}`);
    await assertClean("after changes in the spare folder");
  });

  await t.test("a damaged record is not used", async () => {
    const record = recordFileOf(cacheDir, spare);
    assert.ok(record, "a record of the spare folder");
    const bytes = readFileSync(record);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(record, bytes);
    edit();
    const report = (await build(published, true)).cache!;
    assert.equal(report.spareFoldersTrusted, undefined, "listed without it");
    await assertClean("damaged record");
  });
});
