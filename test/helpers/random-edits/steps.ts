/**
 * One step of a randomized sequence: mostly one to three editor edits, sometimes an edit that
 * fails validation, an operator's change, or a build interrupted before the compared one.
 */
import { FIELD_EDITS, type Edit } from "./field-edits.ts";
import { FILE_EDITS } from "./file-edits.ts";
import { OPERATOR_EDITS, type Dirs, type Interruption, type OperatorEdit } from "./operator-edits.ts";
import { STAT_EDITS } from "./stat-edits.ts";
import { HISTORY_EDITS } from "./history-edits.ts";
import { SITE_MODULE_EDITS } from "./site-modules.ts";
import { TAMPER_EDITS } from "./tamper-edits.ts";
import { MORE_EDITS } from "./more-edits.ts";
import { siteConfig } from "./config-step.ts";
import { RECORD_EDITS } from "./record-edits.ts";
import { newYear } from "./year-clock.ts";
import type { Rng } from "./rng.ts";
import type { World } from "./world.ts";

const EDITS: Record<string, Edit> = {
  ...FIELD_EDITS,
  ...FILE_EDITS,
  ...STAT_EDITS,
  ...SITE_MODULE_EDITS,
  ...MORE_EDITS,
  ...RECORD_EDITS,
};
const OPERATOR: Record<string, OperatorEdit> = {
  ...OPERATOR_EDITS,
  ...TAMPER_EDITS,
  ...HISTORY_EDITS,
  siteConfig,
  newYear,
};

/** How often each editor edit is picked (invalid is a step kind of its own). */
const EDIT_WEIGHTS = {
  title: 3,
  body: 3,
  date: 2,
  otherDate: 1.5,
  schedule: 1,
  draft: 1,
  column: 1.5,
  department: 2,
  topics: 2,
  validity: 1,
  interprets: 1,
  summary: 1,
  choice: 1,
  taxonomy: 2,
  add: 2,
  addTopic: 0.5,
  delete: 1.5,
  rename: 1,
  media: 2,
  touch: 1,
  // stat-edits.ts: what a cache trusting file stats must still see.
  sameStat: 1.5,
  mediaSameStat: 1,
  recreate: 1,
  moveFolder: 0.5,
  caseRename: 0.5,
  swap: 0.5,
  encoding: 1,
  fmNoise: 1,
  // site-modules.ts: a constant of the site's footer override module.
  layoutModule: 1,
  // more-edits.ts (session 49)
  yearDate: 1.5,
  twice: 1,
  sameBytes: 0.5,
  interpretation: 1,
  attachment: 1,
  imageReplaced: 1,
  organRename: 0.5,
  moveSub: 0.5,
  flags: 1.5,
  bulk: 0.5,
  organ: 1,
} as const;

const STEP_WEIGHTS = {
  edits: 70,
  invalid: 5,
  config: 5,
  clock: 6,
  clockToEvent: 2,
  dropSpare: 3,
  ciRestore: 2,
  deleteOutput: 2,
  interrupted: 4,
  tamperOutput: 2,
  tamperCache: 2,
  // history-edits.ts
  clockBack: 2,
  oldCache: 2,
  otherOut: 2,
  nothing: 3,
  // session 49: config-changes.ts, and an earlier step's content, config and clock put back
  siteConfig: 4,
  revert: 3,
  newYear: 2,
} as const;

export interface Step {
  what: string[];
  interruption?: Interruption;
  /** Put back an earlier step's inputs (run.ts): its output must come back byte for byte. */
  revert?: true;
}

function editorEdits(
  rng: Rng,
  w: World,
  count: number,
  weights: Readonly<Record<string, number>> = EDIT_WEIGHTS,
): string[] {
  const done: string[] = [];
  for (let tries = 0; done.length < count && tries < 20; tries++) {
    const what = EDITS[rng.weighted(weights)](rng, w);
    if (what) done.push(what);
  }
  return done;
}

/** The weights of the names `keep` accepts. */
const kept = (weights: Readonly<Record<string, number>>, keep: (name: string) => boolean) =>
  Object.fromEntries(Object.entries(weights).filter(([name]) => keep(name)));

/**
 * One step. `only`: the edit and step kinds to draw from (to replay one kind of edit many times,
 * `--only sameStat,tamperCache`); undefined: all of them, by their weights.
 */
export function chooseStep(rng: Rng, w: World, dirs: Dirs, only?: ReadonlySet<string>): Step {
  const edits = only ? kept(EDIT_WEIGHTS, (k) => only.has(k)) : EDIT_WEIGHTS;
  const anyEdit = Object.keys(edits).length > 0;
  const steps = only ? kept(STEP_WEIGHTS, (k) => only.has(k) || (k === "edits" && anyEdit)) : STEP_WEIGHTS;
  if (!Object.keys(steps).length) throw new Error(`no step kind among ${[...(only ?? [])].join(", ")}`);
  const kind = rng.weighted(steps);
  const pickEdits = (count: number) => editorEdits(rng, w, count, anyEdit ? edits : EDIT_WEIGHTS);
  if (kind === "edits") return { what: pickEdits(rng.chance(0.6) ? 1 : rng.int(2, 3)) };
  if (kind === "invalid")
    return { what: [...pickEdits(rng.int(0, 1)), FILE_EDITS.invalid(rng, w) ?? "invalid: none"] };
  if (kind === "nothing") return { what: ["no change"] };
  if (kind === "revert") return { what: ["revert to an earlier step"], revert: true };
  const op = OPERATOR[kind](rng, w, dirs) ?? { what: `${kind}: nothing to do` };
  // An interrupted build (or one into another folder) has something to do: an edit before it.
  const before = kind === "interrupted" || kind === "otherOut" ? pickEdits(1) : [];
  return { what: [...before, op.what], interruption: op.interruption };
}

/** Another edit after a step both builds refused, without the fix (run.ts). */
export function editWhileRefused(rng: Rng, w: World): string {
  const weights = { title: 3, body: 2, date: 1, summary: 1, topics: 1, twice: 1, draft: 1, touch: 1 };
  return editorEdits(rng, w, 1, weights).join("; ") || "no edit found";
}
