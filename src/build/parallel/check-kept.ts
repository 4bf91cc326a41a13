/**
 * What a check run on a build worker found that the build cache keeps: the wording check's clean
 * marks (src/check/wording/clean-records.ts) and the SVG checks' verdicts (src/media/media-checks.ts).
 * The worker sends them with the check's problems and the main thread, whose caches are saved,
 * takes them. Without this a fill's cache lacked them, and the build right after a fill (clone,
 * build, edit one item, build) scanned every record's wording and every SVG again and wrote the
 * record store whole.
 */
import { forgetRemarked, freshMarksOf, markAll, type CleanMarks } from "../../check/wording/clean-records.ts";
import {
  adoptSvgVerdicts,
  forgetSvgVerdictsUsed,
  svgVerdictsUsed,
  type SvgVerdict,
} from "../../media/media-checks.ts";

export interface CheckKept {
  /** Clean marks by index in the state job's `all`, which is the main thread's order too. */
  marks?: CleanMarks;
  svgVerdicts?: SvgVerdict[];
}

/** On the worker, after a check: what it found anew since the last call (then forgotten here). */
export function keptByCheck(all: readonly object[]): CheckKept | undefined {
  const marks = freshMarksOf(all);
  forgetRemarked();
  const { verdicts, found } = svgVerdictsUsed();
  forgetSvgVerdictsUsed();
  const svgVerdicts = found ? verdicts : undefined;
  return marks || svgVerdicts ? { marks, svgVerdicts } : undefined;
}

/** On the main thread: the worker's findings, on its own records and verdicts. */
export function takeKept(all: readonly object[], kept: CheckKept): void {
  if (kept.marks) markAll(all, kept.marks);
  if (kept.svgVerdicts) adoptSvgVerdicts(kept.svgVerdicts);
}
