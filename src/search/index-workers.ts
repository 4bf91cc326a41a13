/**
 * The index step's worker threads (index-worker.mjs), kept from the first shard to the last
 * joined file: they index the shards, then gzip and write the joined files (gram-files.ts) the
 * main thread lays out meanwhile, so no core waits for the other. The workers run plain
 * JavaScript without the tsx loader the main thread may have (a faster start).
 */
import { Worker } from "node:worker_threads";

const WORKER = new URL("./index-worker.mjs", import.meta.url);

/** [path in the index, SHA-256 of the gzip bytes, their length]. */
export type WrittenFile = [string, string, number];

export class IndexWorkers {
  private readonly all: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  /** Milliseconds each worker spent between a message and its answer (the index step's spans). */
  private readonly busy = new Map<Worker, number>();

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER, { execArgv: [] });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Sends `message` to the next free worker; its answer, or its error thrown. */
  async call<T>(message: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    const start = performance.now();
    try {
      const reply = await new Promise<T & { error?: string }>((resolve, reject) => {
        const failed = (err: Error) => {
          worker.off("message", answered);
          reject(err);
        };
        const answered = (answer: T & { error?: string }) => {
          worker.off("error", failed);
          resolve(answer);
        };
        worker.once("message", answered);
        worker.once("error", failed);
        worker.postMessage(message, transfer);
      });
      if (reply.error) throw new Error(reply.error);
      return reply;
    } finally {
      this.busy.set(worker, (this.busy.get(worker) ?? 0) + performance.now() - start);
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  /** Gzips the files and writes them into `dir` on a worker. */
  async write(dir: string, files: [string, Uint8Array][]): Promise<WrittenFile[]> {
    return (await this.call<{ written: WrittenFile[] }>({ dir, files })).written;
  }

  busyMs(): number[] {
    return this.all.map((worker) => Math.round(this.busy.get(worker) ?? 0));
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}
