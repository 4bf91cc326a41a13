/**
 * The record store's columns serialized with their typed arrays apart (src/build/cache/record-views.ts):
 * read back equal, each typed array a view of the bytes read (no copy), and numbers that name no
 * view of those bytes not used.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { deserializeApart, regionBuffer, serializeApart } from "../../src/build/cache/record-views.ts";

/** The region as the store's file gives it: one piece of memory of its own. */
function regionOf(parts: Uint8Array[], length: number): Buffer {
  const region = regionBuffer(length);
  let at = 0;
  for (const part of parts) {
    region.set(part, at);
    at += part.length;
  }
  return region;
}

test("typed arrays come back equal, as views of the region", () => {
  const value = {
    layout: 5,
    names: ["a", "文", null],
    stamps: Float64Array.from([1.5, -0, Number.MAX_VALUE]),
    wide: Uint8Array.from([1, 0, 1]),
    tape: { codes: Int32Array.from([7, -1, 2 ** 31 - 1]), numbers: new Float64Array(0) },
  };
  const { bytes, region, regionLength } = serializeApart(value);
  const read = regionOf(region, regionLength);
  const back = deserializeApart(bytes, read) as typeof value;
  assert.deepEqual(back, value);
  for (const view of [back.stamps, back.wide, back.tape.codes, back.tape.numbers]) {
    assert.equal(view.buffer, read.buffer, "a view, not a copy");
    assert.equal(view.byteOffset % 8, 0);
  }
});

test("a Buffer or a DataView is not written; a view past the region or misplaced is not read", () => {
  assert.throws(() => serializeApart({ b: Buffer.from("x") }));
  assert.throws(() => serializeApart({ d: new DataView(new ArrayBuffer(8)) }));
  const { bytes, region, regionLength } = serializeApart({ codes: Int32Array.from([1, 2, 3]) });
  const read = regionOf(region, regionLength);
  assert.throws(() => deserializeApart(bytes, read.subarray(0, 8)), /past the region/);
  assert.throws(() => deserializeApart(bytes, read.subarray(4)), /not aligned/);
});
