/**
 * How the record store's whole file (`records.v8`, records.ts) is laid out: a mark and the length
 * of the columns (8 bytes), the columns as `v8.serialize` writes them (record-columns.ts), then
 * the records' bodies (record-bodies.ts). Opening it reads the mark and the columns only; the
 * bodies are read from the open file when a record's body is asked for.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, writevSync } from "node:fs";
import v8 from "node:v8";

/** The file's first four bytes (a file of another layout is not used). */
const MARK = Buffer.from("GKR3");
const HEAD = 8;

/** Writes the columns (`v8.serialize`d) and the bodies to `file` (a new file renamed into place: atomic). */
export function writeStoreFile(file: string, columns: Uint8Array, bodies: Uint8Array): void {
  const head = Buffer.alloc(HEAD);
  MARK.copy(head);
  head.writeUInt32LE(columns.length, 4);
  const fd = openSync(`${file}.tmp`, "w");
  try {
    const parts: Uint8Array[] = [head, columns, bodies];
    let left = HEAD + columns.length + bodies.length;
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
    if (HEAD + length > size) {
      closeSync(fd);
      return undefined;
    }
    const columns = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(fd, columns, done, length - done, HEAD + done);
      if (n === 0) throw new Error("cut short");
      done += n;
    }
    return { value: v8.deserialize(columns), fd, start: HEAD + length, size: size - HEAD - length };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}
