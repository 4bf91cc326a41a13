/**
 * Lists the spare output folder in a worker thread (src/build/cache/spare-scan.ts): every entry
 * below `root` with, for regular files, the inode, size and mtime `lstat` gives, and for
 * folders the inode, mtime and ctime `lstat` gave before the folder was read (so a change made
 * while or after it was read gives it another time: the manifest reads again only those,
 * src/build/cache/folder-listing.ts). Plain JavaScript: workers do not inherit tsx's loader (and
 * start in milliseconds without it).
 *
 * With `from` (the published output, when there is no spare folder: the first build after the
 * one that filled the cache), it makes the spare folder first: `from`'s folders again and its
 * files hard-linked, in `partial`, renamed to `root` once whole. The listing is of the copy.
 *
 * With `record` (the listing the build that published this folder kept, spare-record.mjs), a
 * folder whose inode, mtime and ctime are as recorded, settled before the record was made, is
 * not read: its entries are the recorded ones (an entry added, removed or renamed in it changes
 * both its times). Its files are lstat'ed all the same (a file written in place keeps its folder's
 * times; it is its blob's inode, whose recorded stat the build compares). At 50k items ~81k
 * folders were read, about half of the scan's time. Anything that does not match as recorded
 * (the root, always: renamed since) is read; anything unexpected lists the folder as without one.
 *
 * Once it posted the listing, it stays to list the staging folder made of it for the manifest
 * (changed-folders.mjs): each message `{ root, skip, help? }` is answered with that listing, whose
 * entries are named by their place in this one (folder-lister.ts `FolderLister`; with `help`, the
 * folders' checks are shared with the main thread first); `{ record }`
 * writes the record of the parts it listed (spare-records.ts `writeAhead`).
 */
import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { decodeRecord, encodeRecord, joinListings } from "./spare-record.mjs";
import { walkRecorded } from "./spare-scan-recorded.mjs";
import { checkChunk, chunksOf, listChanged } from "./changed-folders.mjs";

const { root, from, partial, marker, settledMs, record } = workerData;
/** Before any folder's lstat: a folder changed since it was listed has a later time (or the same, when it was changed this soon before). */
const started = Date.now();
/** Paths relative to root, "/"-separated; per file its kind: 0 file, 1 folder, 2 anything else. */
const paths = [];
const kinds = [];
const numbers = [];
/** Per entry: for a folder, the index after its last entry below it (its subtree's end); 0 for others. */
const ends = [];
const walk = (dir, prefix) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    const abs = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      const { ino, mtimeMs, ctimeMs } = lstatSync(abs);
      const at = paths.push(rel) - 1;
      kinds.push(1);
      numbers.push(ino, mtimeMs, ctimeMs);
      ends.push(0);
      walk(abs, `${rel}/`);
      ends[at] = paths.length;
    } else if (entry.isFile()) {
      const { ino, size, mtimeMs } = lstatSync(abs);
      paths.push(rel);
      kinds.push(0);
      numbers.push(ino, size, mtimeMs);
      ends.push(0);
    } else {
      paths.push(rel);
      kinds.push(2);
      numbers.push(0, 0, 0);
      ends.push(0);
    }
  }
};

/**
 * A folder's copy is new, so its times are of now: the manifest would read it again (a change
 * within the clock's tick after the listing could leave them as they were). Its mtime is set
 * back past that window once its entries are made instead: any later change sets the mtime to
 * the clock again, which can never equal it.
 */
const past = (started - 2 * settledMs) / 1000;
const copy = (src, dest, prefix) => {
  mkdirSync(dest);
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    const to = `${dest}/${entry.name}`;
    if (entry.isDirectory()) {
      const at = numbers.length;
      const entryAt = paths.push(rel) - 1;
      kinds.push(1);
      numbers.push(0, 0, 0);
      ends.push(0);
      copy(`${src}/${entry.name}`, to, `${rel}/`);
      ends[entryAt] = paths.length;
      utimesSync(to, past, past);
      const { ino, mtimeMs, ctimeMs } = lstatSync(to);
      numbers[at] = ino;
      numbers[at + 1] = mtimeMs;
      numbers[at + 2] = ctimeMs;
    } else if (entry.isFile() && !(prefix === "" && entry.name === marker)) {
      const from = `${src}/${entry.name}`;
      const { ino, size, mtimeMs, nlink } = lstatSync(from);
      // A file with no other link is no blob's (the build would remove it at once: spare.ts
      // adoptSpare): the sitemap, the manifest, the feeds.
      if (nlink < 2) continue;
      linkSync(from, to);
      paths.push(rel);
      kinds.push(0);
      numbers.push(ino, size, mtimeMs);
      ends.push(0);
    }
    // Anything else (a symbolic link) is no blob: the build would remove it.
  }
};

/** The record of `root`, when there is one of this very folder (its root's inode). */
const recordOf = () => {
  if (record === undefined) return undefined;
  try {
    const rec = decodeRecord(readFileSync(record));
    return rec && rec.rootIno === lstatSync(root).ino ? rec : undefined;
  } catch {
    return undefined;
  }
};

const rec = from === undefined ? recordOf() : undefined;
/** Folders taken from the record / read, when there was one. */
const recordUse = { trusted: 0, read: 0 };
let recorded = false;
if (rec)
  try {
    walkRecorded(root, rec, settledMs, { paths, kinds, numbers, ends }, recordUse);
    recorded = true;
  } catch {
    // Listed again as without a record.
    paths.length = kinds.length = numbers.length = ends.length = 0;
  }
if (recorded) {
  // Listed.
} else if (from === undefined) walk(root, "");
else {
  copy(from, partial, "");
  renameSync(partial, root);
}
const stats = Float64Array.from(numbers);
// Each folder's subtree end, found here in passing: the manifest's check of the folders needs it,
// and working it out there from the paths took ~8 % of its main-thread time at 50k items.
const subtrees = Int32Array.from(ends);
const message = { paths, kinds: Uint8Array.from(kinds), stats, ends: subtrees, started };
if (recorded) message.recorded = recordUse;
parentPort.postMessage(message, [stats.buffer, subtrees.buffer]);

// The listing as posted (its typed arrays went with the message: these are their columns).
const scan = { paths, kinds, stats: numbers, ends, started };
/** The staging folder's parts as listed for the manifest, kept for its record. */
const parts = [];

/**
 * Writes the record of the staging folder as listed in `parts` (spare-records.ts `writeAhead`)
 * to `file`; `flag` (an Int32Array's shared buffer) is set to 1 once it is written whole, 2 when
 * it was not, and the main thread woken.
 */
const writeRecord = ({ file, rootIno, flag }) => {
  let done = 2;
  try {
    const listed = parts
      .map((part) => ({
        paths: Array.from(part.from, (k) => (k >= 0 ? paths[k] : part.added[-k - 1])),
        kinds: part.kinds,
        stats: part.stats,
        ends: part.ends,
        started: part.started,
      }))
      .reduce(joinListings);
    writeFileSync(file, encodeRecord(listed, rootIno));
    done = 1;
  } catch {
    // The main thread writes it.
  }
  const state = new Int32Array(flag);
  Atomics.store(state, 0, done);
  Atomics.notify(state, 0);
};

/** The longest this thread waits for a chunk of checks the main thread holds: its folders are lstat'ed here after that. */
const HELD_MS = 50;

/**
 * The folder checks shared with the main thread (changed-folders.mjs `checkChunk`): chunks taken
 * until none is left, then the main thread's last one waited for (it does a chunk in one go).
 */
const checked = (root, help) => {
  while (checkChunk(root, scan, help, settledMs, Atomics.add(help.counters, 0, 1)));
  const chunks = chunksOf(help.todo);
  const until = Date.now() + HELD_MS;
  for (let done; (done = Atomics.load(help.counters, 1)) < chunks && Date.now() < until;)
    Atomics.wait(help.counters, 1, done, 5);
  return { flags: help.flags, started: help.started };
};

parentPort.on("message", (message) => {
  if (message.record) {
    writeRecord(message.record);
    return;
  }
  let result;
  try {
    result = listChanged(
      message.root,
      scan,
      message.skip && new Set(message.skip),
      settledMs,
      message.help && checked(message.root, message.help),
    );
  } catch (err) {
    parentPort.postMessage({ error: String(err?.message ?? err) });
    return;
  }
  // Copied, not transferred: kept for the record.
  parts.push(result);
  parentPort.postMessage(result);
});
