/**
 * A spliced shard's record files (`d/`, shard-splice.mjs): one whose pages are all as the cached
 * shard's (none changed, none re-packed, none sent with its metadata) is placed as the cached file
 * without being made again; the others are made, and every file is what the shard made whole has.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { escapeHtml, shardDocFiles } from "../../src/search/doc-pieces.mjs";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { patchShard } from "../../src/search/gram-patch.mjs";
import { parseGrams, serializeGrams } from "../../src/search/gram-blob.mjs";
import { spliceShard } from "../../src/search/shard-splice.mjs";

interface Page {
  title: string;
  pieces: string[];
  url: string;
  meta: Record<string, string>;
}

const filesOf = (pages: Page[]) => {
  const { starts } = indexShard(pages);
  const stored = pages.map((p, i) => ({
    record: { url: p.url, meta: p.meta },
    pieces: p.pieces,
    starts: starts[i],
  }));
  return shardDocFiles(0, 0, stored);
};

test("a splice places the record files whose pages are all as then, unmade, and makes the others", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "splice-records-"));
  try {
    const before: Page[] = Array.from({ length: 300 }, (_, i) => {
      const title = `公开标题${i}`;
      return {
        title,
        pieces: [`${title}正文${i}，政务许可`.repeat(1 + (i % 7)), `附件${i}`],
        url: `/p/${i}/`,
        meta: { title: escapeHtml(title), d: `2025-${i}` },
      };
    });
    const files: [string, string, string][] = [];
    for (const [rel, raw] of filesOf(before)) {
      const blob = path.join(dir, rel.replace("/", "_"));
      writeFileSync(blob, gzipSync(raw));
      files.push([rel, `sha-${rel}`, blob]);
    }
    const grams = path.join(dir, "grams");
    writeFileSync(grams, serializeGrams(indexShard(before)));
    // A title edit of page 130 (d/2); page 270 (d/4) sent with its metadata, as the main thread does
    // for a page whose key changed, though its record is as then.
    const after = [...before];
    const title = `${before[130].title}（修订）`;
    after[130] = { ...before[130], title, meta: { ...before[130].meta, title: escapeHtml(title) } };
    const job = {
      shard: 0,
      first: 0,
      cached: { files, complete: true, grams, same: new Uint8Array(after.length) },
      pages: after.map((p, j) => ({
        cached: true as const,
        title: p.title,
        record: j === 130 || j === 270 ? { url: p.url, meta: p.meta } : { url: p.url },
      })),
    };
    const got = spliceShard(
      job,
      () => assert.fail("no page is read: every HTML is as then"),
      (bytes, ...rest) => patchShard(parseGrams(bytes), ...rest),
    );
    assert.ok(got, "spliced");
    const want = filesOf(after);
    const cached = filesOf(before);
    const made = new Map<string, boolean>();
    for (const [rel, raw, sha] of got.files) {
      made.set(rel, raw !== undefined);
      const bytes = sha !== undefined ? cached.get(rel) : raw!.toString("utf8");
      if (sha !== undefined) assert.equal(sha, `sha-${rel}`, `${rel}: the cached file`);
      assert.equal(bytes, want.get(rel), `${rel}: as made whole`);
    }
    assert.deepEqual([...made.keys()].sort(), [...want.keys()].sort());
    const records = [...made].filter(([rel]) => rel.startsWith("d/"));
    assert.deepEqual(
      records.filter(([, m]) => m).map(([rel]) => rel),
      ["d/2.gz", "d/4.gz"],
      "only the record files with a changed page or a record sent are made",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
