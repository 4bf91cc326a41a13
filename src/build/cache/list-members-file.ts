/**
 * The file list-members.ts keeps in the cache folder (`lists.v8`): the last build's record digests
 * by number and each list's hash and members, laid out as flat typed arrays so that reading it
 * makes no object per list member (~600k at 50k items).
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { WIDTH } from "./record-match.ts";

const FILE = "lists.v8";
const FORMAT = 3;

/** One list of a build: its elements hash, its members' numbers, and how many of them (the last) are its choosers. */
export interface KeptList {
  hash: string;
  members: Uint32Array;
  choosers: number;
}

export interface StoredLists {
  format: number;
  fingerprint: string;
  /** Every record's digest by its number, each WIDTH characters and a line break ("": none kept). */
  digests: string;
  keys: string[];
  hashes: string[];
  /** List i's members are members[offsets[i]..offsets[i + 1]). */
  offsets: Uint32Array;
  members: Uint32Array;
  /** How many of list i's members are its choosers (its last). */
  choosers: Uint32Array;
}

/** The last build's lists, or undefined when there is no file, or one of another format or fingerprint. */
export function readLists(dir: string, fingerprint: string): StoredLists | undefined {
  try {
    const stored = v8.deserialize(readFileSync(path.join(dir, FILE))) as StoredLists;
    if (stored.format !== FORMAT || stored.fingerprint !== fingerprint) return undefined;
    if (stored.offsets.length !== stored.keys.length + 1) return undefined;
    if (stored.choosers.length !== stored.keys.length) return undefined;
    if (typeof stored.digests !== "string" || (stored.digests.length + 1) % (WIDTH + 1) !== 0)
      return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

/** Writes this build's lists (null: not kept) and record digests, for the next build. */
export function writeLists(
  dir: string,
  fingerprint: string,
  digests: string,
  lists: ReadonlyMap<string, KeptList | null>,
): void {
  const keys: string[] = [];
  const hashes: string[] = [];
  const parts: Uint32Array[] = [];
  const counts: number[] = [];
  let total = 0;
  for (const [key, list] of lists) {
    if (list === null) continue;
    keys.push(key);
    hashes.push(list.hash);
    parts.push(list.members);
    counts.push(list.choosers);
    total += list.members.length;
  }
  const offsets = new Uint32Array(keys.length + 1);
  const choosers = Uint32Array.from(counts);
  const members = new Uint32Array(total);
  let at = 0;
  parts.forEach((part, i) => {
    members.set(part, at);
    at += part.length;
    offsets[i + 1] = at;
  });
  const stored: StoredLists = {
    format: FORMAT,
    fingerprint,
    digests,
    keys,
    hashes,
    offsets,
    members,
    choosers,
  };
  const file = path.join(dir, FILE);
  writeFileSync(`${file}.tmp`, v8.serialize(stored));
  renameSync(`${file}.tmp`, file);
}
