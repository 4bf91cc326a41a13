/**
 * How every index file is compressed, in one place: the main thread (gram-files.ts) and the
 * worker threads (index-worker.mjs) must write the same bytes for the same data. Plain JavaScript.
 */
import { createHash } from "node:crypto";
import { constants, gzipSync } from "node:zlib";

export const GZIP_OPTIONS = { level: constants.Z_BEST_COMPRESSION, memLevel: 9 };

/** The file's gzip bytes and their SHA-256 (hex), as the index's FileLog records it. */
export function gzipFile(data) {
  const gz = gzipSync(data, GZIP_OPTIONS);
  return { gz, sha256: createHash("sha256").update(gz).digest("hex") };
}
