/** The operator's step of config-changes.ts: one of its changes drawn and kept with the sequence's. */
import { drawMoreChange } from "./config-changes.ts";
import type { OperatorEdit } from "./operator-edits.ts";
import { siteOf } from "./world.ts";

export const siteConfig: OperatorEdit = (rng, w) => {
  const change = drawMoreChange(rng, siteOf(w), ++w.counter);
  if (!change) return undefined;
  w.siteChanges.push(change);
  return { what: `config ${JSON.stringify(change)}` };
};
