/** Grouping in one pass, so list builders never filter the whole site once per group. */

/** Items per key, in their original order (records arrive sorted, so each group stays sorted). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
