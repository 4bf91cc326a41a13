/**
 * Work done on the freshly rendered output before it replaces the published folder (search
 * index, feeds, manifest …). A failing step fails the build and the published folder stays as it was.
 * A build gets its steps as a value (src/build/defaults.ts); they order themselves by name, as
 * markdown-it's Ruler orders its rules: a step says which steps it must come after.
 */
import type { BuildState } from "../eleventy/state.ts";

export interface BuildStep {
  /** Unique among the steps; shown in timings and named by `after`: "search index". */
  name: string;
  /**
   * Steps that must have run before this one, by name. `EVERY_OTHER_STEP` puts a step after all
   * steps that do not say so themselves: the manifest, which hashes the finished folder.
   * Otherwise steps run in the order of the list.
   */
  after?: readonly string[];
  /**
   * The site paths this step writes (`/sitemap.xml`), known from the validated state before
   * anything is rendered; a path ending in `/` is a folder the step fills with files it does not
   * name one by one (the search bundle). `pages` are the URLs the page sources write. The link
   * check accepts these as targets and the manifest refuses any file no one declared. May name
   * more than the step writes in the end (sitemap parts: pages marked noindex drop out later).
   */
  outputs(state: BuildState, pages: readonly string[]): readonly string[];
  run(state: BuildState, outDir: string): Promise<void> | void;
  /**
   * Run again by the dev server after each edit (it writes straight into the served folder).
   * Leave unset for steps that take more than a few hundred ms at 10k items: those run on the
   * dev server's first full build only (the search index has its own refresh after edits pause,
   * src/dev/search-refresh.ts).
   */
  onEdit?: boolean;
  /**
   * The step works mostly on its own worker threads (the search index): the steps after it start
   * once it is waiting for them, so this thread and the cores its workers leave idle do their
   * work meanwhile. A step naming it in `after` (the manifest) waits for it to finish. It writes
   * only inside the folders its `outputs` declare: the manifest lists the rest meanwhile.
   */
  beside?: boolean;
  /**
   * Work this step does before its `run` while `beside` steps it waits for still run (`running`):
   * every other step before it has finished, so all but those steps' folders is final.
   */
  early?(state: BuildState, outDir: string, running: readonly BuildStep[]): Promise<void> | void;
}

/** In `after`: every step that does not itself say this. */
export const EVERY_OTHER_STEP = "*";

/**
 * The steps in the order they run: each after the steps it names, otherwise in list order (a
 * stable topological sort). Unknown names, repeated names and cycles are errors.
 */
export function orderSteps(steps: readonly BuildStep[]): BuildStep[] {
  const names = new Set<string>();
  for (const step of steps) {
    if (step.name === EVERY_OTHER_STEP || names.has(step.name))
      throw new Error(`after-render step name "${step.name}" is used twice or reserved`);
    names.add(step.name);
  }
  const last = steps.filter((s) => s.after?.includes(EVERY_OTHER_STEP));
  const prerequisites = (step: BuildStep): string[] => {
    const named = (step.after ?? []).filter((name) => name !== EVERY_OTHER_STEP);
    for (const name of named)
      if (!names.has(name))
        throw new Error(`after-render step "${step.name}" runs after "${name}", which is not in the list`);
    if (!last.includes(step)) return named;
    return [...named, ...steps.filter((s) => !last.includes(s)).map((s) => s.name)];
  };
  const ordered: BuildStep[] = [];
  const done = new Set<string>();
  const pending = [...steps];
  while (pending.length) {
    const index = pending.findIndex((step) => prerequisites(step).every((name) => done.has(name)));
    if (index === -1)
      throw new Error(`after-render steps wait for each other: ${pending.map((s) => s.name).join(", ")}`);
    const [next] = pending.splice(index, 1);
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

/**
 * Runs the ordered steps through `run`, each after the steps it names have finished; a `beside`
 * step runs on while the next ones do. If a step fails, the steps still running are waited for
 * (their workers may be writing into the folder the build then removes) and the first failure
 * is thrown.
 */
export async function runSteps(
  ordered: readonly BuildStep[],
  run: (step: BuildStep) => Promise<void>,
  early: (step: BuildStep, running: readonly BuildStep[]) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const running = new Map<string, Promise<void>>();
  /** The beside steps that have not finished yet. */
  const live = new Set<BuildStep>();
  let failure: { error: unknown } | undefined;
  const waitFor = async (names: Iterable<string>) => {
    await Promise.all([...names].flatMap((name) => running.get(name) ?? []));
    if (failure) throw failure.error;
  };
  try {
    for (const step of ordered) {
      const after = step.after ?? [];
      if (step.early && live.size) await early(step, [...live]);
      await waitFor(after.includes(EVERY_OTHER_STEP) ? running.keys() : after);
      const work = run(step);
      if (!step.beside) {
        await work;
        // The beside step's workers are answered between two steps, not only after the last.
        if (running.size) await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      // Settled here so a failure is never an unhandled rejection while other steps run.
      live.add(step);
      running.set(
        step.name,
        work
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => live.delete(step)),
      );
      // Lets the step reach its first wait for its workers before the next step holds this thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(running.keys());
  } catch (error) {
    await Promise.all(running.values());
    throw failure?.error ?? error;
  }
}
