/**
 * Work done on the freshly rendered output before it replaces the published folder (search
 * index, feeds, manifest …). A failing step fails the build and the published folder stays as it was.
 */
import type { BuildState } from "../eleventy/state.ts";

export interface BuildStep {
  /** Shown in timings: "search index". */
  name: string;
  run(state: BuildState, outDir: string): Promise<void> | void;
}

export const afterRenderSteps: BuildStep[] = [];
