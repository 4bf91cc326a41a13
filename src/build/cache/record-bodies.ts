/**
 * The record store's bodies (records.ts), kept apart from the rest of its file and read only when a
 * record's body is asked for. At 50k items the bodies are ~48 MB of the store's ~75 MB, and a
 * one-edit build reads none of an unchanged record's (the checks take what they need of it from
 * what the store kept: src/build/cache/record-facts.ts): reading them and making them a string
 * was ~40 % of opening the store. A record the store gives back has `body` as an accessor (one
 * getter per store, so the records share V8's hidden classes) that reads its bytes from the file
 * opened when the store was, and decodes them once.
 *
 * The file is never written in place (records.ts writes a new one and renames it), and the open
 * file descriptor keeps the bytes that were read, whatever the path holds later. After a few
 * single reads the whole region is read at once (a build that reads every body: a whole save,
 * the checks on a worker) and the file is closed; otherwise it is closed when no record needs it.
 */
import { closeSync, readSync } from "node:fs";

/** A body's bytes: Latin-1 when every character fits one byte, else UTF-16LE. */
export const isWide = (body: string): boolean => /[^\0-\xff]/.test(body);

/** How many bodies are read one by one before the whole region is read instead. */
const SINGLE_READS = 64;

/** The hidden slot of a record holding its row in the store (non-enumerable: no copy carries it). */
const ROW = Symbol("row in the record store");

const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

/** The bodies of one opened store: per row, where its bytes end in the region and how they are encoded. */
export class StoredBodies {
  /** Bodies decoded in this process (for tests: a one-edit build decodes none of an unchanged record's). */
  static decoded = 0;
  private fd: number | undefined;
  private whole?: Buffer;
  private reads = 0;
  private readonly strings: (string | undefined)[];
  /** The `body` property of this store's records: the same functions for all (one hidden class). */
  readonly accessor: PropertyDescriptor;

  /**
   * `source`: the store's file, given up by the caller, or the region's bytes; `start`: the
   * region's place in the file; `ends`: per row, its body's end in the region; `wide`: per row,
   * 1 for UTF-16LE.
   */
  constructor(
    source: number | Buffer,
    private readonly start: number,
    private readonly ends: Float64Array,
    private readonly wide: Uint8Array,
  ) {
    this.strings = new Array<string | undefined>(ends.length);
    if (typeof source === "number") {
      this.fd = source;
      closing.register(this, source, this);
    } else this.whole = source;
    const body = (row: number) => this.body(row);
    this.accessor = {
      enumerable: true,
      configurable: true,
      get(this: object) {
        return body((this as { [ROW]: number })[ROW]);
      },
      // A record given a body of its own keeps it as a plain property.
      set(this: object, value: unknown) {
        Object.defineProperty(this, "body", { value, writable: true, enumerable: true, configurable: true });
      },
    };
  }

  /** The key of a record's row, which the accessor reads its body by (not enumerable). */
  static readonly row: symbol = ROW;

  /** The region's size: every row's body, end to end. */
  get size(): number {
    return this.ends.length ? this.ends[this.ends.length - 1] : 0;
  }

  body(row: number): string {
    let body = this.strings[row];
    if (body === undefined) {
      const bytes = this.bytes(row);
      StoredBodies.decoded++;
      this.strings[row] = body = this.wide[row] ? bytes.toString("utf16le") : bytes.toString("latin1");
    }
    return body;
  }

  /** The bytes of the body at `row`, as the store holds them. */
  private bytes(row: number): Buffer {
    const from = row === 0 ? 0 : this.ends[row - 1];
    const to = this.ends[row];
    if (this.whole === undefined && ++this.reads > SINGLE_READS) this.readWhole();
    if (this.whole !== undefined) return this.whole.subarray(from, to);
    const out = Buffer.allocUnsafe(to - from);
    this.readAt(out, this.start + from);
    return out;
  }

  /** Lets go of the file when no body is to be read from it. */
  close(): void {
    if (this.fd === undefined) return;
    closing.unregister(this);
    closeSync(this.fd);
    this.fd = undefined;
  }

  private readWhole(): void {
    const whole = Buffer.allocUnsafe(this.size);
    this.readAt(whole, this.start);
    this.whole = whole;
    this.close();
  }

  private readAt(out: Buffer, position: number): void {
    let done = 0;
    while (done < out.length) {
      const n = readSync(this.fd!, out, done, out.length - done, position + done);
      if (n === 0) throw new Error("记录缓存文件不完整");
      done += n;
    }
  }
}

/** The bodies of a store's rows (undefined: a row without a record) laid end to end, as `StoredBodies` reads them. */
export function encodeBodies(bodies: readonly (string | undefined)[]): {
  bytes: Buffer;
  ends: Float64Array;
  wide: Uint8Array;
} {
  const ends = new Float64Array(bodies.length);
  const wide = new Uint8Array(bodies.length);
  let size = 0;
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i] ?? "";
    if (isWide(body)) wide[i] = 1;
    ends[i] = size += wide[i] ? 2 * body.length : body.length;
  }
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i];
    if (body) bytes.write(body, i === 0 ? 0 : ends[i - 1], wide[i] ? "utf16le" : "latin1");
  }
  return { bytes, ends, wide };
}
