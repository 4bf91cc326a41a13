/**
 * Per-file results kept between dev-server rebuilds: a file whose modification time and size are
 * unchanged is not read or validated again, and keeps the very same record object (so the dev
 * server can tell changed records by identity). One cache belongs to one validated site config.
 */
import { statSync } from "node:fs";
import type { Site } from "../config/schema.ts";
import type { FileResult } from "./read-file.ts";

interface Entry {
  mtimeMs: number;
  size: number;
  result: FileResult;
}

export class RecordCache {
  private readonly entries = new Map<string, Entry>();
  private seen = new Set<string>();

  constructor(readonly site: Site) {}

  /** The cached result for `abs` while the file is unchanged, otherwise `read()`'s, remembered. */
  get(abs: string, read: () => FileResult): FileResult {
    this.seen.add(abs);
    const { mtimeMs, size } = statSync(abs);
    const entry = this.entries.get(abs);
    if (entry && entry.mtimeMs === mtimeMs && entry.size === size) return entry.result;
    const result = read();
    this.entries.set(abs, { mtimeMs, size, result });
    return result;
  }

  /** Call after a whole pass over content/: forgets files that were not asked for (deleted). */
  prune(): void {
    for (const abs of this.entries.keys()) if (!this.seen.has(abs)) this.entries.delete(abs);
    this.seen = new Set();
  }

  get size(): number {
    return this.entries.size;
  }
}
