/**
 * From settings and content/ to a build state: load and validate the records, enumerate every
 * page and file the build will write (src/build/outputs.ts), and check links and URLs against
 * that enumeration. `npm run build`, `npm run check` and the dev server all come through here.
 */
import { ContentError, type Problem } from "../problems/problems.ts";
import {
  beginValidation,
  validateContent,
  type Validated,
  type ValidatedContent,
} from "../check/validate.ts";
import type { PortableProblems } from "../check/portable-checks.ts";
import type { BuildOptions, BuildState } from "../eleventy/state.ts";
import { DuplicateOutputError, SiteOutputs } from "../eleventy/site-outputs.ts";
import { enumerateOutputs, type SiteParts } from "./outputs.ts";
import { defaultParts } from "./defaults.ts";
import { listPagesOf } from "../pages/list-pages.ts";
import { layoutContextOf } from "./layout-context.ts";
import { searchScriptVersions } from "../search/search-scripts.ts";

/** The state the page sources read, from validated content; enumerates every output. */
export function stateOf(options: BuildOptions, parts: SiteParts, content: ValidatedContent): BuildState {
  const { portal, details, tallies, media } = content;
  const current: BuildState = {
    options,
    now: options.now,
    portal,
    ctx: layoutContextOf(options, portal, searchScriptVersions),
    details,
    lists: listPagesOf(portal),
    tallies,
    media,
    outputs: new SiteOutputs([]),
    warnings: [],
  };
  // The page sources read the state while they are expanded (one object: data cached per state stays valid).
  current.outputs = enumerateOutputs({ current }, parts);
  return current;
}

/** Validates everything and returns the state with every problem found; throws only on a broken build setup. */
export function checkSite(
  options: BuildOptions,
  parts: SiteParts = defaultParts,
): Validated & { state: BuildState } {
  let state: BuildState | undefined;
  const validated = validateContent(options, (content) => {
    state = stateOf(options, parts, content);
    return state.outputs;
  });
  state!.warnings = validated.problems;
  return { ...validated, state: state! };
}

/** The state one build renders from; content errors throw a ContentError, two sources of one URL a DuplicateOutputError. */
export function createState(options: BuildOptions, parts: SiteParts = defaultParts): BuildState {
  return checked(checkSite(options, parts));
}

/**
 * `createState` for a build on several threads: once the pages are enumerated, `shared` gives the
 * problems of the checks that need no pages when a worker holding the same records shares them
 * (running here, with `runHere`, those the worker did not take), undefined when none does (then
 * they all run here). Same state, same problems in the same order.
 */
export async function createStateWith(
  options: BuildOptions,
  parts: SiteParts,
  shared: (runHere: (index: number) => Problem[]) => Promise<PortableProblems | undefined>,
): Promise<BuildState> {
  let state: BuildState | undefined;
  const begun = beginValidation(options, (content) => {
    state = stateOf(options, parts, content);
    return state.outputs;
  });
  const validated = begun.finish((await shared((index) => begun.runCheck(index))) ?? begun.portable());
  state!.warnings = validated.problems;
  return checked({ ...validated, state: state! });
}

function checked({ state, problems }: { state: BuildState; problems: Problem[] }): BuildState {
  if (problems.some((p: Problem) => p.severity === "error")) throw new ContentError(problems);
  if (state.outputs.duplicates.length) throw new DuplicateOutputError(state.outputs.duplicates);
  return state;
}
