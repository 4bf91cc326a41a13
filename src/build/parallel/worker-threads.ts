/**
 * The worker threads of a build (`threads - 1` of them, worker.ts): started on first use, each
 * running the jobs it is sent in order, answering with batches, checks and a count
 * (messages.ts); stopped with their memory when the build no longer needs them.
 */
import { Worker } from "node:worker_threads";
import type { Problem } from "../../problems/problems.ts";
import type { CheckKept } from "./check-kept.ts";
import type { Claims } from "./claims.ts";
import type { Job, Reply } from "./messages.ts";
import { defaultParallelSettings, type ParallelSettings } from "./settings.ts";
import { bundledWorker, freshWorkerBundle } from "./worker-bundle.ts";

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);
const MODULE = new URL("./worker.ts", import.meta.url).href;
/** GONGKAI_PARALLEL_DEBUG=1 prints how the work was shared. */
const DEBUG = process.env.GONGKAI_PARALLEL_DEBUG === "1";

interface Running {
  onBatch(reply: Extract<Reply, { kind: "batch" }>): void;
  /** A check a state job took, done, with what it found that the build cache keeps. */
  onChecked?(index: number, problems: Problem[], kept?: CheckKept): void;
  resolve(count: number): void;
  reject(err: Error): void;
}

export class WorkerThreads {
  protected readonly settings: ParallelSettings;
  private workers: Worker[] = [];
  /** Each worker's jobs in the order it was sent them (it runs them in that order). */
  private readonly running = new Map<Worker, Running[]>();
  /** The worker's precompiled module (worker-bundle.ts), once looked for; undefined: through tsx. */
  protected bundle?: URL;

  constructor(settings: Partial<ParallelSettings> = {}) {
    this.settings = { ...defaultParallelSettings(), ...settings };
  }

  /** Whether the workers were started. */
  protected get started(): boolean {
    return this.workers.length > 0;
  }

  /** Started on first use: a small site never pays for a worker. */
  private start(): Worker[] {
    if (this.workers.length) return this.workers;
    const bundle = this.bundle ?? freshWorkerBundle();
    for (let k = 1; k < this.settings.threads; k++) {
      const worker = bundle ? bundledWorker(bundle) : new Worker(ENTRY, { workerData: { module: MODULE } });
      const jobs: Running[] = [];
      const spawned = performance.now();
      if (DEBUG)
        worker.once("message", () =>
          console.error(
            `parallel: worker answered ${Math.round(performance.now() - spawned)} ms after its start`,
          ),
        );
      this.running.set(worker, jobs);
      const finished = () => {
        const job = jobs.shift();
        // Only a worker with a job keeps the process alive (a build that failed early exits).
        if (!jobs.length) worker.unref();
        return job;
      };
      const fail = (err: Error) => {
        for (let job = finished(); job; job = finished()) job.reject(err);
      };
      worker.on("message", (reply: Reply) => {
        if (reply.kind === "batch") return jobs[0]?.onBatch(reply);
        if (reply.kind === "checked") return jobs[0]?.onChecked?.(reply.index, reply.problems, reply.kept);
        if (reply.kind === "error")
          return finished()?.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
        finished()?.resolve(reply.count);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`build worker exited with code ${code}`)));
      worker.unref();
      this.workers.push(worker);
    }
    return this.workers;
  }

  /**
   * Sends `job` to every worker: `onBatch` for each batch one finished, `onChecked` for each check
   * one did, `onFail` if one fails; settles when every worker is done with it.
   */
  protected dispatch(
    job: Job,
    onBatch: Running["onBatch"],
    onFail: (err: Error) => void,
    onChecked?: Running["onChecked"],
  ): Promise<unknown> {
    return Promise.all(
      this.start().map((worker) =>
        new Promise<number>((resolve, reject) => {
          this.running.get(worker)!.push({ onBatch, onChecked, resolve, reject });
          worker.ref();
          worker.postMessage(job);
        }).catch(onFail),
      ),
    );
  }

  /** The main thread's first batch (none when the workers are to do everything). */
  protected mainClaims(claims: Claims): [number, number] | undefined {
    return this.settings.workersOnly ? undefined : claims.next();
  }

  /** Drops what the stopped workers were given (a subclass's state). */
  protected forget(): void {}

  /** `work`, stopping the workers if it fails. */
  async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  /** Stops the workers (their memory goes with them); safe to call more than once. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    this.forget();
    for (const worker of workers) worker.removeAllListeners();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
