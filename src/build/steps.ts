/**
 * Work done on the freshly rendered output before it replaces the published folder (search
 * index, feeds, manifest …). A failing step fails the build and the published folder stays as it was.
 */
import type { BuildState } from "../eleventy/state.ts";

export interface BuildStep {
  /** Shown in timings: "search index". */
  name: string;
  /**
   * When the step runs: lower first, default 0; steps with the same order run in the order they
   * were registered (src/build/all-steps.ts). Steps that read the finished output use the
   * constants below, so what they read is complete.
   */
  order?: number;
  run(state: BuildState, outDir: string): Promise<void> | void;
  /**
   * Run again by the dev server after each edit (it writes straight into the served folder).
   * Leave unset for steps that take more than a few hundred ms at 10k items: those run on the
   * dev server's first full build only (the search index has its own refresh after edits pause,
   * src/dev/search-refresh.ts).
   */
  onEdit?: boolean;
}

/** Order of steps that describe the pages already written (sitemap.xml lists every HTML file). */
export const DESCRIBE_OUTPUT = 1000;
/** Order of the build manifest: it hashes every file, so nothing may be written after it. */
export const LAST = Number.MAX_SAFE_INTEGER;

export const afterRenderSteps: BuildStep[] = [];

/** The registered steps in the order they run (a stable sort keeps registration order for ties). */
export function orderedSteps(steps: readonly BuildStep[] = afterRenderSteps): BuildStep[] {
  return [...steps].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}
