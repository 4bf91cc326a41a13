/**
 * What a randomized edit sequence works on: a copy of the sample portal's content/, the site
 * config's changes (kept as data, so a build in another process makes the same config), the
 * build clock, and a counter for names and keys no file has yet.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../../src/config/schema.ts";
import type { Rng } from "./rng.ts";
import { getField } from "./front-matter.ts";
import { applyMoreChange, type MoreSiteChange } from "./config-changes.ts";

/** A change to the site config an operator makes in site.config.ts. */
export type SiteChange =
  | { kind: "columnDescription"; index: number; text: string }
  | { kind: "pageSize"; value: number }
  | { kind: "homeFocus"; value: number }
  | { kind: "topicGroup"; index: number; group: "专题" | "重大民生" | "热点" }
  | MoreSiteChange;

export function applySiteChanges(site: Site, changes: readonly SiteChange[]): Site {
  let out = site;
  for (const c of changes) {
    if (c.kind === "columnDescription")
      out = {
        ...out,
        columns: out.columns.map((col, i) => (i === c.index ? { ...col, description: c.text } : col)),
      };
    else if (c.kind === "pageSize") out = { ...out, pageSize: c.value };
    else if (c.kind === "homeFocus") out = { ...out, home: { ...out.home, focus: c.value } };
    else if (c.kind === "topicGroup")
      out = { ...out, topics: out.topics.map((t, i) => (i === c.index ? { ...t, group: c.group } : t)) };
    else out = applyMoreChange(out, c);
  }
  return out;
}

export interface World {
  readonly contentDir: string;
  /** The config as loaded from site.config.ts; `site()` applies the changes. */
  readonly baseSite: Site;
  siteChanges: SiteChange[];
  now: number;
  counter: number;
  /** Mode flags the operator edits read. */
  readonly inProcess: boolean;
}

export const siteOf = (w: World): Site => applySiteChanges(w.baseSite, w.siteChanges);

/** Content files below content/, relative, sorted (the order does not depend on the file system). */
export function contentFiles(w: World, under = ""): string[] {
  const dir = path.join(w.contentDir, under);
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(w.contentDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export const markdownFiles = (w: World, under = "") =>
  contentFiles(w, under).filter((f) => f.endsWith(".md") && !f.startsWith("media/"));

export const read = (w: World, rel: string) => readFileSync(path.join(w.contentDir, rel), "utf8");
export const write = (w: World, rel: string, text: string) =>
  writeFileSync(path.join(w.contentDir, rel), text);
export const remove = (w: World, rel: string) => rmSync(path.join(w.contentDir, rel));

/** Files other pages show or count (few, so picked more often than their share). */
const SHARED = /^(organs|topics|reports|letters|pages|consultations|interviews|periodicals)\//;

/** A file picked among those a predicate accepts (a quarter of the time a shared one if any), or undefined. */
export function pickFile(rng: Rng, files: readonly string[], ok: (rel: string) => boolean = () => true) {
  const fit = files.filter(ok);
  const shared = rng.chance(0.25) ? fit.filter((f) => SHARED.test(f)) : [];
  if (shared.length) return rng.pick(shared);
  return fit.length ? rng.pick(fit) : undefined;
}

/** What content/ holds now, to put back after a build that was meant to fail. */
export function contentSnapshot(w: World): Map<string, Buffer> {
  return new Map(contentFiles(w).map((rel) => [rel, readFileSync(path.join(w.contentDir, rel))]));
}

export function restoreContent(w: World, snap: Map<string, Buffer>): void {
  for (const rel of contentFiles(w)) if (!snap.has(rel)) rmSync(path.join(w.contentDir, rel));
  for (const [rel, bytes] of snap) {
    const file = path.join(w.contentDir, rel);
    let same = false;
    try {
      same = readFileSync(file).equals(bytes);
    } catch {
      // gone: written below
    }
    if (!same) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
  }
}

/** An editor's edit: what it did, or undefined when it found nothing to edit. */
export type Edit = (rng: Rng, w: World) => string | undefined;

/** One field of a file picked among those that have it. */
export function withField(rng: Rng, w: World, key: string, under = "", extra?: (text: string) => boolean) {
  const rel = pickFile(rng, markdownFiles(w, under), (f) => {
    const text = read(w, f);
    return getField(text, key) !== undefined && (!extra || extra(text));
  });
  return rel === undefined ? undefined : { rel, text: read(w, rel), value: getField(read(w, rel), key)! };
}
