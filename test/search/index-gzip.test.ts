/**
 * The index files' compression (index-gzip.mjs): a large file is one gzip member made of chunks
 * compressed each on its own, so that the build cache copies the chunks of the file before that
 * hold the same bytes. Whatever the file before, the bytes are those of compressing it afresh
 * (the index stays byte-identical to a clean build), and any gzip reader gets the data back.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { CHUNKED_FROM, chunkEnds, gzipJoined } from "../../src/search/index-gzip.mjs";
import { random } from "../../bench/synthetic.ts";

/** Bytes like a positions file's: small varints, many repeated. */
function varints(rand: () => number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(rand() * rand() * rand() * 200)));
}

test("a large file is gzip of its bytes, and a small one is plain gzip", () => {
  const rand = random(3);
  for (const length of [0, 1, CHUNKED_FROM - 1, CHUNKED_FROM, 100_000, 300_001]) {
    const data = varints(rand, length);
    const { gz, chunks } = gzipJoined(data);
    assert.deepEqual(gunzipSync(gz), data, `${length} bytes`);
    assert.equal(chunks === undefined, length < CHUNKED_FROM);
    if (chunks) assert.equal(chunks.length, chunkEnds(data).length);
  }
});

test("after an edit, the chunks of the file before are copied and the bytes are as made afresh", (t) => {
  const rand = random(11);
  const dir = mkdtempSync(path.join(tmpdir(), "index-gzip-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "before.gz");
  for (let round = 0; round < 20; round++) {
    const before = varints(rand, 20_000 + Math.floor(rand() * 200_000));
    const at = Math.floor(rand() * before.length);
    // Bytes changed in place (a shifted position), inserted or removed (a page's longer entry).
    const edits = [
      Buffer.concat([before.subarray(0, at), Buffer.from([7, 7, 7]), before.subarray(at + 3)]),
      Buffer.concat([before.subarray(0, at), varints(rand, 40), before.subarray(at)]),
      Buffer.concat([before.subarray(0, at), before.subarray(Math.min(before.length, at + 500))]),
    ];
    const old = gzipJoined(before);
    writeFileSync(file, old.gz);
    for (const after of edits) {
      const fresh = gzipJoined(after);
      const patched = gzipJoined(after, { file, chunks: old.chunks! });
      assert.deepEqual(patched.gz, fresh.gz);
      assert.equal(patched.sha256, fresh.sha256);
      assert.deepEqual(gunzipSync(patched.gz), after);
      // A file before that is gone: every chunk compressed, the same bytes.
      assert.deepEqual(gzipJoined(after, { file: `${file}.gone`, chunks: old.chunks! }).gz, fresh.gz);
      // Cuts follow the content: most chunks outlive an edit in one place.
      const kept = new Set(old.chunks!.map(([hash]) => hash));
      const same = fresh.chunks!.filter(([hash]) => kept.has(hash)).length;
      if (fresh.chunks!.length >= 8)
        assert.ok(same >= fresh.chunks!.length - 3, `${same} of ${fresh.chunks!.length}`);
    }
  }
});
