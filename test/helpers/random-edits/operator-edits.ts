/**
 * What an operator does between builds: a site config change (a column's description, the page
 * size, the home page's focus count, a topic's group), the clock moving on (or to an item's very
 * time), the cache's `spare/`
 * not kept, a cache restored by CI (new inodes and times, a fresh checkout: no output, every
 * content file a new mtime), the output folder deleted, a build that fails after its pages or is
 * killed half-way.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, utimesSync } from "node:fs";
import path from "node:path";
import type { Rng } from "./rng.ts";
import { parseLocalMillis } from "../../../src/content/local-time.ts";
import { getField } from "./front-matter.ts";
import { contentFiles, siteOf, type World } from "./world.ts";

export interface Dirs {
  cacheDir: string;
  published: string;
}

/** How the step's incremental build is run before the build that is compared. */
export type Interruption = { failAfterPages: true } | { killAfterMs: number } | { elsewhere: true };

export type OperatorEdit = (
  rng: Rng,
  w: World,
  dirs: Dirs,
) => { what: string; interruption?: Interruption } | undefined;

const config: OperatorEdit = (rng, w) => {
  const site = siteOf(w);
  const how = rng.weighted({ column: 2, pageSize: 2, focus: 1, topic: 1 });
  if (how === "column") {
    const index = rng.int(0, site.columns.length - 1);
    const text = `${site.columns[index].description.replace(/（\d+）$/, "")}（${++w.counter}）`;
    w.siteChanges.push({ kind: "columnDescription", index, text });
    return { what: `config column ${index} description` };
  }
  if (how === "pageSize") {
    const value = rng.pick([5, 6, 7, 10, 20]);
    w.siteChanges.push({ kind: "pageSize", value });
    return { what: `config pageSize ${value}` };
  }
  if (how === "focus") {
    const value = rng.int(1, 5);
    w.siteChanges.push({ kind: "homeFocus", value });
    return { what: `config home.focus ${value}` };
  }
  const index = rng.int(0, site.topics.length - 1);
  const group = rng.pick(["专题", "重大民生", "热点"] as const);
  w.siteChanges.push({ kind: "topicGroup", index, group });
  return { what: `config topic ${site.topics[index].key} group ${group}` };
};

const clock: OperatorEdit = (rng, w) => {
  const hours = rng.chance(0.3) ? rng.int(1, 30) : rng.int(24, 24 * 40);
  w.now += hours * 3600_000;
  return { what: `clock +${hours}h → ${new Date(w.now).toISOString()}` };
};

/**
 * The clock moved to the very minute an item's time comes (a scheduled item's date, a
 * consultation's end, an interview's time), a millisecond before it or a minute after: the
 * content is the same, only `now` passed the boundary.
 */
const clockToEvent: OperatorEdit = (rng, w) => {
  const site = siteOf(w);
  const times: number[] = [];
  for (const rel of contentFiles(w)) {
    if (!rel.endsWith(".md")) continue;
    const text = readFileSync(path.join(w.contentDir, rel), "utf8");
    for (const key of ["date", "end", "start", "time"]) {
      const raw = getField(text, key)?.replace(/^["']|["']$/g, "");
      const ms = raw && parseLocalMillis(raw, site.timeZone);
      if (typeof ms === "number" && ms > w.now) times.push(ms);
    }
  }
  if (!times.length) return undefined;
  times.sort((a, b) => a - b);
  const at = rng.pick(times.slice(0, 4));
  const shift = rng.pick([0, -1, 60_000]);
  w.now = at + shift;
  return {
    what: `clock to an item's time${shift ? ` ${shift > 0 ? "+1 min" : "-1 ms"}` : ""} → ${new Date(w.now).toISOString()}`,
  };
};

const dropSpare: OperatorEdit = (_rng, _w, dirs) => {
  rmSync(path.join(dirs.cacheDir, "spare"), { recursive: true, force: true });
  return { what: "cache spare/ removed (CI does not keep it)" };
};

/** CI: the cache restored by copy (new inodes and times, no spare), a fresh checkout. */
const ciRestore: OperatorEdit = (_rng, w, dirs) => {
  if (!existsSync(dirs.cacheDir)) return undefined;
  const copy = `${dirs.cacheDir}.restored`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(dirs.cacheDir, copy, { recursive: true, filter: (src) => path.basename(src) !== "spare" });
  rmSync(dirs.cacheDir, { recursive: true, force: true });
  renameSync(copy, dirs.cacheDir);
  rmSync(dirs.published, { recursive: true, force: true });
  const t = new Date();
  for (const rel of contentFiles(w)) utimesSync(path.join(w.contentDir, rel), t, t);
  return { what: "CI: cache restored by copy, no output, every content file a new mtime" };
};

const deleteOutput: OperatorEdit = (_rng, _w, dirs) => {
  rmSync(dirs.published, { recursive: true, force: true });
  return { what: "output folder deleted" };
};

const interrupted: OperatorEdit = (rng, w) => {
  if (w.inProcess || rng.chance(0.3))
    return { what: "a build failing after its pages", interruption: { failAfterPages: true } };
  const ms = rng.int(300, 6000);
  return { what: `a build killed after ${ms} ms`, interruption: { killAfterMs: ms } };
};

export const OPERATOR_EDITS = {
  config,
  clock,
  clockToEvent,
  dropSpare,
  ciRestore,
  deleteOutput,
  interrupted,
} satisfies Record<string, OperatorEdit>;
