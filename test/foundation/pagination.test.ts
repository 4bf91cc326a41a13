/** Page links: where you are, the first and last page, "…" for the pages left out. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { pageWindow } from "../../layouts/parts/pagination.ts";

test("four pages: all four shown, no ellipsis", () => {
  assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
});

test("twenty pages: first, window of two around the current one, last; gaps as null", () => {
  assert.deepEqual(pageWindow(1, 20), [1, 2, 3, null, 20]);
  assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
  assert.deepEqual(pageWindow(20, 20), [1, null, 18, 19, 20]);
});

test("a gap of exactly one page shows that page instead of an ellipsis", () => {
  assert.deepEqual(pageWindow(5, 9), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(pageWindow(6, 12), [1, null, 4, 5, 6, 7, 8, null, 12]);
});
