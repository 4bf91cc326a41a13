/**
 * Which records each paginated list held in the last build, kept in the cache folder
 * (`lists.v8`), so that a one-edit build need not walk the ~600k elements of the ~1,800 lists
 * (at 50k items) to find their hashes as they were. A list whose maker vouched that it is a
 * function of its items' own fields (`paginate`'s `ownFields`: which records are in it, and in
 * what order, follows from each record alone; whatever chooses the list is in its spec) keeps the
 * last build's elements hash when it holds no record that changed since, *and* held none then:
 * every record that could be in it is then as it was, so its members and their order are.
 *
 * A record's number is its place in the build's record set (the portal's records, newest first,
 * then the reports and the detail records), and the file keeps every record's digest by that
 * place. The records now are matched with the last build's in one pass, place by place
 * (`matchRecords`): a record whose digest is the one at its place (or a few places on, after a
 * record added, removed or moved) is as it was; the others are "changed now" (edited, new, newly
 * published, shown otherwise), and a digest of the last build left unmatched is "gone" (the
 * edited record's old self, a removed one). No string is hashed or looked up for it. The test
 * "holds one now" is `includes` on the list's array (pointer compares, no record read), the test
 * "held one then" a scan of the stored members (numbers). With more than a few changed records
 * every list is walked, as before. The list's key is its spec's hash, page size and first URL:
 * another spec (a chooser record in it, a config change) is another list. The file is the last
 * build's alone (its fingerprint, its digests, its lists' hashes and members): no tie to the index.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type { Digests } from "./digest.ts";
import { matchRecords, WIDTH } from "./record-match.ts";

const FILE = "lists.v8";
const FORMAT = 2;
/** More changed records than these (now, then): every list is walked. */
const MAX_CHANGED = 16;
const MAX_GONE = 64;

interface Stored {
  format: number;
  fingerprint: string;
  /** Every record's digest by its number, each WIDTH characters and a line break ("": none kept). */
  digests: string;
  keys: string[];
  hashes: string[];
  /** List i's members are members[offsets[i]..offsets[i + 1]). */
  offsets: Uint32Array;
  members: Uint32Array;
}

function read(file: string, fingerprint: string): Stored | undefined {
  try {
    const stored = v8.deserialize(readFileSync(file)) as Stored;
    if (stored.format !== FORMAT || stored.fingerprint !== fingerprint) return undefined;
    if (stored.offsets.length !== stored.keys.length + 1) return undefined;
    if (typeof stored.digests !== "string" || (stored.digests.length + 1) % (WIDTH + 1) !== 0)
      return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

export class ListMembers {
  /** Lists whose stored hash was taken / walked and written down. */
  skipped = 0;
  walked = 0;
  /** Records matched with none of the last build's / the last build's matched with none (report). */
  changed = 0;
  gone = 0;
  private prepared = false;
  private prev?: Stored;
  private prevList = new Map<string, number>();
  /** The last build's number → this build's (-1: gone). */
  private nextOfPrev: Int32Array = new Int32Array(0);
  /** This build's records whose digest is new. */
  private changedNow: object[] = [];
  /** This build's records, in order (a record's number is its place), and their digests. */
  private recordsNow: object[] = [];
  private digestsNow: string[] = [];
  /** A record's number, made only when a vouched list is walked. */
  private numbers?: Map<object, number>;
  /** The last build's lists that held a record gone since. */
  private stale = new Set<number>();
  private skipping = false;
  /** This build's lists: their hash and members (null: not to be kept, a key met twice or an element not a record). */
  private readonly now = new Map<string, { hash: string; members: Uint32Array } | null>();

  constructor(
    private readonly digests: Digests,
    private readonly records: Iterable<object>,
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  /**
   * The last build's elements hash of list `key` with these items when it is known unchanged; else
   * undefined. `choosers`: records that choose its items, kept as members after them.
   */
  hashOf(key: string, items: readonly unknown[], choosers: readonly object[] = []): string | undefined {
    this.prepare();
    if (this.now.has(key)) {
      this.now.set(key, null);
      return undefined;
    }
    const prev = this.prev;
    const j = this.prevList.get(key);
    if (!this.skipping || prev === undefined || j === undefined || this.stale.has(j)) return undefined;
    const from = prev.offsets[j];
    const to = prev.offsets[j + 1];
    if (to - from !== items.length + choosers.length) return undefined;
    for (const record of this.changedNow)
      if (items.includes(record) || choosers.includes(record)) return undefined;
    const members = new Uint32Array(to - from);
    for (let i = from; i < to; i++) members[i - from] = this.nextOfPrev[prev.members[i]];
    this.now.set(key, { hash: prev.hashes[j], members });
    this.skipped++;
    return prev.hashes[j];
  }

  /** List `key` was walked: its items, whose elements hash is `hash`. */
  walkedList(key: string, items: readonly unknown[], hash: string, choosers: readonly object[] = []): void {
    this.prepare();
    this.walked++;
    if (this.now.has(key)) {
      this.now.set(key, null);
      return;
    }
    if (this.numbers === undefined) {
      const numbers = (this.numbers = new Map<object, number>());
      this.recordsNow.forEach((record, i) => numbers.set(record, i));
    }
    const members = new Uint32Array(items.length + choosers.length);
    for (let i = 0; i < members.length; i++) {
      const item = i < items.length ? items[i] : choosers[i - items.length];
      const n = typeof item === "object" && item !== null ? this.numbers.get(item) : undefined;
      if (n === undefined) {
        this.now.set(key, null);
        return;
      }
      members[i] = n;
    }
    this.now.set(key, { hash, members });
  }

  /** Writes this build's lists (when any list was asked about): the next build's `prev`. */
  save(): void {
    if (!this.prepared) return;
    const keys: string[] = [];
    const hashes: string[] = [];
    const parts: Uint32Array[] = [];
    let total = 0;
    for (const [key, list] of this.now) {
      if (list === null) continue;
      keys.push(key);
      hashes.push(list.hash);
      parts.push(list.members);
      total += list.members.length;
    }
    const offsets = new Uint32Array(keys.length + 1);
    const members = new Uint32Array(total);
    let at = 0;
    parts.forEach((part, i) => {
      members.set(part, at);
      at += part.length;
      offsets[i + 1] = at;
    });
    // A digest of another width (none is: SHA-1 in base64url) keeps no record: the next build walks every list.
    const fixed = this.digestsNow.every((digest) => digest.length === WIDTH);
    const stored: Stored = {
      format: FORMAT,
      fingerprint: this.fingerprint,
      digests: fixed ? this.digestsNow.join("\n") : "",
      keys: fixed ? keys : [],
      hashes: fixed ? hashes : [],
      offsets: fixed ? offsets : new Uint32Array(1),
      members: fixed ? members : new Uint32Array(0),
    };
    const file = path.join(this.dir, FILE);
    writeFileSync(`${file}.tmp`, v8.serialize(stored));
    renameSync(`${file}.tmp`, file);
  }

  /** Once, on first use: the last build's lists, and which records changed since. */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    for (const record of this.records) {
      this.recordsNow.push(record);
      this.digestsNow.push(this.digests.record(record));
    }
    const prev = read(path.join(this.dir, FILE), this.fingerprint);
    if (prev === undefined) return;
    const match = matchRecords(prev.digests, this.digestsNow, MAX_CHANGED, MAX_GONE);
    this.changed = match.changed.length;
    this.gone = match.gone;
    if (match.nextOfPrev === undefined) return;
    this.nextOfPrev = match.nextOfPrev;
    this.changedNow = match.changed.map((i) => this.recordsNow[i]);
    this.prev = prev;
    prev.keys.forEach((key, j) => this.prevList.set(key, j));
    this.skipping = true;
    if (match.gone === 0) return;
    // The lists that held a record gone since: each stored member read once (numbers, ~600k at 50k items).
    const { offsets, members } = prev;
    const nextOfPrev = this.nextOfPrev;
    for (let j = 0; j < prev.keys.length; j++)
      for (let i = offsets[j]; i < offsets[j + 1]; i++)
        if (nextOfPrev[members[i]] < 0) {
          this.stale.add(j);
          break;
        }
  }
}
