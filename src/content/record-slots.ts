/**
 * Where the record cache keeps its entries (src/content/record-cache.ts): one slot per path. The
 * record store's rows come first, in its order, which is the listing's when it was written: a
 * build lists content/ in the same order, so the path asked for next is at the slot after the last
 * one found (or a few further on, past deleted files), and no Map of every stored path is made.
 * Paths not among the store's rows (added since it was written, or every path of a cache not
 * opened from a store) get a slot after them and are found in a Map of those few paths.
 */

/** How far past the expected slot a stored path is looked for (files deleted since the store was written). */
const AHEAD = 4;

/** `E`: what is kept per path (the record cache's entry); the slots only place it. */
export class RecordSlots<E> {
  private readonly paths: string[];
  /** Per slot its entry; undefined once the path is forgotten (deleted). */
  private readonly entries: (E | undefined)[];
  /** How many slots are the store's rows; the slots after them are added. */
  private readonly stored: number;
  /** Added slots by path. */
  private readonly added = new Map<string, number>();
  /** Per added slot (from `stored` on), the stored slot the listing had reached when it was last asked for: its place in `each`. */
  private readonly placeOf: number[] = [];
  /** Stored slots by path, made only when a path is not found at its place and not among the added. */
  private index?: Map<string, number>;
  /** Stored slots written since the cache was opened, by path: the delta's save finds them without `index`. */
  private readonly written = new Map<string, number>();
  /** The stored slot where the next path asked for is looked for first. */
  private next = 0;
  /** The slots asked for since the last `endPass`, and how many. */
  private seen: Uint8Array;
  private seenCount = 0;
  /** How many slots hold an entry. */
  private filled: number;

  /** `stored`: the record store's rows in its order (src/build/cache/record-columns.ts), given up by the caller. */
  constructor(stored?: { paths: string[]; entries: E[] }) {
    this.paths = stored?.paths ?? [];
    this.entries = stored?.entries ?? [];
    if (this.entries.length !== this.paths.length) throw new Error("RecordSlots: one entry per path");
    this.stored = this.filled = this.paths.length;
    this.seen = new Uint8Array(this.stored + 16);
  }

  /** The slot of `abs`, given one if it has none; marks it asked for in this pass. */
  slotOf(abs: string): number {
    const { paths, next } = this;
    // At its place, or a few past it: files deleted since the store was written.
    for (let k = next, end = Math.min(this.stored, next + AHEAD); k < end; k++)
      if (paths[k] === abs) {
        this.next = k + 1;
        return this.asked(k);
      }
    const slot = this.added.get(abs) ?? (this.stored ? this.indexed().get(abs) : undefined) ?? this.add(abs);
    if (slot < this.stored) this.next = slot + 1;
    else this.placeOf[slot - this.stored] = next;
    return this.asked(slot);
  }

  private asked(slot: number): number {
    if (!this.seen[slot]) {
      this.seen[slot] = 1;
      this.seenCount++;
    }
    return slot;
  }

  private add(abs: string): number {
    const slot = this.paths.push(abs) - 1;
    this.entries.push(undefined);
    this.added.set(abs, slot);
    // Until it is asked for: after every stored slot.
    this.placeOf[slot - this.stored] = this.stored;
    if (slot >= this.seen.length) {
      const seen = new Uint8Array(2 * slot);
      seen.set(this.seen);
      this.seen = seen;
    }
    return slot;
  }

  /** Stored slots by path, made on the first path found neither at its place nor among the added. */
  private indexed(): Map<string, number> {
    if (this.index) return this.index;
    this.index = new Map();
    for (let i = 0; i < this.stored; i++) this.index.set(this.paths[i], i);
    return this.index;
  }

  entryAt(slot: number): E | undefined {
    return this.entries[slot];
  }

  /** Sets (or, with undefined, forgets) the entry of a slot. */
  setAt(slot: number, entry: E | undefined): void {
    if (entry && !this.entries[slot]) this.filled++;
    else if (!entry && this.entries[slot]) this.filled--;
    this.entries[slot] = entry;
    if (slot < this.stored) this.written.set(this.paths[slot], slot);
  }

  /**
   * The entry for `abs` whatever the pass (the record store saves what changed): a path written
   * since the cache was opened is found without a Map of every stored path.
   */
  entry(abs: string): E | undefined {
    const slot = this.added.get(abs) ?? this.written.get(abs) ?? (this.stored ? this.indexed().get(abs) : undefined);
    return slot === undefined ? undefined : this.entries[slot];
  }

  /**
   * Sets `entries` and forgets `removed` as the record store's delta says: one pass over the
   * stored paths with a Map of the delta's few, stopped once all are placed; the rest get added slots.
   */
  applyDelta(entries: readonly [string, E][], removed: readonly string[]): void {
    const over = new Map<string, E | undefined>(entries);
    for (const abs of removed) over.set(abs, undefined);
    for (let i = 0; i < this.stored && over.size > 0; i++) {
      const abs = this.paths[i];
      if (!over.has(abs)) continue;
      this.setAt(i, over.get(abs));
      over.delete(abs);
    }
    // A removed path that has no slot gets one too: `entry` then finds it gone without `index`.
    for (const [abs, entry] of over) this.setAt(this.added.get(abs) ?? this.add(abs), entry);
  }

  /**
   * Ends a pass over content/: forgets the slots not asked for in it (deleted files) and returns
   * their paths. As many asked for as hold an entry means none is left to forget (every slot asked
   * for gets one): no pass over the slots then.
   */
  endPass(): string[] {
    const forgotten: string[] = [];
    if (this.seenCount !== this.filled)
      for (let i = 0; i < this.entries.length; i++)
        if (this.entries[i] && !this.seen[i]) {
          this.setAt(i, undefined);
          forgotten.push(this.paths[i]);
        }
    this.seen.fill(0);
    this.seenCount = 0;
    this.next = 0;
    return forgotten;
  }

  /** Calls `f` with every entry in the order of the last listing: the stored slots, each added one at its place. */
  each(f: (abs: string, entry: E) => void): void {
    const { stored, placeOf, paths, entries } = this;
    const visit = (slot: number) => {
      const entry = entries[slot];
      if (entry) f(paths[slot], entry);
    };
    // Stable: added slots at the same place keep the order they were added in.
    const added = placeOf.map((_, j) => j).sort((a, b) => placeOf[a] - placeOf[b]);
    let j = 0;
    for (let i = 0; i < stored; i++) {
      for (; j < added.length && placeOf[added[j]] <= i; j++) visit(stored + added[j]);
      visit(i);
    }
    for (; j < added.length; j++) visit(stored + added[j]);
  }

  /** How many paths have an entry. */
  get live(): number {
    return this.filled;
  }

  /** Was a Map of the stored paths made (a path not found at its place)? For tests. */
  get madeIndex(): boolean {
    return this.index !== undefined;
  }
}
