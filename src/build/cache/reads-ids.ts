/**
 * The new index's number of each list of reads (store.ts), one per distinct list. A list the
 * previous index had is met by its identity (its lists share their arrays), one list per page
 * row that keeps it: at 50k items ~9k lists, nearly all one 解读 or policy page's own. Finding
 * each among the others by its JSON text was ~60 ms of a one-edit build's main thread (a
 * `JSON.stringify` per list); a list is looked for among those whose last read has its path
 * (a page's own 解读 map entry sorts last: most have a path of their own) and compared pair by
 * pair. Only where many lists end in one path are they told apart by their text.
 */
import type { Dependency } from "./trace.ts";

/** More lists than these ending in one path: those are found by their text. */
const CROWDED = 8;

interface Bucket {
  ids: number[];
  texts?: Map<string, number>;
}

export class ReadsIds {
  private readonly byList = new Map<readonly Dependency[], number>();
  private readonly byLast = new Map<string, Bucket>();

  /** `lists`: the new index's lists, which this numbers (a list not met yet is pushed). */
  constructor(private readonly lists: Dependency[][]) {}

  /** The number of the list with these pairs, `deps` pushed when it is the first. */
  idOf(deps: Dependency[]): number {
    let id = this.byList.get(deps);
    if (id === undefined) {
      id = this.numbered(deps);
      this.byList.set(deps, id);
    }
    return id;
  }

  private numbered(deps: Dependency[]): number {
    const last = deps.length === 0 ? "" : deps[deps.length - 1][0];
    let bucket = this.byLast.get(last);
    if (bucket === undefined) this.byLast.set(last, (bucket = { ids: [] }));
    const { texts } = bucket;
    if (texts !== undefined) {
      const text = JSON.stringify(deps);
      let id = texts.get(text);
      if (id === undefined) texts.set(text, (id = this.lists.push(deps) - 1));
      return id;
    }
    for (const other of bucket.ids) if (samePairs(this.lists[other], deps)) return other;
    const id = this.lists.push(deps) - 1;
    bucket.ids.push(id);
    if (bucket.ids.length > CROWDED)
      bucket.texts = new Map(bucket.ids.map((other) => [JSON.stringify(this.lists[other]), other]));
    return id;
  }
}

function samePairs(a: readonly Dependency[], b: readonly Dependency[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  return true;
}
