/**
 * A folder's files put at another place as hard links, not copies: the merge job's sites' folders
 * (`<parts>/<key>/`) into the staging folder. At 200k items the merge copied ~630k files with
 * cpSync, 1,474 s on disk under load; a link writes no data, only a directory entry.
 *
 * The part's file and the output's are then one inode. Nothing Gongkai does writes into either
 * in place: a job publishes a new folder and removes the old one (src/build/publish.ts), and the
 * merge's failure removes only its staging folder's links, so the parts stay whole for a rerun.
 * Where linking cannot be done, the file is copied: another filesystem (EXDEV) or one without
 * hard links (EPERM, ENOTSUP, ENOSYS), after which the rest is copied without trying again; an
 * inode at its filesystem's link limit (EMLINK), that file alone.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";

/** Links cannot be made between these two folders at all: copy everything from here on. */
const NO_LINKS = new Set(["EXDEV", "EPERM", "ENOTSUP", "ENOSYS", "EOPNOTSUPP"]);

export interface LinkedTree {
  linked: number;
  copied: number;
}

/**
 * Puts every file under `from` at the same place under `to` (made; must not exist), folders
 * made, symbolic links made again as they are (as cpSync's `verbatimSymlinks`). `link` is
 * linkSync but for the tests.
 */
export function linkTree(
  from: string,
  to: string,
  link: (existing: string, made: string) => void = linkSync,
  counts: LinkedTree = { linked: 0, copied: 0 },
): LinkedTree {
  let linking = true;
  const place = (src: string, dest: string) => {
    if (linking)
      try {
        link(src, dest);
        counts.linked++;
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? "";
        if (NO_LINKS.has(code)) linking = false;
        else if (code !== "EMLINK") throw err;
      }
    copyFileSync(src, dest);
    counts.copied++;
  };
  const walk = (src: string, dest: string) => {
    mkdirSync(dest);
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      const s = path.join(src, entry.name);
      const d = path.join(dest, entry.name);
      if (entry.isDirectory()) walk(s, d);
      else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(s), d);
      else place(s, d);
    }
  };
  walk(from, to);
  return counts;
}
