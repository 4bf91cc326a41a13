/**
 * The SVG checks' verdicts (src/media/media-checks.ts) kept in the build cache folder
 * (`svg-verdicts.v8`) beside the record store, which opens and saves them: the next build reads
 * and checks only the SVGs whose size, mtime or inode changed (at 50k items every build used to
 * read and parse ~3,300 SVGs). A verdict depends only on the file's bytes and the code, which
 * key the file; one for a file modified in the last two seconds is never kept.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import {
  forgetSvgVerdictsUsed,
  keepSvgVerdicts,
  svgVerdictsUsed,
  type SvgVerdict,
} from "../../media/media-checks.ts";
import { CACHE_FORMAT, codeFingerprint } from "./fingerprint.ts";

const FILE = "svg-verdicts.v8";

interface Stored {
  key: string;
  verdicts: SvgVerdict[];
}

const keyOf = () => `${CACHE_FORMAT}\0${codeFingerprint()}`;

/** How many verdicts were read back (a save that would write the same is skipped). */
let opened = -1;

/** Takes the verdicts kept in `cacheDir` (none when the file is another code's or unreadable). */
export function openSvgVerdicts(cacheDir: string): void {
  opened = -1;
  const file = path.join(cacheDir, FILE);
  if (!existsSync(file)) return;
  try {
    const stored = v8.deserialize(readFileSync(file)) as Stored;
    if (stored?.key !== keyOf() || !Array.isArray(stored.verdicts)) return;
    const verdicts = stored.verdicts.filter(
      (v) =>
        Array.isArray(v) &&
        typeof v[0] === "string" &&
        typeof v[1] === "string" &&
        (v[2] === undefined || typeof v[2] === "string"),
    );
    keepSvgVerdicts(verdicts);
    opened = verdicts.length;
  } catch {
    // Unreadable: every SVG is checked.
  }
}

/** Would a save write other verdicts than those read back? */
export function svgVerdictsStale(): boolean {
  const { verdicts, found } = svgVerdictsUsed();
  return found || verdicts.length !== opened;
}

/** Keeps the verdicts of the SVGs this build checked, unless they are those it read back. */
export function saveSvgVerdicts(cacheDir: string): void {
  const { verdicts } = svgVerdictsUsed();
  if (!svgVerdictsStale()) return forgetSvgVerdictsUsed();
  forgetSvgVerdictsUsed();
  const file = path.join(cacheDir, FILE);
  writeFileSync(`${file}.tmp`, v8.serialize({ key: keyOf(), verdicts } satisfies Stored));
  renameSync(`${file}.tmp`, file);
  opened = verdicts.length;
}
