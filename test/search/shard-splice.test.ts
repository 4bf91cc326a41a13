/**
 * A shard spliced from the build cache's copy after a few pages changed (shard-splice.mjs: only
 * the record files and the text files it needs are read, the text files packed again only until
 * the packer is where it was) against the shard's files made whole (doc-pieces.mjs
 * `shardDocFiles`) and its grams indexed again: the same files with the same bytes, for random
 * shards whose pieces are of every length (files cut by piece count and by characters), edits of
 * a title, of a page's text (longer, shorter, the same), of several pages, near the shard's end.
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
import { random } from "../../bench/synthetic.ts";

interface Page {
  title: string;
  pieces: string[];
  url: string;
  meta: Record<string, string>;
}

const filesOf = (shard: number, first: number, pages: Page[]) => {
  const { starts } = indexShard(pages);
  const stored = pages.map((p, i) => ({
    record: { url: p.url, meta: p.meta },
    pieces: p.pieces,
    starts: starts[i],
  }));
  return shardDocFiles(shard, first, stored);
};

test("spliceShard makes the files and grams of the shard made whole", () => {
  const rand = random(11);
  const dir = mkdtempSync(path.join(tmpdir(), "shard-splice-"));
  try {
    const alphabet = [..."公开政务许可，。&<>\"'ab 号", "\n"];
    const pick = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
    const text = () => {
      const roll = rand();
      return pick(Math.floor(roll < 0.5 ? rand() * 200 : roll < 0.9 ? rand() * 1500 : rand() * 4000));
    };
    const pieces = () => Array.from({ length: 1 + Math.floor(rand() * 3) }, text);
    let spliced = 0;
    let declined = 0;
    for (let round = 0; round < 60; round++) {
      const shard = Math.floor(rand() * 3);
      const first = 64 * Math.floor(rand() * 3);
      const count = 1 + Math.floor(rand() * 300);
      const before: Page[] = Array.from({ length: count }, (_, i) => {
        const title = pick(Math.floor(rand() * 30));
        return {
          title,
          pieces: pieces(),
          url: `/p/${round}/${i}/`,
          meta: { title: escapeHtml(title), d: "x" },
        };
      });
      const files: [string, string, string][] = [];
      for (const [rel, raw] of filesOf(shard, first, before)) {
        const blob = path.join(dir, `${round}-${rel.replace("/", "_")}`);
        writeFileSync(blob, gzipSync(raw));
        files.push([rel, `sha-${rel}-${round}`, blob]);
      }
      const gramsBlob = path.join(dir, `${round}-grams`);
      writeFileSync(gramsBlob, serializeGrams(indexShard(before)));
      const after = [...before];
      const fresh = new Set<number>();
      /** Pages sent without their metadata (as the cached shard's: the record taken from there). */
      const kept = new Set<number>();
      const near = rand() < 0.3 ? Math.max(0, count - 3) : 0;
      for (let e = 1 + Math.floor(rand() * 3); e > 0; e--) {
        const j = near + Math.floor(rand() * (count - near));
        const was = after[j];
        const roll = rand();
        if (roll < 0.3) {
          const title = `${was.title}（修订）`;
          after[j] = { ...was, title, meta: { ...was.meta, title: escapeHtml(title) } };
          if (rand() < 0.5) continue;
        } else if (roll < 0.5) after[j] = { ...was, pieces: was.pieces.map((p, i) => (i ? p : `${p}增补`)) };
        else if (roll < 0.65) after[j] = { ...was, pieces: [was.pieces[0].slice(0, 10)] };
        else if (roll < 0.8) after[j] = { ...was };
        else after[j] = { ...was, pieces: pieces() };
        fresh.add(j);
      }
      for (let j = 0; j < count; j++) if (after[j] === before[j] && rand() < 0.5) kept.add(j);
      const job = {
        shard,
        first,
        cached: { files, complete: true, grams: gramsBlob, same: new Uint8Array(count) },
        pages: after.map((p, j) => ({
          ...(fresh.has(j) ? { file: String(j) } : { cached: true as const }),
          title: p.title,
          record: kept.has(j) ? { url: p.url } : { url: p.url, meta: p.meta },
        })),
      };
      let declinedNow = false;
      const got = spliceShard(
        job,
        (page) => after[Number((page as { file: string }).file)].pieces,
        (bytes, ...rest) => {
          const out = patchShard(parseGrams(bytes), ...rest);
          declinedNow = !out;
          return out;
        },
      );
      // The patch declines when a long gram may come in (gram-long.mjs): the shard is then made whole.
      if (declinedNow) {
        assert.equal(got, undefined, `round ${round}: made whole`);
        declined++;
        continue;
      }
      assert.ok(got, `round ${round}: spliced`);
      spliced++;
      const want = indexShard(after);
      assert.deepEqual(Buffer.from(got.grams.bytes), Buffer.from(want.bytes), `round ${round}: grams`);
      assert.deepEqual([...got.grams.keys], [...want.keys], `round ${round}: keys`);
      assert.deepEqual(got.starts, want.starts, `round ${round}: starts`);
      assert.equal(got.read, fresh.size, `round ${round}: pages read`);
      const cachedRaw = filesOf(shard, first, before);
      const wantFiles = filesOf(shard, first, after);
      const gotFiles = new Map<string, string>();
      for (const [rel, raw, sha] of got.files) {
        if (sha !== undefined) assert.equal(sha, `sha-${rel}-${round}`, `round ${round}: ${rel} placed`);
        gotFiles.set(rel, sha !== undefined ? cachedRaw.get(rel)! : raw!.toString("utf8"));
        if (raw !== undefined && sha === undefined)
          assert.notEqual(
            cachedRaw.get(rel),
            raw.toString("utf8"),
            `round ${round}: ${rel} made though as then`,
          );
      }
      assert.deepEqual(
        [...gotFiles].sort(([a], [b]) => a.localeCompare(b)),
        [...wantFiles].sort(([a], [b]) => a.localeCompare(b)),
        `round ${round}: files`,
      );
    }
    assert.equal(spliced + declined, 60);
    assert.ok(spliced >= 30, `${spliced} spliced`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("spliceShard leaves a shard whose pages moved, or whose cached file is gone, to be made whole", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "shard-splice-"));
  try {
    const pages: Page[] = Array.from({ length: 70 }, (_, i) => ({
      title: `标题${i}`,
      pieces: [`正文${i}`.repeat(40)],
      url: `/p/${i}/`,
      meta: { title: `标题${i}` },
    }));
    const files: [string, string, string][] = [];
    for (const [rel, raw] of filesOf(0, 0, pages)) {
      const blob = path.join(dir, rel.replace("/", "_"));
      writeFileSync(blob, gzipSync(raw));
      files.push([rel, `sha-${rel}`, blob]);
    }
    const grams = path.join(dir, "grams");
    writeFileSync(grams, serializeGrams(indexShard(pages)));
    const jobOf = (list: Page[], cachedFiles = files) => ({
      shard: 0,
      first: 0,
      cached: { files: cachedFiles, complete: true, grams, same: new Uint8Array(list.length) },
      pages: list.map((p, j) => ({
        ...(j === 5 ? { file: "x" } : { cached: true as const }),
        title: p.title,
        record: { url: p.url, meta: p.meta },
      })),
    });
    const read = () => ["新正文"];
    const patch = (
      bytes: Uint8Array,
      ...rest: Parameters<typeof patchShard> extends [unknown, ...infer R] ? R : never
    ) => patchShard(parseGrams(bytes), ...rest);
    assert.ok(spliceShard(jobOf(pages), read, patch));
    assert.equal(spliceShard(jobOf([pages[1], pages[0], ...pages.slice(2)]), read, patch), undefined);
    assert.equal(spliceShard(jobOf(pages.slice(1)), read, patch), undefined);
    const textFile = files.find(([rel]) => rel.startsWith("t/"))!;
    rmSync(textFile[2]);
    assert.equal(spliceShard(jobOf(pages), read, patch), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
