/**
 * Work done on the freshly rendered output before it replaces the published folder (search
 * index, feeds, manifest …). A failing step fails the build and the published folder stays as it was.
 */
import type { BuildState } from "../eleventy/state.ts";

export interface BuildStep {
  /** Shown in timings: "search index". */
  name: string;
  run(state: BuildState, outDir: string): Promise<void> | void;
  /**
   * Run again by the dev server after each edit (it writes straight into the served folder).
   * Leave unset for steps that take more than a few hundred ms at 10k items (the search
   * index): those run on the dev server's first full build only.
   */
  onEdit?: boolean;
}

export const afterRenderSteps: BuildStep[] = [];
