/**
 * The `ahead` steps of a build from the cache (steps.ts): prepared before the streamed pages
 * (while the state is still its own), started once the render has settled the pages they read
 * (cache/streamed.ts), run as prepared after the render when not started, and waited for when
 * the build fails, before its staging folder is removed.
 */
import type { BuildState } from "../eleventy/state.ts";
import type { BuildStep } from "./steps.ts";
import type { CacheSession } from "./cache/session.ts";

type Timed = <T>(name: string, work: () => Promise<T> | T) => Promise<T>;

export class StepsAhead {
  /** The steps started during the render, by name (runSteps takes them as running). */
  readonly started = new Map<string, Promise<void>>();
  private readonly ahead: { step: BuildStep; reads: ReadonlySet<string>; run: () => Promise<void> }[];

  constructor(
    steps: readonly BuildStep[],
    state: BuildState,
    staging: string,
    private readonly session: CacheSession,
    private readonly timed: Timed,
  ) {
    this.ahead = steps
      .filter((step) => step.beside && step.ahead && !step.after?.length)
      .map((step) => ({ step, ...step.ahead!(state, staging) }));
  }

  /** For the cached render (streamed.ts): the pages the steps read and what starts them; none: undefined. */
  settled(): { reads: ReadonlySet<string>; then: (pagesLeft: number) => void } | undefined {
    if (!this.ahead.length) return undefined;
    const reads =
      this.ahead.length === 1 ? this.ahead[0].reads : new Set(this.ahead.flatMap((a) => [...a.reads]));
    return { reads, then: (pagesLeft) => this.start(pagesLeft) };
  }

  private start(pagesLeft: number): void {
    const { report } = this.session;
    // Most pages rendered anew (code or config changed): as in a clean build, the steps after the
    // render (beside a render of every page, the index's workers slowed it more than they saved).
    if (report.rendered > report.reused) return;
    for (const { step, run } of this.ahead) {
      const work = this.timed(step.name, run);
      // Handled: runSteps takes its failure, or `wait` does.
      work.catch(() => undefined);
      this.started.set(step.name, work);
    }
    report.stepsAhead = this.ahead.map(({ step }) => step.name);
    report.pagesAfterSteps = pagesLeft;
  }

  /** A step's work after the render: an ahead step not started runs as prepared (the state is its own again). */
  run(step: BuildStep, state: BuildState, staging: string): Promise<void> {
    const prepared = this.ahead.find((a) => a.step === step);
    return prepared ? prepared.run() : Promise.resolve(step.run(state, staging));
  }

  /** Waits for the started steps, failed or not: their workers may be writing into the staging folder. */
  async wait(): Promise<void> {
    await Promise.all([...this.started.values()].map((work) => work.catch(() => undefined)));
  }
}
