/**
 * A shard's grams (gram-shard.mjs) as bytes, as the build cache keeps them
 * (src/build/cache/search-shards.ts) and a worker patches them (gram-patch.mjs): a header of five
 * lengths, then each typed array's bytes, in the machine's byte order (a cache is read where it
 * was written, or on a CI runner like it; every platform Node supports here is little-endian).
 * Plain JavaScript: the index step's workers run it.
 */

export function serializeGrams(g) {
  const arrays = [g.keys, g.df, g.listEnd, g.posEnd, g.bytes];
  const head = Buffer.from(Uint32Array.from(arrays.map((a) => a.length)).buffer);
  return Buffer.concat([head, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

/** The grams from their bytes (a Uint8Array). */
export function parseGrams(bytes) {
  const lengths = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20));
  let at = 20;
  // Copies: the blob's offsets need not be aligned for the typed arrays.
  const take = (count, width) => {
    const out = bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * width);
    at += count * width;
    return out;
  };
  return {
    keys: new Float64Array(take(lengths[0], 8)),
    df: new Uint32Array(take(lengths[1], 4)),
    listEnd: new Uint32Array(take(lengths[2], 4)),
    posEnd: new Uint32Array(take(lengths[3], 4)),
    bytes: new Uint8Array(take(lengths[4], 1)),
  };
}

/**
 * The grams from their bytes for reading only (gram-patch.mjs reads the cached grams and makes new
 * ones): the tables and the grams' bytes as views of `bytes` where aligned, copied where not (the
 * keys, 8-byte numbers after a 20-byte header). A shard's grams' bytes are ~10 MB at 50k items,
 * copied by `parseGrams` on the splice's worker before the patch reads a few of them.
 */
export function viewGrams(bytes) {
  const lengths = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + HEAD_BYTES));
  let at = bytes.byteOffset + HEAD_BYTES;
  const take = (Type, count) => {
    const size = count * Type.BYTES_PER_ELEMENT;
    const out =
      at % Type.BYTES_PER_ELEMENT === 0
        ? new Type(bytes.buffer, at, count)
        : new Type(bytes.buffer.slice(at, at + size));
    at += size;
    return out;
  };
  return {
    keys: take(Float64Array, lengths[0]),
    df: take(Uint32Array, lengths[1]),
    listEnd: take(Uint32Array, lengths[2]),
    posEnd: take(Uint32Array, lengths[3]),
    bytes: take(Uint8Array, lengths[4]),
  };
}

/** Bytes of the blob's header: the five lengths. */
export const HEAD_BYTES = 20;

/** The five lengths from the header, and where the tables and the grams' bytes start. */
export function layoutOf(head) {
  const lengths = new Uint32Array(head.buffer.slice(head.byteOffset, head.byteOffset + HEAD_BYTES));
  const tables = lengths[0] * 8 + (lengths[1] + lengths[2] + lengths[3]) * 4;
  return { tables, bytesAt: HEAD_BYTES + tables };
}

/** The grams' tables without their bytes, from the header and tables' bytes (a blob's start). */
export function parseTables(start) {
  const { keys, df, listEnd, posEnd } = parseGrams(start);
  return { keys, df, listEnd, posEnd };
}

/**
 * The grams' tables and their bytes by range (`from`, `to` in the grams' bytes), from `read(at,
 * length)`, the blob's bytes by range: a join laying out a few buckets reads only their grams.
 */
export function rangesOf(read) {
  let layout;
  const layoutNow = () => (layout ??= layoutOf(read(0, HEAD_BYTES)));
  return {
    table: () => parseTables(read(0, layoutNow().bytesAt)),
    range: (from, to) => read(layoutNow().bytesAt + from, to - from),
    // The last key (−1: none): a long gram's when the shard has any (gram-long.mjs).
    // Copies (a Buffer's slice is a view of its pool).
    lastKey: () => {
      const count = new Uint32Array(new Uint8Array(read(0, HEAD_BYTES)).buffer)[0];
      return count ? new Float64Array(new Uint8Array(read(HEAD_BYTES + (count - 1) * 8, 8)).buffer)[0] : -1;
    },
  };
}
