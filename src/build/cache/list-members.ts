/**
 * Which records each paginated list held in the last build, kept in the cache folder
 * (`lists.v8`), so that a one-edit build need not walk the ~600k elements of the ~1,800 lists
 * (at 50k items) to find their hashes. A list whose maker vouched that it is a function of its
 * items' own fields (`paginate`'s `ownFields`: which records are in it, and in what order, follows
 * from each record alone; whatever chooses it is in its spec or its choosers) keeps the last
 * build's elements hash when it holds no record changed since and held none then: every record
 * that could be in it is as it was, so its members and their order are. One that holds changed
 * records exactly where it held records gone since (a record edited in place) is the last build's
 * list with those places replaced: its hash is made from the last one and the replacements.
 *
 * A record's number is its place in the build's record set (the portal's records, newest first,
 * then the reports and the detail records); the file keeps every record's digest by number. The
 * records are matched with the last build's place by place (record-match.ts): unmatched ones are
 * "changed now" (edited, new, newly published, shown otherwise), the last build's unmatched ones
 * "gone". "Holds one now" is `indexOf` on the list's array (pointer compares), "held one then" a
 * scan of the stored members (numbers). With more than a few changed records every list is
 * walked. A list's key is its spec's hash, page size and first URL. The file is the last build's
 * alone (its fingerprint, digests, lists' hashes and members): no tie to the index.
 */
import { hashText } from "./hash-text.ts";
import { type Digests } from "./digest.ts";
import { readLists, writeLists, type KeptList, type StoredLists } from "./list-members-file.ts";
import { matchRecords, WIDTH } from "./record-match.ts";

/**
 * A list that is the last build's with some places replaced (an edit in place): the last build's
 * elements hash of it, and the places replaced (ascending). Every other place holds the record it
 * held then, so a page of the list whose slice holds none of them shows what it showed
 * (list-hints.ts takes its cached own part).
 */
export interface Replaced {
  hash: string;
  places: readonly number[];
}

/** More changed records than these (now, then): every list is walked. */
const MAX_CHANGED = 16;
const MAX_GONE = 64;

export class ListMembers {
  /** Lists kept / replaced in places / walked; records changed now / gone (the report). */
  skipped = 0;
  replaced = 0;
  walked = 0;
  changed = 0;
  gone = 0;
  private prepared = false;
  private prev?: StoredLists;
  private prevList = new Map<string, number>();
  /** The last build's number → this build's (-1: gone). */
  private nextOfPrev: Int32Array = new Int32Array(0);
  /** This build's records whose digest is new, and their numbers. */
  private changedNow: object[] = [];
  private changedNumbers: number[] = [];
  /** This build's records, in order (a record's number is its place), and their digests. */
  private recordsNow: object[] = [];
  private digestsNow: string[] = [];
  /** A record's number, made only when a vouched list is walked. */
  private numbers?: Map<object, number>;
  /** The last build's lists that held a record gone since: the places it held them in, ascending. */
  private stale = new Map<number, number[]>();
  private skipping = false;
  /** This build's lists: their hash and members (null: not to be kept, a key met twice or an element not a record). */
  private readonly now = new Map<string, KeptList | null>();

  constructor(
    private readonly digests: Digests,
    private readonly records: Iterable<object>,
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  /**
   * List `key`'s elements hash: the last build's (or it with edited places replaced) when it can be
   * vouched for, made known to the digests without a walk (`kept`); else the items walked, and
   * numbered for the next build. `choosers`: records that choose its items, kept after them.
   */
  elementsHash(
    key: string,
    items: readonly unknown[],
    choosers: readonly object[] = [],
  ): { hash: string; kept: boolean; before?: Replaced } {
    this.lastReplaced = undefined;
    const kept = this.hashOf(key, items, choosers);
    if (kept !== undefined) this.digests.knowElementsHash(items, kept);
    const hash = kept ?? this.digests.elementsHash(items);
    if (kept === undefined) this.walkedList(key, items, hash, choosers);
    return { hash, kept: kept !== undefined, before: this.lastReplaced };
  }

  /** Set by `hashOf` when the list it answered for was the last build's with places replaced. */
  private lastReplaced?: Replaced;

  /** The last build's elements hash of list `key` with these items when it is known unchanged; else undefined. */
  private hashOf(key: string, items: readonly unknown[], choosers: readonly object[]): string | undefined {
    this.prepare();
    if (this.now.has(key)) {
      this.now.set(key, null);
      return undefined;
    }
    const prev = this.prev;
    const j = this.prevList.get(key);
    if (!this.skipping || prev === undefined || j === undefined) return undefined;
    const from = prev.offsets[j];
    const to = prev.offsets[j + 1];
    if (to - from !== items.length + choosers.length) return undefined;
    // Where it holds a changed record now (a chooser changed: its items may be others).
    let places: number[] | undefined;
    for (const record of this.changedNow) {
      if (choosers.includes(record)) return undefined;
      const at = items.indexOf(record);
      if (at >= 0) (places ??= []).push(at);
    }
    const gone = this.stale.get(j);
    const members = () => {
      const out = new Uint32Array(to - from);
      for (let i = from; i < to; i++) out[i - from] = this.nextOfPrev[prev.members[i]];
      return out;
    };
    if (places === undefined && gone === undefined) {
      this.now.set(key, { hash: prev.hashes[j], members: members(), choosers: choosers.length });
      this.skipped++;
      return prev.hashes[j];
    }
    // Changed records now where it held records gone since, and nowhere else: the records that
    // stayed are as they were, in the same order (vouched), so in the same places.
    // With its choosers as they were (as many, none gone: all after its items).
    if (places === undefined || gone === undefined || places.length !== gone.length) return undefined;
    if (prev.choosers[j] !== choosers.length || gone[gone.length - 1] >= items.length) return undefined;
    places.sort((a, b) => a - b);
    if (places.some((at, k) => at !== gone[k])) return undefined;
    const kept = members();
    let changes = "";
    for (const at of places) {
      const record = items[at] as object;
      kept[at] = this.changedNumbers[this.changedNow.indexOf(record)];
      changes += `\0${at}\0${this.digests.record(record)}`;
    }
    // Not the hash a walk makes of these elements: one of the last build's hash and what was put
    // where, which names them as surely. The same elements walked, or reached otherwise, hash to
    // another text: a page then compares its own part (list-hints.ts `same`), and keeps its key.
    const hash = hashText(`R${prev.hashes[j]}${changes}`);
    this.now.set(key, { hash, members: kept, choosers: choosers.length });
    this.replaced++;
    this.lastReplaced = { hash: prev.hashes[j], places };
    return hash;
  }

  /** List `key` was walked: its items, whose elements hash is `hash`. */
  private walkedList(
    key: string,
    items: readonly unknown[],
    hash: string,
    choosers: readonly object[],
  ): void {
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
    this.now.set(key, { hash, members, choosers: choosers.length });
  }

  /** Writes this build's lists (when any list was asked about): the next build's `prev`. */
  save(): void {
    if (!this.prepared) return;
    // A digest of another width (none is: SHA-1 in base64url) keeps no record: the next build walks every list.
    const fixed = this.digestsNow.every((digest) => digest.length === WIDTH);
    if (!fixed) this.now.clear();
    writeLists(this.dir, this.fingerprint, fixed ? this.digestsNow.join("\n") : "", this.now);
  }

  /** Once, on first use: the last build's lists, and which records changed since. */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    for (const record of this.records) {
      this.recordsNow.push(record);
      this.digestsNow.push(this.digests.record(record));
    }
    const prev = readLists(this.dir, this.fingerprint);
    if (prev === undefined) return;
    const match = matchRecords(prev.digests, this.digestsNow, MAX_CHANGED, MAX_GONE);
    this.changed = match.changed.length;
    this.gone = match.gone;
    if (match.nextOfPrev === undefined) return;
    this.nextOfPrev = match.nextOfPrev;
    this.changedNow = match.changed.map((i) => this.recordsNow[i]);
    this.changedNumbers = match.changed;
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
          const places = this.stale.get(j);
          if (places) places.push(i - offsets[j]);
          else this.stale.set(j, [i - offsets[j]]);
        }
  }
}
