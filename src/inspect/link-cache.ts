/**
 * Results of earlier link checks, so a daily run does not fetch every address again: a JSON file
 * (default node_modules/.cache/gongkai/links.json; the inspect workflow keeps it between runs).
 * A result is reused for `maxAgeHours`; a broken link is never taken from the cache, since a
 * failure may be passing and is what the report is for. Derived data only: deleting the file
 * costs time, nothing else.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LinkResult } from "./link-check.ts";

export class LinkCache {
  private readonly entries = new Map<string, LinkResult>();

  constructor(
    readonly file: string,
    readonly maxAgeHours: number,
  ) {
    try {
      const saved = JSON.parse(readFileSync(file, "utf8")) as { version?: number; links?: LinkResult[] };
      if (saved.version === 1) for (const r of saved.links ?? []) this.entries.set(r.url, r);
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  private fresh(r: LinkResult, now: number): boolean {
    return now - r.checkedAt < this.maxAgeHours * 3600_000 && now >= r.checkedAt;
  }

  get(url: string, now: number): LinkResult | undefined {
    const r = this.entries.get(url);
    return r && r.status !== "broken" && this.fresh(r, now) ? r : undefined;
  }

  set(result: LinkResult): void {
    const kept = { ...result };
    delete kept.cached;
    this.entries.set(result.url, kept);
  }

  /** Writes the fresh entries, sorted (a stable file); a read-only folder only loses the speed-up. */
  save(now: number): void {
    const links = [...this.entries.values()]
      .filter((r) => this.fresh(r, now))
      .sort((a, b) => a.url.localeCompare(b.url));
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ version: 1, links }, null, 1) + "\n");
    } catch {
      // See above.
    }
  }
}
