/**
 * The portal's arrays that pages read whole (trace.ts: `portal.records`, `portal.byType.news` …),
 * hashed as list-members.ts hashes the paginated lists: a one-edit build took the elements hash
 * of each by walking it (~50k records for `portal.records`, ~31k for `byType.news` at 50k items:
 * most of the traced reads' digests), though at most the edited record's place in it changed.
 *
 * Only arrays the portal cuts from the published records by their own fields, in its one order
 * (src/portal/portal.ts `buildPortal`: newest first, ties by id; a yearly type by id), are named:
 * which records are in one, and in what order, follows from each record alone, as for a list
 * `paginate` was told `ownFields` of. list-members.ts then keeps the last build's hash when none
 * of its records changed, replaces the places of an edited one, or walks it.
 */
import type { Step } from "../../portal/read-trace.ts";
import type { Digests } from "./digest.ts";
import type { ListMembers } from "./list-members.ts";

/** Is the array at this traced path a filter of the published records by their own fields, in the portal's order? */
export function ownFieldsPath(steps: readonly Step[]): boolean {
  if (steps[0] !== "portal") return false;
  if (steps.length === 2) return steps[1] === "records";
  if (steps.length !== 3) return false;
  const [, group, key] = steps;
  if (group === "byType") return typeof key === "string";
  // Maps read by key (a column's news, a topic's items): the key is the site config's.
  return (group === "newsByColumn" || group === "byTopic") && typeof key === "object" && key !== null;
}

/**
 * Makes `digests` know the elements hash of the array a page read at `path` (JSON of its steps,
 * `ownFieldsPath`) from the last build's when list-members.ts can vouch for it, else walks it and
 * numbers its members for the next build. An array hashed already in this build (a list's own
 * items) is left as it is. True when the hash was taken without a walk.
 */
export function hashTracedArray(
  members: ListMembers,
  digests: Digests,
  path: string,
  items: readonly unknown[],
): boolean {
  if (digests.hasElementsHash(items)) return false;
  // No list's key has a space at [1] (a hash starts it): the two kinds never meet.
  return members.elementsHash(`T ${path}`, items).kept;
}
