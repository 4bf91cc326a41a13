/**
 * The index step's worker threads (index-worker.mjs), kept from the first shard to the last
 * joined file: they index the shards, then gzip and write the joined files (gram-files.ts) the
 * main thread lays out meanwhile, so no core waits for the other. The workers run plain
 * JavaScript without the tsx loader the main thread may have (a faster start).
 *
 * A worker may be given its next message before it answered the last (`ahead`): it then goes on
 * while the main thread is busy elsewhere (the build's other steps run beside the index,
 * src/build/steps.ts), instead of waiting for the main thread to hand it the next shard.
 */
import { Worker } from "node:worker_threads";
import type { GzipChunk } from "./index-gzip.mjs";
import type { FileToWrite } from "./join-writer.ts";
import type { JoinLanes } from "./join-on-lanes.ts";
import { keepWorkers, takeKeptWorker } from "./kept-index-workers.ts";

const WORKER = new URL("./index-worker.mjs", import.meta.url);

/** [path in the index, SHA-256 of the gzip bytes, their length, their chunks (index-gzip.mjs)]. */
export type WrittenFile = [string, string, number, GzipChunk[]?];

interface Asked {
  resolve(answer: unknown): void;
  reject(err: Error): void;
  sent: number;
}

export class IndexWorkers {
  private readonly all: Worker[] = [];
  /** Each worker's messages not answered yet, oldest first (a worker answers in order). */
  private readonly asked = new Map<Worker, Asked[]>();
  private readonly waiting: ((worker: Worker) => void)[] = [];
  /** Milliseconds each worker spent between a message and its answer (the index step's spans). */
  private readonly busy = new Map<Worker, number>();
  private readonly lastAnswer = new Map<Worker, number>();
  /** A worker failed (it has ended): none of them is kept for the next step. */
  private failed = false;

  /** `ahead`: messages a worker may hold unanswered (1: one at a time). */
  constructor(
    readonly size: number,
    readonly ahead = 1,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = takeKeptWorker() ?? new Worker(WORKER, { execArgv: [] });
      const asked: Asked[] = [];
      worker.on("message", (answer: unknown) => {
        const now = performance.now();
        const first = asked.shift()!;
        const from = Math.max(first.sent, this.lastAnswer.get(worker) ?? 0);
        this.busy.set(worker, (this.busy.get(worker) ?? 0) + now - from);
        this.lastAnswer.set(worker, now);
        first.resolve(answer);
        this.free(worker);
      });
      worker.on("error", (err: Error) => {
        this.failed = true;
        for (const each of asked.splice(0)) each.reject(err);
      });
      this.all.push(worker);
      this.asked.set(worker, asked);
    }
  }

  /** A worker holding fewer than `ahead` messages, the least busy first; else undefined. */
  private pick(): Worker | undefined {
    let best: Worker | undefined;
    for (const worker of this.all) {
      const held = this.asked.get(worker)!.length;
      if (held < this.ahead && (best === undefined || held < this.asked.get(best)!.length)) best = worker;
    }
    return best;
  }

  private free(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
  }

  /** Sends `message` to the next worker with room for it; its answer, or its error thrown. */
  async call<T>(message: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.pick() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    return this.ask<T>(worker, message, transfer);
  }

  /**
   * The workers as lanes of the join (join-on-lanes.ts): a lane's files are laid out and then
   * written on the same worker, which holds their bytes between the two.
   */
  lanes(): JoinLanes {
    return {
      count: this.size,
      lay: (lane, job) => this.ask(this.all[lane], { lay: job }),
      writeLaid: (lane, job) => this.ask(this.all[lane], { writeLaid: job }),
    };
  }

  private async ask<T>(worker: Worker, message: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    const reply = await new Promise<T & { error?: string }>((resolve, reject) => {
      this.asked.get(worker)!.push({ resolve: resolve, reject, sent: performance.now() });
      worker.postMessage(message, transfer);
    });
    if (reply.error) throw new Error(reply.error);
    return reply;
  }

  /**
   * Gzips the files and writes them into `dir` on a worker. Their bytes are handed over, not
   * copied, where a file owns its whole buffer (after one edit, ~10 MB of them): the caller must
   * not read them again.
   */
  async write(dir: string, files: FileToWrite[]): Promise<WrittenFile[]> {
    const transfer = new Set<ArrayBuffer>();
    const own = (bytes: Uint8Array) => {
      const { buffer } = bytes;
      if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength)
        transfer.add(buffer);
    };
    for (const [, data] of files) own(data);
    return (await this.call<{ written: WrittenFile[] }>({ dir, files }, [...transfer])).written;
  }

  busyMs(): number[] {
    return this.all.map((worker) => Math.round(this.busy.get(worker) ?? 0));
  }

  async close(): Promise<void> {
    // Between a platform's sites the workers may be kept (kept-index-workers.ts), when all are idle.
    const idle = !this.failed && this.all.every((worker) => !this.asked.get(worker)!.length);
    if (idle && keepWorkers(this.all)) return;
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}
