/**
 * The manifest's text from two parts: the early part's lines (every file but the search index's,
 * ~95k at 50k items), joined and encoded while the search index still runs, and the last part's
 * (the search index's folder), merged into it in path order as runs of the early part's bytes.
 * The last step then neither merges ~110k lines into new arrays, nor joins them, nor encodes
 * ~14 MB of text: at 50k items those were ~0.15 s of a one-edit build's "manifest" phase, after
 * the search index, when nothing else runs; the early part has the main thread to spare while
 * the search index's workers run.
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Files' paths with their lines, in path order (as `outputFiles` sorts: UTF-16 code units). */
export interface ManifestPart {
  paths: readonly string[];
  lines: string[];
}

/** A part's lines joined once (`lines.join(",\n")`), with where each line starts. */
export interface JoinedPart {
  paths: readonly string[];
  text: string;
  /** The text's UTF-8 when it is ASCII (a byte's offset is then a character's); else undefined. */
  bytes?: Buffer;
  /** Line i's first character; one more entry, the text's length + the separator's, ends the last. */
  starts: Float64Array;
}

const SEPARATOR = ",\n";
const HEAD = '{"files": [\n';
const TAIL = "\n]}\n";

export function joinPart({ paths, lines }: ManifestPart): JoinedPart {
  const starts = new Float64Array(lines.length + 1);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i].length + SEPARATOR.length;
  }
  starts[lines.length] = at;
  const text = lines.join(SEPARATOR);
  const bytes = Buffer.from(text);
  return { paths, text, starts, bytes: bytes.length === text.length ? bytes : undefined };
}

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
 * Writes the manifest of `joined` and `part` (distinct paths, each in path order) to `file`:
 * the same bytes as the two merged line by line, joined and written as one text.
 */
export function writeManifestText(file: string, joined: JoinedPart, part: ManifestPart): void {
  const chunks: Buffer[] = [Buffer.from(HEAD)];
  /** Lines of `part` not yet turned into a chunk. */
  let pending: string[] = [];
  let first = true;
  const add = (chunk: Buffer | string) => {
    if (!first) chunks.push(Buffer.from(SEPARATOR));
    first = false;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  };
  const flush = () => {
    if (pending.length) add(pending.join(SEPARATOR));
    pending = [];
  };
  const { paths, starts, text, bytes } = joined;
  let i = 0;
  let j = 0;
  while (i < paths.length || j < part.paths.length) {
    if (j === part.paths.length || (i < paths.length && paths[i] < part.paths[j])) {
      // The early part's lines up to the next of the last part's, as one run of its text.
      const to = j === part.paths.length ? paths.length : firstAfter(paths, part.paths[j], i);
      flush();
      const [from, end] = [starts[i], starts[to] - SEPARATOR.length];
      add(bytes ? bytes.subarray(from, end) : text.slice(from, end));
      i = to;
    } else pending.push(part.lines[j++]);
  }
  flush();
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
