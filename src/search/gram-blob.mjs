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
