/**
 * The spare scan's walk with a record (spare-scan-worker.mjs, spare-record.mjs): a folder whose
 * inode, mtime and ctime are as recorded, and settled before the record was made (a change within
 * the clock's tick after could leave them as they were, as folder-listing.ts says), is not read:
 * its entries are the recorded ones. Every other folder (the root always: it was renamed since)
 * is read, its folders still matched with the record's by name. Files are lstat'ed either way.
 * Throws when the record disagrees with the folder (a recorded file gone or not a file): the
 * caller then lists the folder without it.
 */
import { lstatSync, readdirSync } from "node:fs";
import { asListed } from "./spare-record.mjs";

/**
 * Lists `root` into `out` (the worker's columns: paths, kinds, numbers 3 per entry, ends) as the
 * walk without a record does, in depth-first order; counts folders taken / read in `use`.
 */
export function walkRecorded(root, rec, settledMs, out, use) {
  const { paths, kinds, numbers, ends } = out;
  const { kinds: recKinds, ends: recEnds, names, folderAt, folderStats } = rec;
  const settled = rec.started - settledMs;
  /** The record's folders directly in its entries `start`–`end`, by name. */
  const foldersIn = (start, end) => {
    const found = new Map();
    for (let j = start; j < end; j = recKinds[j] === 1 ? recEnds[j] : j + 1)
      if (recKinds[j] === 1) found.set(names[j], j);
    return found;
  };
  const file = (abs, rel) => {
    const stat = lstatSync(abs);
    // Under a folder as recorded a name keeps its inode, so its kind: otherwise the record is wrong.
    if (!stat.isFile()) throw new Error(`not a file: ${rel}`);
    paths.push(rel);
    kinds.push(0);
    numbers.push(stat.ino, stat.size, stat.mtimeMs);
    ends.push(0);
  };
  const other = (rel) => {
    paths.push(rel);
    kinds.push(2);
    numbers.push(0, 0, 0);
    ends.push(0);
  };
  /** A folder below the root; `at`: its entry in the record, or -1. */
  const visit = (abs, rel, at) => {
    // Before it is read, as the walk without a record does (folder-listing.ts compares these again).
    const now = lstatSync(abs);
    const entry = paths.push(rel) - 1;
    kinds.push(1);
    numbers.push(now.ino, now.mtimeMs, now.ctimeMs);
    ends.push(0);
    if (at !== -1 && asListed(now, folderStats, 3 * folderAt[at], settled)) {
      use.trusted++;
      for (let j = at + 1; j < recEnds[at]; j = recKinds[j] === 1 ? recEnds[j] : j + 1) {
        const name = names[j];
        if (recKinds[j] === 1) visit(`${abs}/${name}`, `${rel}/${name}`, j);
        else if (recKinds[j] === 0) file(`${abs}/${name}`, `${rel}/${name}`);
        else other(`${rel}/${name}`);
      }
    } else {
      use.read++;
      read(abs, `${rel}/`, at === -1 ? undefined : foldersIn(at + 1, recEnds[at]));
    }
    ends[entry] = paths.length;
  };
  const read = (dir, prefix, recorded) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      const abs = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(abs, rel, recorded?.get(entry.name) ?? -1);
      else if (entry.isFile()) file(abs, rel);
      else other(rel);
    }
  };
  read(root, "", foldersIn(0, recKinds.length));
}
