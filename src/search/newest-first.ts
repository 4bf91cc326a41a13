/**
 * The search pages' order, newest first: the order of a stable sort by their date strings,
 * descending (`a.date < b.date ? 1 : …`), which cuts the index's shards. That sort compared ~800k
 * pairs of strings through a comparator at 50k items, on the main thread before the first shard
 * could be handed to a worker (~0.1 s of a one-edit build's index step). A date of the two forms
 * records have ("YYYY-MM-DD", "YYYY-MM-DD HH:mm") or "" is read as a number that sorts as its
 * string does, and the numbers are sorted as one typed array; any other date keeps the comparator.
 */

/** What the order reads of a page. */
export interface Dated {
  date: string;
}

/** Minutes of a day plus one: a date without a time sorts before the same date with one. */
const SLOTS = 24 * 60 + 1;

/** The digit at `at`, or a negative number far enough below zero to fail every range check. */
function digit(s: string, at: number): number {
  const c = s.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1e6;
}

/**
 * A number for `date` that orders as the string does among such numbers, or -1 when the date is
 * of no known form. Two such dates share the fixed-width "YYYY-MM-DD", so comparing the strings
 * compares year, month and day in turn (month 1–12 and day 1–31 make the mixed radix exact); on
 * the same day the shorter string (no time) is less, then hour 0–23 and minute 0–59. "" is least.
 */
export function dateKey(date: string): number {
  const n = date.length;
  if (n === 0) return 0;
  if ((n !== 10 && n !== 16) || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  let slot = 0;
  if (n === 16) {
    if (date.charCodeAt(10) !== 32 || date.charCodeAt(13) !== 58) return -1;
    const hour = digit(date, 11) * 10 + digit(date, 12);
    const minute = digit(date, 14) * 10 + digit(date, 15);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return -1;
    slot = 1 + hour * 60 + minute;
  }
  return 1 + ((year * 12 + month - 1) * 31 + day - 1) * SLOTS + slot;
}

const byDateDescending = (a: Dated, b: Dated) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/**
 * `items` in the order of a stable sort by date, newest first (ties keep their order); sorts
 * `items` itself only when it falls back to the comparator, else returns a new array.
 */
export function newestFirst<T extends Dated>(items: T[]): T[] {
  const n = items.length;
  const keys = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const key = dateKey(items[i].date);
    if (key < 0) return items.sort(byDateDescending);
    keys[i] = key;
    if (key > max) max = key;
  }
  // One number per item, (newer first, then its place): exact while below 2^53.
  if ((max + 1) * n > Number.MAX_SAFE_INTEGER) return items.sort(byDateDescending);
  for (let i = 0; i < n; i++) keys[i] = (max - keys[i]) * n + i;
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[keys[i] % n];
  return out;
}
