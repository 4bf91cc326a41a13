/**
 * The order of a search's results (search-worker.js): one index's by a counting sort, several
 * indexes' merged by the pages' dates.
 */
/**
 * One index's results in the chosen order, without sorting (tens of thousands of results must not
 * cost a comparison sort): its ids are newest first already, so relevance is a counting sort by
 * tier, newest first is the ids as they are and oldest first the ids reversed.
 */
export function orderOne(offset, { ids, tier }, order) {
  const n = ids.length;
  const out = new Int32Array(n);
  if (order === "asc") for (let i = 0; i < n; i++) out[i] = offset + ids[n - 1 - i];
  else if (order === "desc") for (let i = 0; i < n; i++) out[i] = offset + ids[i];
  else {
    const start = new Int32Array(257);
    for (let i = 0; i < n; i++) start[tier[ids[i]] + 1]++;
    for (let t = 1; t < 257; t++) start[t] += start[t - 1];
    for (let i = 0; i < n; i++) out[start[tier[ids[i]]]++] = offset + ids[i];
  }
  return out;
}

/**
 * Several indexes' results merged: by the pages' dates, then by index and id (a global id grows with
 * both). `offsets`: each index's first global id.
 */
export function orderMerged(found, order, offsets) {
  const rows = [];
  for (const { k, match, dates } of found)
    for (const id of match.ids) rows.push({ id: offsets[k] + id, tier: match.tier[id], date: dates[id] });
  const byDate = (a, b) => b.date - a.date || a.id - b.id;
  if (order === "asc") rows.sort((a, b) => -byDate(a, b));
  else if (order === "desc") rows.sort(byDate);
  else rows.sort((a, b) => a.tier - b.tier || byDate(a, b));
  return Int32Array.from(rows, (r) => r.id);
}
