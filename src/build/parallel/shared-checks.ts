/**
 * The checks that need no pages (src/check/portable-checks.ts), shared by the main thread and the
 * workers that were given the records: each takes the next of the record checks when free
 * (claims.ts, over RECORD_CHECKS), the workers send back each check's problems, and the main
 * thread puts them in their places. The checks of the figures run on the main thread, which
 * computed those figures for the pages (a worker renders only detail pages and never does). A
 * worker that fails leaves its checks to the main thread.
 */
import {
  FIGURE_CHECKS,
  PORTABLE_CHECKS,
  RECORD_CHECKS,
  portableProblems,
  type PortableProblems,
} from "../../check/portable-checks.ts";
import type { Problem } from "../../problems/problems.ts";
import { Claims } from "./claims.ts";

export class SharedChecks {
  /** Claims over RECORD_CHECKS: claim k is check RECORD_CHECKS[k]. */
  readonly claims = new Claims(RECORD_CHECKS.length, 1);
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
   * Runs the checks of the figures, then takes record checks until none is left (none with
   * `workersOnly`, for tests), waits for those the workers took, and returns them all in place.
   */
  async run(runHere: (index: number) => Problem[], workersOnly = false): Promise<PortableProblems> {
    for (const index of FIGURE_CHECKS) this.arrived(index, runHere(index));
    for (let claim = workersOnly ? undefined : this.claims.next(); claim; claim = this.claims.next())
      this.arrived(RECORD_CHECKS[claim[0]], runHere(RECORD_CHECKS[claim[0]]));
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
