/**
 * The dev server's search index, brought up to date once the editor pauses.
 *
 * Rebuilding the index takes seconds at portal scale (about 8 s at 10k items with both cores),
 * too long to run after every keystroke's save, so it waits until no edit came for `delayMs`,
 * then writes a whole new index beside the served folder with one Pagefind process (leaving a
 * core to the edit loop) and swaps it in. An edit during a refresh queues one more refresh with
 * the newest records. A failure keeps the previous index and is reported.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import { SEARCH_BUNDLE_DIR, writeSearchIndex } from "../search/index-step.ts";

export interface SearchRefreshOptions {
  /** The served folder (its `pagefind/` is replaced). */
  outDir: string;
  /** Quiet time after the last edit before a refresh starts. */
  delayMs?: number;
  /** Told when a refresh ends: pages indexed and milliseconds, or the error. */
  onDone?: (outcome: { ok: true; pages: number; ms: number } | { ok: false; error: unknown }) => void;
}

export class SearchRefresher {
  private latest?: BuildState;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private waiting: (() => void)[] = [];

  constructor(private readonly options: SearchRefreshOptions) {}

  /** Asks for a refresh with these records, after the quiet time (or `delayMs`). */
  schedule(state: BuildState, delayMs = this.options.delayMs ?? 2000): void {
    this.latest = state;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), delayMs);
  }

  /** Resolves when no refresh is waiting or running (tests). */
  idle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Drops a waiting refresh and lets a running one end. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
    await this.running;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private start(): void {
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.refreshUntilCurrent().finally(() => {
      this.running = undefined;
      if (!this.timer) for (const resolve of this.waiting.splice(0)) resolve();
    });
  }

  private async refreshUntilCurrent(): Promise<void> {
    do {
      this.again = false;
      const state = this.latest;
      if (state) await this.refresh(state);
    } while (this.again);
  }

  private async refresh(state: BuildState): Promise<void> {
    const { outDir, onDone } = this.options;
    const started = performance.now();
    // Fixed names: what a server stopped mid-refresh leaves is removed by the next refresh.
    const staging = `${outDir}.search-refresh`;
    const served = path.join(outDir, SEARCH_BUNDLE_DIR);
    const old = `${served}.old`;
    try {
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      const manifest = await writeSearchIndex(state, staging, { workers: 1 });
      rmSync(old, { recursive: true, force: true });
      if (existsSync(served)) renameSync(served, old);
      try {
        renameSync(path.join(staging, SEARCH_BUNDLE_DIR), served);
      } catch (err) {
        if (existsSync(old)) renameSync(old, served); // keep serving the previous index
        throw err;
      }
      onDone?.({ ok: true, pages: manifest.pages, ms: Math.round(performance.now() - started) });
    } catch (error) {
      onDone?.({ ok: false, error });
    } finally {
      rmSync(staging, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
  }
}
