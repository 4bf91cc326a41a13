/**
 * Work shared by threads through one counter in shared memory: each thread takes the next batch
 * of indices when it is free, so a thread that starts late or runs on a busier core simply takes
 * fewer batches. What each index gives is put back in index order by the caller.
 */
export class Claims {
  private readonly counter: Int32Array;

  constructor(
    readonly total: number,
    readonly batch: number,
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4),
  ) {
    this.counter = new Int32Array(buffer);
  }

  /** The next batch [start, end), or undefined when every index is taken. */
  next(): [number, number] | undefined {
    const start = Atomics.add(this.counter, 0, this.batch);
    return start < this.total ? [start, Math.min(start + this.batch, this.total)] : undefined;
  }

  get exhausted(): boolean {
    return Atomics.load(this.counter, 0) >= this.total;
  }
}
