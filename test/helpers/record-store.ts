/**
 * The record store's whole file (src/build/cache/record-file.ts) read back with every body, for
 * tests that look into it.
 */
import { closeSync, readSync } from "node:fs";
import { fromColumns, type RecordColumns, type RecordRows } from "../../src/build/cache/record-columns.ts";
import { readStoreFile } from "../../src/build/cache/record-file.ts";

export function storedRowsOf(file: string): RecordRows | undefined {
  const read = readStoreFile(file);
  if (!read) return undefined;
  const bodies = Buffer.alloc(read.size);
  try {
    readSync(read.fd, bodies, 0, read.size, read.start);
  } finally {
    closeSync(read.fd);
  }
  return fromColumns(read.value as Partial<RecordColumns>, bodies);
}
