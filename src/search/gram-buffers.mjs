/**
 * The two growable typed-array structures the shard indexer (gram-shard.mjs) writes with: a byte
 * buffer of unsigned LEB128 varints, and an open-addressing table from a gram's key to its number.
 * Plain JavaScript, as the worker that uses them.
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
    this.room(8);
    while (v >= 128) {
      this.buf[this.length++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }
  bytes(b) {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  view() {
    return this.buf.subarray(0, this.length);
  }
}

/** Open addressing from a bigram's small key to its number (typed arrays: a Map is several times slower). */
export class KeyTable {
  constructor() {
    this.size = 0;
    this.resize(1 << 16);
  }
  resize(cap) {
    const old = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    if (old) for (let i = 0; i < old.length; i++) if (old[i]) this.place(old[i], oldValues[i]);
  }
  place(stored, value) {
    let i = Math.imul(stored, 0x9e3779b1) & this.mask;
    while (this.keys[i]) i = (i + 1) & this.mask;
    this.keys[i] = stored;
    this.values[i] = value;
  }
  /** The number of `key`, a new one (this.size − 1) when first met. */
  idOf(key) {
    const stored = key + 1;
    let i = Math.imul(stored, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === stored) return this.values[i];
      if (k === 0) break;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = stored;
    this.values[i] = this.size++;
    if (this.size * 2 > this.keys.length) this.resize(this.keys.length * 2);
    return this.size - 1;
  }
}
