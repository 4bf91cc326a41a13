/**
 * How far a job shared by the threads is (pool.ts): resolves once every item is done, by
 * whichever thread; rejects on a worker's failure. The main thread never waits for a worker that
 * took nothing (one still starting, at a small site).
 */
export class Progress {
  private done = 0;
  /** Items the workers did. */
  byWorkers = 0;
  readonly finished: Promise<void>;
  private resolve!: () => void;
  fail!: (err: Error) => void;

  constructor(private readonly total: number) {
    this.finished = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.fail = reject;
    });
    // Awaited once the main thread is done with its share; a failure before that is not unhandled.
    this.finished.catch(() => {});
    this.add(0);
  }

  add(count: number, byWorker = false): void {
    this.done += count;
    if (byWorker) this.byWorkers += count;
    if (this.done >= this.total) this.resolve();
  }
}
