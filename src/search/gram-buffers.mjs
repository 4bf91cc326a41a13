/**
 * The two growable typed-array structures the shard indexer (gram-shard.mjs) writes with: a byte
 * buffer of unsigned LEB128 varints, and an open-addressing table from a pair of character
 * numbers (a bigram) to its number and count. Plain JavaScript, as the worker that uses them.
 */

/** A growing byte array written as varints and raw bytes. */
export class Bytes {
  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
    this.length = 0;
  }
  room(n) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  varint(v) {
    if (this.length + 8 > this.buf.length) this.room(8);
    const buf = this.buf;
    let at = this.length;
    while (v >= 128) {
      buf[at++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    buf[at++] = v;
    this.length = at;
  }
  bytes(b) {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** Appends n zero bytes; returns where they start. */
  zeros(n) {
    this.room(n);
    const at = this.length;
    this.buf.fill(0, at, at + n);
    this.length += n;
    return at;
  }
  view() {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * Open addressing from a pair (a, b) of non-negative int32 to a number given in order of first
 * sight, counting how often each pair is met (typed arrays: a Map is several times slower).
 */
export class PairTable {
  constructor() {
    this.size = 0;
    /** Per number: the pair and its count. */
    this.a = new Int32Array(1024);
    this.b = new Int32Array(1024);
    this.counts = new Int32Array(1024);
    this.resize(1 << 14);
  }
  resize(cap) {
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let g = 0; g < this.size; g++) {
      let i = this.hash(this.a[g], this.b[g]);
      while (this.slots[i] >= 0) i = (i + 1) & this.mask;
      this.slots[i] = g;
    }
  }
  hash(a, b) {
    const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }
  /** The number of (a, b), a new one when first met; counts the meeting. */
  count(a, b) {
    const slots = this.slots;
    const mask = this.mask;
    const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
    let i = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const g = slots[i];
      if (g < 0) break;
      if (this.a[g] === a && this.b[g] === b) {
        this.counts[g]++;
        return g;
      }
      i = (i + 1) & mask;
    }
    const g = this.size++;
    if (g === this.a.length) {
      for (const name of ["a", "b", "counts"]) {
        const next = new Int32Array(g * 2);
        next.set(this[name]);
        this[name] = next;
      }
    }
    this.a[g] = a;
    this.b[g] = b;
    this.counts[g] = 1;
    slots[i] = g;
    if (this.size * 2 > slots.length) this.resize(slots.length * 2);
    return g;
  }
}
