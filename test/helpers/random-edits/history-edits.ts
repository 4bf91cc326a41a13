/**
 * What an operator's history does to the clock, the cache and the output folders (fuzz40): the
 * clock set back (a build with `--now` to look at a scheduled day, then one at the real time; a
 * runner whose clock is behind), an older cache put back while the output is the newer build's
 * (a CI cache keyed by branch, a backup restored with its times), and a build with the same cache
 * into another output folder (`--out dist` once) before the one that is compared.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import type { OperatorEdit } from "./operator-edits.ts";

/** The clock moved back: an hour to 40 days, or to just before the last day began. */
const clockBack: OperatorEdit = (rng, w) => {
  const hours = rng.chance(0.5) ? rng.int(1, 30) : rng.int(24, 24 * 40);
  w.now -= hours * 3600_000;
  return { what: `clock -${hours}h → ${new Date(w.now).toISOString()}` };
};

/**
 * The first time: the cache copied aside (times kept, as tar and CI caches restore them). Later:
 * that copy put back in place of the cache, the output left as the newer build made it.
 */
const oldCache: OperatorEdit = (_rng, _w, dirs) => {
  const saved = `${dirs.cacheDir}.saved`;
  if (!existsSync(dirs.cacheDir)) return undefined;
  if (!existsSync(saved)) {
    cpSync(dirs.cacheDir, saved, { recursive: true, preserveTimestamps: true });
    return { what: "cache copied aside (to be put back later)" };
  }
  rmSync(dirs.cacheDir, { recursive: true, force: true });
  cpSync(saved, dirs.cacheDir, { recursive: true, preserveTimestamps: true });
  rmSync(saved, { recursive: true, force: true });
  return { what: "an older cache put back (times kept), the output the newer build's" };
};

/** Before the compared build, one with the same cache into another folder (the published one untouched). */
const otherOut: OperatorEdit = () => ({
  what: "a build into another output folder first",
  interruption: { elsewhere: true },
});

export const HISTORY_EDITS = { clockBack, oldCache, otherOut } satisfies Record<string, OperatorEdit>;
