/**
 * One step of a randomized sequence: mostly one to three editor edits, sometimes an edit that
 * fails validation, an operator's change, or a build interrupted before the compared one.
 */
import { FIELD_EDITS, type Edit } from "./field-edits.ts";
import { FILE_EDITS } from "./file-edits.ts";
import { OPERATOR_EDITS, type Dirs, type Interruption } from "./operator-edits.ts";
import type { Rng } from "./rng.ts";
import type { World } from "./world.ts";

const EDITS: Record<string, Edit> = { ...FIELD_EDITS, ...FILE_EDITS };

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
} as const;

const STEP_WEIGHTS = {
  edits: 70,
  invalid: 5,
  config: 5,
  clock: 6,
  dropSpare: 3,
  ciRestore: 2,
  deleteOutput: 2,
  interrupted: 4,
  nothing: 3,
} as const;

export interface Step {
  what: string[];
  interruption?: Interruption;
}

function editorEdits(rng: Rng, w: World, count: number): string[] {
  const done: string[] = [];
  for (let tries = 0; done.length < count && tries < 20; tries++) {
    const what = EDITS[rng.weighted(EDIT_WEIGHTS)](rng, w);
    if (what) done.push(what);
  }
  return done;
}

export function chooseStep(rng: Rng, w: World, dirs: Dirs): Step {
  const kind = rng.weighted(STEP_WEIGHTS);
  if (kind === "edits") return { what: editorEdits(rng, w, rng.chance(0.6) ? 1 : rng.int(2, 3)) };
  if (kind === "invalid")
    return { what: [...editorEdits(rng, w, rng.int(0, 1)), FILE_EDITS.invalid(rng, w) ?? "invalid: none"] };
  if (kind === "nothing") return { what: ["no change"] };
  const op = OPERATOR_EDITS[kind](rng, w, dirs) ?? { what: `${kind}: nothing to do` };
  // An interrupted build has something to do: an edit before it.
  const before = kind === "interrupted" ? editorEdits(rng, w, 1) : [];
  return { what: [...before, op.what], interruption: op.interruption };
}
