/**
 * The cache folder's lock: one build at a time uses a cache folder, so two builds never prune
 * each other's blobs. A lock left by a build that died is taken over, and the folder is then
 * marked `unswept`: that build's blobs are in no index, so the next save lists them all.
 */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Present while blobs may exist that no index names (a failed or killed build): the next save lists them all. */
export const UNSWEPT = "unswept";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the cache folder's lock for this process (kept when this process holds it already: a
 * build takes it early to list the spare folder, spare-scan.ts). Returns the process id of
 * another live build that holds it, or undefined when this process holds it now.
 */
export function takeLock(dir: string): number | undefined {
  const lock = path.join(dir, "lock");
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch (error) {
    // Only "already there" means another build may hold it; a full disk or a missing folder is
    // the build's error, not a lock to read (reading it would fail with a misleading ENOENT).
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(lock, "utf8"));
    if (holder === process.pid) return undefined;
    if (Number.isInteger(holder) && isAlive(holder)) return holder;
    writeFileSync(lock, String(process.pid));
    // The holder died without letting go: its blobs are in no index.
    writeFileSync(path.join(dir, UNSWEPT), "");
  }
  return undefined;
}

/** Lets go of the lock when this process holds it. */
export function dropLock(dir: string): void {
  const lock = path.join(dir, "lock");
  try {
    if (readFileSync(lock, "utf8") === String(process.pid)) unlinkSync(lock);
  } catch {
    // Already gone.
  }
}
