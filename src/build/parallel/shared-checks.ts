/**
 * The checks that need no pages (src/check/portable-checks.ts), shared by the main thread and the
 * workers that were given the records: each takes the next check when free (claims.ts), the
 * workers send back each check's problems, and the main thread puts them in their places. A
 * worker that fails leaves its checks to the main thread.
 */
import { PORTABLE_CHECKS, portableProblems, type PortableProblems } from "../../check/portable-checks.ts";
import type { Problem } from "../../problems/problems.ts";
import { Claims } from "./claims.ts";

export class SharedChecks {
  readonly claims = new Claims(PORTABLE_CHECKS, 1);
  private readonly results: (Problem[] | undefined)[] = Array.from(
    { length: PORTABLE_CHECKS },
    () => undefined,
  );
  private done = 0;
  private failed = false;
  private wake?: () => void;
  /** Milliseconds the main thread waited for the workers' checks (GONGKAI_PARALLEL_DEBUG). */
  waited = 0;

  /** A worker's check, done. */
  arrived(index: number, problems: Problem[]): void {
    if (this.results[index] === undefined) this.done++;
    this.results[index] = problems;
    this.wake?.();
  }

  /** A worker failed: the checks it took and did not send are run here. */
  fail(): void {
    this.failed = true;
    this.wake?.();
  }

  /**
   * Takes checks until none is left (none with `workersOnly`, for tests), waits for those the
   * workers took, and returns them all in place.
   */
  async run(runHere: (index: number) => Problem[], workersOnly = false): Promise<PortableProblems> {
    for (let check = workersOnly ? undefined : this.claims.next(); check; check = this.claims.next())
      this.arrived(check[0], runHere(check[0]));
    const started = performance.now();
    while (this.done < PORTABLE_CHECKS && !this.failed)
      await new Promise<void>((resolve) => (this.wake = resolve));
    this.waited = performance.now() - started;
    this.results.forEach((problems, index) => {
      if (problems === undefined) this.arrived(index, runHere(index));
    });
    return portableProblems(this.results as Problem[][]);
  }
}
