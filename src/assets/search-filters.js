/**
 * The filters (筛选) over the Worker's open indexes (search-worker.js): each value's count summed over
 * the indexes, every value of each filter in the lists' order, and the selected filters some index
 * knows.
 */

/** Sums each filter value's count over the indexes. */
export function mergeCounts(all) {
  const out = {};
  for (const counts of all)
    for (const [key, values] of Object.entries(counts)) {
      out[key] ??= {};
      for (const [value, n] of Object.entries(values)) out[key][value] = (out[key][value] ?? 0) + n;
    }
  return out;
}

/**
 * Made when the filter lists are first asked for: a zh-CN collator takes 20–40 ms to make in a new
 * Worker (Chromium, traced), which at the module's start held back every search.
 */
let collator;

/** Every value of each filter, over `indexes`, unsorted. */
function filterValues(indexes) {
  const out = {};
  for (const index of indexes)
    for (const { key, values } of index.manifest.facets) out[key] = [...new Set([...(out[key] ?? []), ...values])];
  return out;
}

/** Every value of each filter, over `indexes`, in the lists' order: years newest first, the rest as in a dictionary. */
export function sortedFilters(indexes) {
  const out = filterValues(indexes);
  collator ??= new Intl.Collator("zh-CN");
  for (const [key, values] of Object.entries(out)) values.sort(key === "year" ? (a, b) => b.localeCompare(a) : collator.compare);
  return out;
}

/** The selected filters some index of `indexes` knows (key and value); the rest would only empty the results. */
export function applicable(indexes, selected) {
  const chosen = Object.entries(selected ?? {});
  if (!chosen.length) return {};
  const known = filterValues(indexes);
  return Object.fromEntries(chosen.filter(([key, value]) => known[key]?.includes(value)));
}
