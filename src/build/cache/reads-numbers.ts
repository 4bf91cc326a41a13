/**
 * The new cache index's numbers of its lists of reads (store.ts): each distinct list once, the
 * lists numbered in the order they are first met. A list is known by its identity first (pages
 * with the same reads share one array), else by its pairs' numbers: a pair is known by its
 * identity first (the previous index's lists share each pair's array, index-rest.ts `readsOf`),
 * else by its text. Before, each list met was written out whole as JSON to be compared: ~9k
 * lists, ~4.9 MB of text at 50k items, every one-edit build, to number the lists it carries.
 * Two lists get one number exactly when their JSON texts are the same (a pair is two strings).
 */
import type { Dependency } from "./trace.ts";

export class ReadsNumbers {
  private readonly byList = new Map<readonly Dependency[], number>();
  private readonly byPairs = new Map<string, number>();
  private readonly pairByObject = new Map<Dependency, number>();
  private readonly pairByText = new Map<string, number>();

  /** `lists`: the new index's lists of reads, which `of` appends to. */
  constructor(private readonly lists: Dependency[][]) {}

  /** The number of `deps` in `lists`, appended when no list there is the same. */
  of(deps: Dependency[]): number {
    let id = this.byList.get(deps);
    if (id !== undefined) return id;
    let pairs = "";
    for (let i = 0; i < deps.length; i++) pairs += `${this.pairOf(deps[i])},`;
    id = this.byPairs.get(pairs);
    if (id === undefined) this.byPairs.set(pairs, (id = this.lists.push(deps) - 1));
    this.byList.set(deps, id);
    return id;
  }

  private pairOf(dep: Dependency): number {
    let n = this.pairByObject.get(dep);
    if (n === undefined) {
      // The path's length first: no two pairs make one text, whatever their strings hold.
      const text = `${dep[0].length} ${dep[0]}${dep[1]}`;
      n = this.pairByText.get(text);
      if (n === undefined) this.pairByText.set(text, (n = this.pairByText.size));
      this.pairByObject.set(dep, n);
    }
    return n;
  }
}
