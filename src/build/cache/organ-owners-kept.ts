/**
 * Each published record's organ as the last build found it (src/organs/owners.ts): the organs'
 * names and a number per portal record. Kept in the build cache folder (`organ-owners.v8`) beside
 * the record store, which opens and saves it, with the store's generation and the portal's record
 * count then (kept-by-generation.ts). When the generation holds, this build's portal records are
 * that build's in the same order, the edited ones in their places, and the organ records are
 * unchanged (an edited organ file takes nothing: generation.ts `editedIn`), so each record not
 * edited has the owner it had; only the edited ones' are found again. Anything else finds every
 * record's owner, as without the cache.
 */
import { rememberOrganOwners, type OrganOwners, type OrganOwnersMemo } from "../../organs/owners.ts";
import type { Portal } from "../../portal/portal.ts";
import { keptByGeneration, type KeptMemo } from "./kept-by-generation.ts";

const wellFormed = (stored: Record<string, unknown>): boolean =>
  Array.isArray(stored.names) &&
  stored.names.every((name) => typeof name === "string") &&
  stored.owners instanceof Int32Array;

function sameOwners(made: OrganOwners, was: OrganOwners): boolean {
  if (made.names.length !== was.names.length || made.owners.length !== was.owners.length) return false;
  for (let i = 0; i < made.names.length; i++) if (made.names[i] !== was.names[i]) return false;
  for (let i = 0; i < made.owners.length; i++) if (made.owners[i] !== was.owners[i]) return false;
  return true;
}

/** The owners' view of the memo: only the first portal asked about is this build's (`take` says so). */
function ownersMemo(memo: KeptMemo<OrganOwners>): OrganOwnersMemo {
  let asked: Portal | undefined;
  return {
    kept: (portal) => {
      asked ??= portal;
      const stored = memo.kept;
      if (asked !== portal || !stored) return undefined;
      const edited = memo.take(portal);
      return edited && { kept: stored, edited };
    },
    made: (portal, owners) => {
      if (asked === portal) memo.note(portal.records.length, owners);
    },
  };
}

const kept = keptByGeneration<OrganOwners>({
  file: "organ-owners.v8",
  decode: (stored) =>
    wellFormed(stored) ? { names: stored.names as string[], owners: stored.owners as Int32Array } : undefined,
  same: sameOwners,
  opened: (site, memo) => rememberOrganOwners(site, ownersMemo(memo)),
});

export const { open: openOrganOwners, stale: organOwnersStale, save: saveOrganOwners } = kept;
