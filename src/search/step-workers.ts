/**
 * Who owns the index step's worker threads (index-workers.ts) from the step's start to its
 * close: started early after an edit (a shard is likely indexed again: they load their modules
 * while the main thread lists and keys the shards), else made at their first use; closed at the
 * end, and an early start no shard needed is closed as soon as that is known.
 */
import { IndexWorkers } from "./index-workers.ts";

/** Messages a worker may hold unanswered (index-workers.ts `ahead`): its next shard is queued. */
const AHEAD = 2;

export class StepWorkers {
  private pool: IndexWorkers | undefined;
  private readonly closing: Promise<void>[] = [];

  /** `early`: start `workers` threads now (after pages were rendered anew). */
  constructor(
    private readonly workers: number,
    early: boolean,
  ) {
    if (early) this.pool = new IndexWorkers(workers, AHEAD);
  }

  /** The workers a shard is indexed on as soon as its key misses (every worker). */
  forShard(): IndexWorkers {
    return (this.pool ??= new IndexWorkers(this.workers, AHEAD));
  }

  /**
   * After every shard was keyed, with `indexed` of them to index: the workers for the rest and the
   * join. None indexed: an early start is closed, and the join gets no worker with the cache (it
   * places the joined files from the main thread) or one without.
   */
  forJoin(indexed: number, cached: boolean): IndexWorkers {
    if (this.pool && !indexed) {
      this.closing.push(this.pool.close());
      this.pool = undefined;
    }
    return (this.pool ??= new IndexWorkers(indexed ? this.workers : cached ? 0 : 1, AHEAD));
  }

  /** Each worker's busy milliseconds (the step's spans); undefined when none was made. */
  busyMs(): number[] | undefined {
    return this.pool?.busyMs();
  }

  async close(): Promise<void> {
    await Promise.all([...this.closing, this.pool?.close()]);
  }
}
