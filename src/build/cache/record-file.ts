/**
 * How the record store's whole file (`records.v8`, records.ts) is laid out: a mark, the length of
 * the columns and of their typed arrays' bytes (16 bytes), the columns as record-views.ts
 * serializes them (record-columns.ts), their typed arrays' bytes, then the records' bodies
 * (record-bodies.ts). Opening it reads the columns and the typed arrays only (each array a view
 * of the bytes read); the bodies are read from the open file when a record's body is asked for.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, writevSync } from "node:fs";
import { deserializeApart, regionBuffer, serializeApart } from "./record-views.ts";

/** The file's first four bytes (a file of another layout is not used). */
const MARK = Buffer.from("GKR4");
const HEAD = 16;

/** The columns as `writeStoreFile` takes them (serialized: they may not be, and then nothing is written). */
export const serializeColumns = serializeApart;

/** Writes the columns (`serializeColumns`) and the bodies to `file` (a new file renamed into place: atomic). */
export function writeStoreFile(
  file: string,
  columns: ReturnType<typeof serializeColumns>,
  bodies: Uint8Array,
): void {
  const head = Buffer.alloc(HEAD);
  MARK.copy(head);
  head.writeUInt32LE(columns.bytes.length, 4);
  head.writeUInt32LE(columns.regionLength, 8);
  const fd = openSync(`${file}.tmp`, "w");
  try {
    const parts: Uint8Array[] = [head, columns.bytes, ...columns.region, bodies];
    let left = HEAD + columns.bytes.length + columns.regionLength + bodies.length;
    // writev writes as much as it can: a short write goes on from where it stopped.
    while (left > 0) {
      let written = writevSync(fd, parts);
      left -= written;
      while (parts.length && written >= parts[0].length) written -= parts.shift()!.length;
      if (parts.length) parts[0] = parts[0].subarray(written);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.tmp`, file);
}

/**
 * The columns of `file`, and the open file with the place and size of its bodies (the caller
 * closes it, or gives it to the records: record-bodies.ts); undefined when it is not laid out so.
 */
export function readStoreFile(
  file: string,
): { value: unknown; fd: number; start: number; size: number } | undefined {
  const fd = openSync(file, "r");
  try {
    const { size } = fstatSync(fd);
    const head = Buffer.alloc(HEAD);
    if (size < HEAD || readSync(fd, head, 0, HEAD, 0) !== HEAD || !head.subarray(0, 4).equals(MARK)) {
      closeSync(fd);
      return undefined;
    }
    const length = head.readUInt32LE(4);
    const regionLength = head.readUInt32LE(8);
    const start = HEAD + length + regionLength;
    if (start > size) {
      closeSync(fd);
      return undefined;
    }
    const columns = readAt(fd, Buffer.allocUnsafe(length), HEAD);
    const region = readAt(fd, regionBuffer(regionLength), HEAD + length);
    return { value: deserializeApart(columns, region), fd, start, size: size - start };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** `into` filled from `fd` at `position`; throws when the file ends first. */
function readAt(fd: number, into: Buffer, position: number): Buffer {
  for (let done = 0; done < into.length;) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error("cut short");
    done += n;
  }
  return into;
}
