/**
 * Search shards from the build cache. A shard's key is what its index is made of: its place, and
 * per page the URL, title, date, topic, the record's digest and the SHA-256 of the page's HTML
 * (the indexed text is read from it). A shard with the same key is copied from the cache
 * instead of being indexed again, whatever files the index step writes into the shard's folder.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { outputFileOf } from "../../eleventy/site-outputs.ts";
import { outputFiles } from "../output-files.ts";
import { hashText } from "./digest.ts";
import type { CacheSession } from "./session.ts";
import { sha256Of } from "./store.ts";

export interface ShardPage {
  url: string;
  title: string;
  date: string;
  topic?: string;
  record?: object;
}

export class SearchShardCache {
  constructor(
    private readonly session: CacheSession,
    /** The output folder the bundle is in, and the bundle's folder relative to it. */
    private readonly outDir: string,
  ) {}

  /** The shard's key, or undefined when a page's HTML is not known (it was not written through the cache). */
  key(place: number, pages: readonly ShardPage[]): string | undefined {
    const { digests, known, fingerprint } = this.session;
    const parts: string[] = [fingerprint, String(place)];
    for (const page of pages) {
      const html = known.get(outputFileOf(page.url));
      if (html === undefined) return undefined;
      const record = page.record ? digests.record(page.record) : "";
      parts.push(JSON.stringify([page.url, page.title, page.date, page.topic ?? "", record, html]));
    }
    return hashText(parts.join("\n"));
  }

  /** Fills `dir` from the cache; false when the cache does not hold the shard (or a file of it is gone). */
  restore(key: string, dir: string): boolean {
    const files = this.session.cache.shard(key);
    if (!files) return false;
    for (const [rel, sha256] of files)
      if (!this.session.cache.place(sha256, path.join(dir, rel))) {
        rmSync(dir, { recursive: true, force: true });
        return false;
      }
    this.remember(key, dir, files);
    this.session.report.shardsReused++;
    return true;
  }

  /** Stores what the index step just wrote into `dir`. */
  keep(key: string, dir: string): void {
    const files: [string, string][] = outputFiles(dir).map((rel) => {
      const sha256 = sha256Of(readFileSync(path.join(dir, rel)));
      this.session.cache.store(path.join(dir, rel), sha256);
      return [rel, sha256];
    });
    this.remember(key, dir, files);
    this.session.report.shardsIndexed++;
  }

  private remember(key: string, dir: string, files: [string, string][]): void {
    this.session.cache.setShard(key, files);
    const prefix = path.relative(this.outDir, dir).split(path.sep).join("/");
    for (const [rel, sha256] of files) this.session.known.set(`${prefix}/${rel}`, sha256);
  }
}
