/**
 * The wording check's automaton (src/check/wording/automaton.ts) against a plain search: every
 * occurrence, overlapping and nested ones and one ending where another's match ends included, in
 * order of end, with and without the marks table, and the marked offsets in the same pass.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Automaton } from "../../src/check/wording/automaton.ts";

/** Pairs of pattern id and start, ordered by end, the longest first. */
function plainSearch(patterns: string[], text: string): number[] {
  const found: [end: number, id: number, start: number][] = [];
  patterns.forEach((p, id) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) found.push([at + p.length, id, at]);
  });
  found.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  return found.flatMap(([, id, start]) => [id, start]);
}

test("the automaton finds what a plain search finds, and marks what the table flags", () => {
  const patterns = ["人民政府", "民政", "政府", "府", "民政局", "市人民政府办公室", "办公"];
  const automaton = new Automaton(patterns);
  const marks = new Uint8Array(65536);
  for (const c of "，“”年") marks[c.charCodeAt(0)] = 1;
  const texts = [
    "",
    "无关的文字",
    "市人民政府办公室发布，民政局“转发”人民政府的通知",
    "府府府民政民政局2025年",
    "市人民政府办公室市人民政府办公室",
  ];
  for (const text of texts) {
    const expected = plainSearch(patterns, text);
    assert.deepEqual([...automaton.scan(text)], expected, text);
    assert.deepEqual([...automaton.scan(text, marks)], expected, text);
    const marked = [...text].flatMap((c, i) => (marks[c.charCodeAt(0)] ? [i] : []));
    assert.deepEqual(automaton.marked, marked, text);
  }
});
