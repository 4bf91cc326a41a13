/**
 * The staging folder's listing for the manifest, read again only where a folder changed since the
 * spare scan listed it (folder-listing.ts says why that is safe), with each entry named by its
 * place in the scan's listing: the spare scan's worker (spare-scan-worker.mjs) runs it on the
 * listing it made, so neither the ~81k folders' lstats (~0.6 s of a one-edit build's manifest at
 * 50k items) nor the walk over ~200k entries are the main thread's, and no path crosses between
 * threads but those of entries new since the scan. folder-listing.ts runs it on the main thread
 * when there is no such worker. Plain JavaScript: workers do not inherit tsx's loader.
 */
import { lstatSync, readdirSync } from "node:fs";
import { asListed } from "./spare-record.mjs";

/**
 * Lists `root`, the folder `scan` was made of (renamed since, perhaps, and changed here and
 * there), without the top-level entries named in `skip`.
 * @param {string} root
 * @param {{ paths: readonly string[], kinds: ArrayLike<number>, stats: ArrayLike<number>, ends: ArrayLike<number>, started: number }} scan
 *   the spare scan's listing, with each folder's subtree end
 * @param {ReadonlySet<string> | undefined} skip
 * @param {number} settledMs folder-listing.ts `SETTLED_MS`
 * @param {{ flags: Uint8Array, started: number } | undefined} [checked] the folders' checks made
 *   beforehand (`checkChunk`) and the clock before the first of them
 */
export function listChanged(root, scan, skip, settledMs, checked) {
  const { paths, kinds, stats, ends } = scan;
  const settled = scan.started - settledMs;
  // With checks made beforehand, the clock before the first of them.
  const started = checked?.started ?? Date.now();
  const flags = checked?.flags;
  // Per entry now, in typed arrays grown by doubling (most entries are the scan's, so its length
  // is the usual size): one store per field instead of pushes onto four arrays and a copy of each
  // into a typed array at the end (~30 % of the worker's walk besides its lstats, at 50k items).
  let capacity = paths.length + 64;
  /** Per entry now: its index in the scan, or -(k + 1) for `added[k]` (not in the scan). */
  let from = new Int32Array(capacity);
  let nowKinds = new Uint8Array(capacity);
  let nowStats = new Float64Array(3 * capacity);
  let nowEnds = new Int32Array(capacity);
  /** Per entry now: 1 for a file taken from the scan in a folder unchanged since (not read again). */
  let nowTaken = new Uint8Array(capacity);
  let count = 0;
  const added = [];
  /** The entries now that are regular files. */
  const files = [];
  const grow = () => {
    capacity *= 2;
    const larger = (array, length) => {
      const copy = new array.constructor(length);
      copy.set(array);
      return copy;
    };
    from = larger(from, capacity);
    nowKinds = larger(nowKinds, capacity);
    nowStats = larger(nowStats, 3 * capacity);
    nowEnds = larger(nowEnds, capacity);
    nowTaken = larger(nowTaken, capacity);
  };
  const note = (at, rel, kind, ino = 0, mtimeMs = 0, ctimeMs = 0) => {
    if (count === capacity) grow();
    from[count] = at === -1 ? -added.push(rel) : at;
    nowKinds[count] = kind;
    if (kind === 1) {
      nowStats[3 * count] = ino;
      nowStats[3 * count + 1] = mtimeMs;
      nowStats[3 * count + 2] = ctimeMs;
    }
    return count++;
  };
  let read = 0;
  let trusted = 0;
  /** The scan's entries directly in the folder whose entries run from `start` to `end`, by path. */
  const entriesIn = (start, end) => {
    const found = new Map();
    for (let j = start; j < end; j = kinds[j] === 1 ? ends[j] : j + 1) found.set(paths[j], j);
    return found;
  };
  /** `at`: the folder's index in the scan (-1: not in it, or the root, which the scan did not stat). */
  /** The folder at `at` in the scan, found as listed there and noted as `entry`: its entries as the scan found them, in its order. */
  const taken = (at, entry) => {
    trusted++;
    const end = ends[at];
    for (let j = at + 1; j < end; j = kinds[j] === 1 ? ends[j] : j + 1)
      if (kinds[j] === 1) visit(paths[j], j);
      else {
        const k = note(j, undefined, kinds[j]);
        if (kinds[j] === 0) {
          files.push(k);
          nowTaken[k] = 1;
        }
      }
    nowEnds[entry] = count;
  };
  const visit = (rel, at) => {
    // Found as listed by a check made beforehand (`checkChunk`, after the same writes): its stat
    // is the scan's.
    if (at !== -1 && flags !== undefined && flags[at] === 1) {
      taken(at, note(at, rel, 1, stats[3 * at], stats[3 * at + 1], stats[3 * at + 2]));
      return;
    }
    const abs = rel === "" ? root : `${root}/${rel}`;
    // Taken before it is read, and noted with it (but for the root, which is no entry).
    const now = rel === "" ? undefined : lstatSync(abs, { throwIfNoEntry: false });
    const entry = now ? note(at, rel, 1, now.ino, now.mtimeMs, now.ctimeMs) : -1;
    if (at !== -1 && now?.isDirectory() && asListed(now, stats, 3 * at, settled)) {
      taken(at, entry);
      return;
    }
    read++;
    // Its entries in the scan, where it was found there: the root's are all entries.
    const scanned =
      rel === "" ? entriesIn(0, paths.length) : at === -1 ? undefined : entriesIn(at + 1, ends[at]);
    for (const dirent of readdirSync(abs, { withFileTypes: true })) {
      if (rel === "" && skip?.has(dirent.name)) continue;
      const child = rel === "" ? dirent.name : `${rel}/${dirent.name}`;
      const was = scanned?.get(child) ?? -1;
      if (dirent.isDirectory()) {
        // A name the scan had as a file or other entry is a new folder.
        visit(child, was !== -1 && kinds[was] === 1 ? was : -1);
        continue;
      }
      const kind = dirent.isFile() ? 0 : 2;
      // A name the scan had as another kind of entry is a new entry.
      const k = note(was !== -1 && kinds[was] === kind ? was : -1, child, kind);
      if (kind === 0) files.push(k);
    }
    if (entry !== -1) nowEnds[entry] = count;
  };
  visit("", -1);
  const pathOf = (k) => (from[k] >= 0 ? paths[from[k]] : added[-from[k] - 1]);
  // Default order: UTF-16 code units, as outputFiles sorts.
  files.sort((a, b) => {
    const x = pathOf(a);
    const y = pathOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  // Copies of the used part: the result is sent by structured clone, which copies whole buffers.
  return {
    from: from.slice(0, count),
    added,
    kinds: nowKinds.slice(0, count),
    stats: nowStats.slice(0, 3 * count),
    ends: nowEnds.slice(0, count),
    started,
    files: Int32Array.from(files),
    taken: nowTaken.slice(0, count),
    read,
    trusted,
  };
}

/** Folders a thread checks per turn (`checkChunk`): ~1 ms of lstats. */
export const CHUNK = 256;

/**
 * The scan's folders to check for a listing without the top-level entries named in `skip`: their
 * places in the scan, in a shared buffer both threads read (folders below a skipped one are
 * never visited, so their lstats would be wasted: the manifest's last part skips all but the
 * search index's folder).
 * @param {{ paths: readonly string[], kinds: ArrayLike<number>, ends: ArrayLike<number> }} scan
 * @param {ReadonlySet<string> | undefined} skip
 * @returns {Int32Array}
 */
export function foldersToCheck(scan, skip) {
  const { paths, kinds, ends } = scan;
  const places = [];
  for (let j = 0; j < paths.length; j = kinds[j] === 1 ? ends[j] : j + 1) {
    if (kinds[j] !== 1 || skip?.has(paths[j])) continue;
    for (let i = j; i < ends[j]; i++) if (kinds[i] === 1) places.push(i);
  }
  const todo = new Int32Array(new SharedArrayBuffer(4 * places.length));
  todo.set(places);
  return todo;
}

/**
 * Checks the folders of chunk `chunk` of `todo` (foldersToCheck) as `listChanged` would, now:
 * sets `flags[at]` to 1 for a folder found as the scan listed it and settled, 2 for any other;
 * then counts the chunk done in `counters[1]`. The manifest's folder check split between the
 * spare scan's worker and the main thread, which would otherwise wait for it (~81k lstats at
 * 50k items, kernel time): each takes the next chunk from `counters[0]` until none is left.
 * Every flag comes from an lstat taken after the request, so after the same writes as the
 * worker's own; a folder whose flag is not 1 when `listChanged` visits it is lstat'ed there.
 * False when there was no such chunk.
 * @param {string} root
 * @param {{ paths: readonly string[], stats: ArrayLike<number>, started: number }} scan
 * @param {{ todo: Int32Array, flags: Uint8Array, counters: Int32Array }} help
 * @param {number} settledMs
 * @param {number} chunk
 */
export function checkChunk(root, scan, help, settledMs, chunk) {
  const { todo, flags, counters } = help;
  const start = chunk * CHUNK;
  if (start >= todo.length) return false;
  const { paths, stats } = scan;
  const settled = scan.started - settledMs;
  const end = Math.min(todo.length, start + CHUNK);
  for (let t = start; t < end; t++) {
    const at = todo[t];
    let found = false;
    try {
      const now = lstatSync(`${root}/${paths[at]}`, { throwIfNoEntry: false });
      found = now !== undefined && now.isDirectory() && asListed(now, stats, 3 * at, settled);
    } catch {
      // Read again by listChanged.
    }
    flags[at] = found ? 1 : 2;
  }
  Atomics.add(counters, 1, 1);
  Atomics.notify(counters, 1);
  return true;
}

/** The number of chunks of `todo`. */
export const chunksOf = (todo) => Math.ceil(todo.length / CHUNK);
