/**
 * The search pages' newest-first order (src/search/newest-first.ts) is the order of a stable sort
 * by their date strings, descending, which cuts the index's shards: dates of the records' two
 * forms are sorted as numbers, any other date by the comparator, and both give that order.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dateKey, newestFirst } from "../../src/search/newest-first.ts";

/** The order the index step had: the comparator's stable sort. */
const byComparator = <T extends { date: string }>(items: T[]): T[] =>
  [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

/** A small seeded generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const pad = (n: number) => String(n).padStart(2, "0");

function dates(count: number, seed: number, odd: readonly string[] = []): { date: string; n: number }[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: count }, (_, n) => {
    const roll = next();
    // Few days and times, so many dates tie (their order among themselves must stay).
    const day = `${2020 + pick(3)}-${pad(1 + pick(12))}-${pad(1 + pick(31))}`;
    const date =
      roll < 0.05
        ? ""
        : roll < 0.4
          ? day
          : roll < 0.4 + odd.length * 0.01
            ? odd[pick(odd.length)]
            : `${day} ${pad(pick(24))}:${pad(pick(4) * 15)}`;
    return { date, n };
  });
}

test("dates of the records' forms are in the comparator's order, ties in their own order", () => {
  for (const seed of [1, 2, 3]) {
    const items = dates(5000, seed);
    assert.deepEqual(newestFirst([...items]), byComparator(items));
  }
});

test("a date of another form falls back to the comparator, in the same order", () => {
  const odd = ["2021-13-01", "2021-02-30 24:00", "2021-2-3", "２０２１-01-01", "2021-01-01T09:00", "x"];
  for (const seed of [4, 5]) {
    const items = dates(3000, seed, odd);
    assert.ok(items.some(({ date }) => dateKey(date) < 0));
    assert.deepEqual(newestFirst([...items]), byComparator(items));
  }
});

test("a date's number orders as its string does", () => {
  const all = [
    "",
    "2020-01-01",
    "2020-01-01 00:00",
    "2020-01-01 23:59",
    "2020-01-02",
    "2020-02-01 00:00",
    "2020-12-31 23:59",
    "2021-01-01",
  ];
  for (const a of all)
    for (const b of all)
      assert.equal(Math.sign(dateKey(a) - dateKey(b)), a < b ? -1 : a > b ? 1 : 0, `${a} / ${b}`);
  for (const odd of [
    "2021-00-01",
    "2021-01-32",
    "2021-01-01 24:00",
    "2021-01-01 09:60",
    "2021-01-01 9:00",
    "20210101",
  ])
    assert.equal(dateKey(odd), -1, odd);
});
