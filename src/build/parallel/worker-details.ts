/**
 * The detail pages the render workers write while the main thread still checks and enumerates
 * (pool.ts, worker.ts): their batches are kept until the main thread has its own list of pages,
 * then each batch's URLs are compared with that list and its pages' facts taken. A worker that
 * wrote other pages than the build's fails the build; so does a worker that failed.
 */
import { templateName } from "../../eleventy/page-source.ts";
import type { VirtualPage } from "../../eleventy/site-outputs.ts";
import { DETAIL_SOURCE } from "../../pages/detail-pages.ts";
import type { PageFacts } from "../written-pages.ts";
import type { Reply } from "./messages.ts";

/** A detail page a worker wrote: its index among the build's detail pages, its facts and, traced, its reads. */
export type WorkerPage = (index: number, facts: PageFacts, reads: string | null | undefined) => void;

/**
 * The detail pages the workers render, for a build that renders the others itself (the build
 * cache's, src/build/cache/streamed.ts) and takes detail pages in turn with them.
 */
export interface SharedDetails {
  /** The template of the pages the workers render. */
  readonly template: string;
  /** This thread's batches [start, end) of the build's `count` detail pages (the workers take the others). */
  batches(count: number): Iterable<[number, number]>;
  /**
   * Waits for the workers and calls `each` for every page they wrote, checked against the
   * build's detail pages `pages` (in order); returns how many they wrote.
   */
  collect(pages: readonly VirtualPage[], each: WorkerPage): Promise<number>;
  /** Calls `each` for the pages of the workers' batches arrived so far (not again in `collect`). */
  drain(pages: readonly VirtualPage[], each: WorkerPage): void;
}

/** The template of the default detail pages, the only pages a worker renders. */
export const DETAIL_TEMPLATE = templateName({ name: DETAIL_SOURCE });

export class WorkerDetails {
  /** The counter the threads claim detail pages by (claims.ts). */
  readonly claims = new SharedArrayBuffer(4);
  private readonly batches: Extract<Reply, { kind: "batch" }>[] = [];
  private failure?: Error;
  private finished = false;
  private wake?: () => void;

  arrived(batch: Extract<Reply, { kind: "batch" }>): void {
    this.batches.push(batch);
  }

  fail(err: Error): void {
    this.failure ??= err;
  }

  /** Every worker is done with its pages (or failed). */
  finish(): void {
    this.finished = true;
    this.wake?.();
  }

  /**
   * Waits for the workers and gives `each` the pages of the batches not yet drained; returns how
   * many pages the workers wrote.
   */
  async collect(pages: readonly VirtualPage[], each: WorkerPage): Promise<number> {
    while (!this.finished) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
    this.drain(pages, each);
    return this.given;
  }

  /** Batches given to `each` so far, and their pages. */
  private drained = 0;
  private given = 0;

  /**
   * Checks the pages of the batches arrived so far against the build's `pages` (the detail
   * pages, in order) and gives each to `each`, once.
   */
  drain(pages: readonly VirtualPage[], each: WorkerPage): void {
    for (; this.drained < this.batches.length; this.drained++) {
      const { start, urls = [], facts = [], reads } = this.batches[this.drained];
      urls.forEach((url, k) => {
        const ours = pages[start + k]?.url;
        if (ours !== url)
          throw new Error(`render worker: detail page ${start + k} is ${url} there, ${ours} here`);
        each(start + k, facts[k], reads?.[k]);
      });
      this.given += urls.length;
    }
  }
}
