/**
 * The manifest's text from two parts: the early part's lines (every file but the search index's,
 * ~95k at 50k items), encoded while the search index still runs, and the last part's (the search
 * index's folder), merged in path order as runs of the two parts' bytes. Each line is written
 * into one growing buffer as it is made (`PartEncoder`): no array of line strings, no join of
 * ~14 MB of text and no second UTF-8 copy of it. At 50k items the lines, their join and its
 * UTF-8 were ~0.25–0.3 s of main-thread CPU of a one-edit build (the join alone ~0.1 s: ~95k
 * lines made of several strings each, flattened one by one); writing each line as it is made
 * takes about a fifth of that (man32 in docs/performance.md).
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Files' paths with their lines encoded, in path order (as `outputFiles` sorts: UTF-16 code units). */
export interface EncodedPart {
  paths: readonly string[];
  /** The lines' UTF-8, each line followed by the separator. */
  bytes: Buffer;
  /** Line i's first byte; one more entry, `bytes.length`, ends the last. */
  starts: Float64Array;
}

const SEPARATOR = ",\n";
const HEAD = '{"files": [\n';
const TAIL = "\n]}\n";

/** An entry's line: JSON.stringify({ path, size, sha256 })'s text, with only the path needing escapes (a size and a hex digest do not). */
export const lineOf = (rel: string, size: number, sha256: string) =>
  `{"path":${JSON.stringify(rel)},"size":${size},"sha256":"${sha256}"}${SEPARATOR}`;

/** A part's lines written one by one, in order, into one buffer grown as needed. */
export class PartEncoder {
  private bytes: Buffer;
  private at = 0;
  private count = 0;
  private readonly starts: Float64Array;

  constructor(private readonly paths: readonly string[]) {
    this.starts = new Float64Array(paths.length + 1);
    // A line is ~130 bytes besides its path (at most 3 bytes per UTF-16 unit; escapes grow it).
    this.bytes = Buffer.allocUnsafe(160 * paths.length + 64);
  }

  /** Line `count` (the next one): of `paths[count]`. */
  add(size: number, sha256: string): void {
    const line = lineOf(this.paths[this.count], size, sha256);
    if (this.at + 3 * line.length > this.bytes.length) {
      const larger = Buffer.allocUnsafe(2 * this.bytes.length + 3 * line.length);
      this.bytes.copy(larger, 0, 0, this.at);
      this.bytes = larger;
    }
    this.starts[this.count++] = this.at;
    this.at += this.bytes.write(line, this.at, "utf8");
  }

  done(): EncodedPart {
    if (this.count !== this.paths.length)
      throw new Error(`manifest part: ${this.count} of ${this.paths.length} lines`);
    this.starts[this.count] = this.at;
    return { paths: this.paths, bytes: this.bytes.subarray(0, this.at), starts: this.starts };
  }
}

export const NO_PART: EncodedPart = { paths: [], bytes: Buffer.alloc(0), starts: new Float64Array(1) };

/** The first index from `from` whose path sorts after `path` (the paths are distinct and in order). */
function firstAfter(paths: readonly string[], path: string, from: number): number {
  let lo = from;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paths[mid] < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Writes the manifest of `a` and `b` (distinct paths, each in path order) to `file`: the same
 * bytes as their lines merged line by line, joined and written as one text.
 */
export function writeManifestText(file: string, a: EncodedPart, b: EncodedPart): void {
  const chunks: Buffer[] = [Buffer.from(HEAD)];
  /** Lines i… of `from` up to the first that sorts after `other`'s line j, as one run of its bytes. */
  const run = (from: EncodedPart, i: number, other: EncodedPart, j: number) => {
    const to = j === other.paths.length ? from.paths.length : firstAfter(from.paths, other.paths[j], i);
    chunks.push(from.bytes.subarray(from.starts[i], from.starts[to]));
    return to;
  };
  let i = 0;
  let j = 0;
  while (i < a.paths.length || j < b.paths.length) {
    if (j === b.paths.length || (i < a.paths.length && a.paths[i] < b.paths[j])) i = run(a, i, b, j);
    else j = run(b, j, a, i);
  }
  // The last line has no separator after it.
  const last = chunks.length - 1;
  if (last > 0) chunks[last] = chunks[last].subarray(0, chunks[last].length - SEPARATOR.length);
  chunks.push(Buffer.from(TAIL));
  // Chunk by chunk: one buffer of them all was a copy of ~14 MB into fresh pages.
  const fd = openSync(file, "w");
  try {
    for (const chunk of chunks)
      for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done, chunk.length - done);
  } finally {
    closeSync(fd);
  }
}
