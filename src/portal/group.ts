/** Grouping in one pass, so list builders never filter the whole site once per group. */

/** Adds `value` to the list at `key`, starting the list when it is the first. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Items per key, in their original order (records arrive sorted, so each group stays sorted).
 * Items whose key is undefined are left out.
 */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) push(groups, k, item);
  }
  return groups;
}

/**
 * The first `n` items that pass `keep`, in order: `items.filter(keep).slice(0, n)` without asking
 * the items after the `n`th (a home page block shows a few of ~30k news; each asked reads its fields).
 */
export function firstWhere<T, S extends T = T>(
  items: readonly T[],
  n: number,
  keep: ((item: T) => item is S) | ((item: T) => unknown),
): S[] {
  const found: S[] = [];
  for (const item of items) {
    if (found.length >= n) break;
    if (keep(item)) found.push(item as S);
  }
  return found;
}
