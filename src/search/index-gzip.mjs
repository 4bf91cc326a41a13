/**
 * How every index file is compressed, in one place: the main thread (join-writer.ts) and the
 * worker threads (index-worker.mjs) must write the same bytes for the same data. Plain JavaScript.
 *
 * A large joined file (gram-files.ts: buckets, parts, positions, the filter and date columns) is
 * one gzip member whose deflate stream is made of chunks compressed each on its own (a fresh raw
 * deflate ended by a full flush), cut where the data's content says (a rolling hash, so an edit
 * moves the cuts near it only): a chunk's compressed bytes depend on nothing but its own bytes. An edit in one page changes the positions files of every gram the page holds
 * (a longer title moves every later position), ~10 MB of level-9 gzip at 20k items; with chunks
 * the build cache hands over the file before (`previous`) and only the chunks that changed are
 * compressed again, the others copied from it. Any gzip reader reads the file as before.
 */
import { sha256 } from "./sha256.mjs";
import { readFileSync } from "node:fs";
import { constants, crc32, deflateRawSync, gzipSync } from "node:zlib";

export const GZIP_OPTIONS = { level: constants.Z_BEST_COMPRESSION, memLevel: 9 };
/**
 * A chunk's deflate: the joined files are varints of small numbers, which Huffman codes more
 * than matches do. On the positions files of a 20k-item index, Z_FILTERED at level 6 made them
 * 0.7 % smaller than the default strategy at level 9, in 30 % less time (more than the chunks
 * cost in size and in cutting and hashing); on the text files (`d/`, `t/`, not chunked) it would
 * make them 2–4 % larger.
 */
const CHUNK_OPTIONS = {
  level: 6,
  memLevel: 9,
  strategy: constants.Z_FILTERED,
  finishFlush: constants.Z_FULL_FLUSH,
};

/**
 * Files of at least this many bytes are compressed in chunks (most positions files are 32–48 KB).
 * Measured on a 20k-item index: chunks of 2–16 KB (about 6 KB) make the positions files 0.6–0.8 %
 * larger than gzip of each whole file with the same options, and after a one-title edit 1.8 MB
 * of the 10 MB of changed positions files are compressed again (chunks of 4–32 KB: 0.13 %
 * larger, 6.1 MB again, as the cuts come rarer than the mask says on this data).
 */
export const CHUNKED_FROM = 8 * 1024;
/** Fewest and most bytes of a chunk (but the last); cuts between them where the rolling hash says. */
const CHUNK_MIN = 2 * 1024;
const CHUNK_MAX = 16 * 1024;
/** A cut where the hash's top 11 bits are 0 (they depend on the last WINDOW bytes, the low ones on fewer). */
const CUT_MASK = 0xffe00000;
/** The rolling hash's bytes only (it forgets a byte after 32 steps). */
const WINDOW = 32;

/** A gzip header as gzipSync writes one on Unix (no name, no time; the level flag left at 0). */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** An empty final block with fixed codes: the end of the deflate stream. */
const FINAL_BLOCK = Buffer.from([3, 0]);

/** A fixed table of 256 pseudo-random words for the rolling hash (xorshift32 from a constant). */
const GEAR = (() => {
  const table = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x >>> 0;
  }
  return table;
})();

/** Where the chunks of `data` end (the last is data.length). */
export function chunkEnds(data) {
  const ends = [];
  let start = 0;
  while (data.length - start > CHUNK_MAX) {
    let hash = 0;
    let end = start + CHUNK_MAX;
    for (let at = start + CHUNK_MIN - WINDOW; at < start + CHUNK_MAX; at++) {
      hash = ((hash << 1) + GEAR[data[at]]) >>> 0;
      if (at + 1 - start >= CHUNK_MIN && (hash & CUT_MASK) === 0) {
        end = at + 1;
        break;
      }
    }
    ends.push(end);
    start = end;
  }
  ends.push(data.length);
  return ends;
}

/** The earlier file's bytes; undefined when it is gone (then every chunk is compressed). */
function readPrevious(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

const chunkHash = (chunk) => sha256(chunk, "base64url").slice(0, 22);

/** The file's gzip bytes and their SHA-256 (hex), as the index's FileLog records it: a text file (`d/`, `t/`). */
export function gzipFile(data) {
  const gz = gzipSync(data, GZIP_OPTIONS);
  return { gz, sha256: sha256(gz, "hex") };
}

/**
 * A joined file's (gram-files.ts) gzip bytes and their SHA-256 (hex), and when it is compressed
 * in chunks, each chunk's hash and compressed length (`chunks`). `previous`: the same file's gzip
 * bytes (its file) and chunks from an earlier build, whose chunks of the same bytes are copied.
 */
export function gzipJoined(data, previous) {
  if (data.length < CHUNKED_FROM) return gzipFile(data);
  const before = new Map();
  const old = previous && readPrevious(previous.file);
  if (old) {
    let at = HEADER.length;
    for (const [hash, length] of previous.chunks) {
      before.set(hash, [at, length]);
      at += length;
    }
  }
  const parts = [HEADER];
  const chunks = [];
  let start = 0;
  for (const end of chunkEnds(data)) {
    const chunk = data.subarray(start, end);
    const hash = chunkHash(chunk);
    const at = before.get(hash);
    const z = at ? old.subarray(at[0], at[0] + at[1]) : deflateRawSync(chunk, CHUNK_OPTIONS);
    parts.push(z);
    chunks.push([hash, z.length]);
    start = end;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  parts.push(FINAL_BLOCK, trailer);
  const gz = Buffer.concat(parts);
  return { gz, sha256: sha256(gz, "hex"), chunks };
}
