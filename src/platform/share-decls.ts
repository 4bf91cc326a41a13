/**
 * The `share:` of every content file of a platform, kept in the platform's build cache between
 * builds. Planning the shares (shares.ts `planShares`) reads every content file of every site:
 * at 20k items ~0.5–0.9 s of a one-edit platform build, for a few files that share. A file whose
 * stat (the later of mtime and ctime, size, inode: record-cache.ts `stampFrom`) is the one it was
 * read under keeps what its front matter said, as the record store keeps a file's record. A file
 * read while recently modified is not kept (the coarse clock: record-cache.ts `RECENT_MS`), nor is
 * one whose `share:` holds values the cache's serialization would not give back as they were.
 */
import { mkdirSync, statSync } from "node:fs";
import { codeFingerprint } from "../build/cache/fingerprint.ts";
import { readKeyedFile, writeKeyedFile } from "../build/cache/keyed-file.ts";
import { RECENT_MS, stampFrom, stampOf } from "../content/record-cache.ts";

/** A file's `share:` as its front matter gives it: the entries and each one's line. */
export interface ShareDecl {
  targets: unknown[];
  lines: (number | undefined)[];
}

const FILE = "shares.v1";

/** Values the cache's serialization (v8) gives back equal: what YAML's front matter makes. */
function plain(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.every(plain);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(plain);
}

type Entry = [stamp: string, decl: ShareDecl | null];

export class ShareDecls {
  private readonly kept: Map<string, Entry>;
  private readonly next = new Map<string, Entry>();
  private changed = false;
  /** How many files were read this time (tests). */
  read = 0;

  /** `cacheDir`: the platform's build cache; undefined, nothing is kept. */
  constructor(private readonly cacheDir: string | undefined) {
    const stored = cacheDir === undefined ? undefined : readKeyedFile(cacheDir, FILE, codeFingerprint());
    const files: unknown = stored?.files;
    this.kept = files instanceof Map ? (files as Map<string, Entry>) : new Map<string, Entry>();
  }

  /** The `share:` of the file at `abs`: kept while its stat is the same, else `readDecl()`'s. */
  of(abs: string, readDecl: () => ShareDecl | undefined): ShareDecl | undefined {
    if (this.cacheDir === undefined) {
      this.read++;
      return readDecl();
    }
    const stat = stampFrom(statSync(abs));
    const stamp = stampOf(stat);
    const kept = this.kept.get(abs);
    if (kept && kept[0] === stamp) {
      this.next.set(abs, kept);
      return kept[1] ?? undefined;
    }
    this.read++;
    const decl = readDecl();
    this.changed = true;
    // Read after the stat: a write in between leaves the older stamp, read again next time.
    if (Date.now() - stat.mtimeMs >= RECENT_MS && (decl === undefined || plain(decl.targets)))
      this.next.set(abs, [stamp, decl ?? null]);
    return decl;
  }

  /** Writes what this build found (atomically); a file no longer listed is dropped. */
  save(): void {
    if (this.cacheDir === undefined) return;
    if (!this.changed && this.next.size === this.kept.size) return;
    mkdirSync(this.cacheDir, { recursive: true });
    // Written beside it and renamed over it; the process's own temporary file, as two CI jobs of
    // one runner may share the cache folder (the site builds' caches are locked, this file is not).
    writeKeyedFile(
      this.cacheDir,
      FILE,
      { key: codeFingerprint(), files: this.next },
      `${FILE}.${process.pid}.tmp`,
    );
  }
}
