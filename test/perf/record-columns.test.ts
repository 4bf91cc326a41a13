/**
 * The record store's whole file as columns (src/build/cache/record-columns.ts): what a build
 * reads back is every entry as it was kept (its stamp, record and body, problems, byte digest,
 * record digest, wording mark and facts), and a build from it gives the problems and pages of a
 * build without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import v8 from "node:v8";
import { fromColumns, toColumns, type RecordRows } from "../../src/build/cache/record-columns.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

const record = (abs: string, body: string) =>
  ({
    type: "news",
    id: path.basename(abs),
    abs,
    body,
    fields: { title: "标题", topics: [] },
  }) as unknown as ContentRecord;

test("columns give back every entry as it was kept", () => {
  const empty = { strings: [], links: { allowHtml: false, links: [], html: [], notes: [] } };
  const rows: RecordRows = {
    entries: [
      [
        "/c/news/a.md",
        {
          mtimeMs: 1.5,
          size: 10,
          ino: 7,
          result: { record: record("/c/news/a.md", "正文一"), problems: [] },
        },
      ],
      // Only problems (a file that did not validate).
      [
        "/c/news/b.md",
        {
          mtimeMs: 2,
          size: 0,
          ino: 8,
          result: { problems: [{ severity: "error", file: "b.md", message: "坏" }] },
        },
      ],
      // Modified just before it was kept: its bytes' digest; a record whose path is not the key.
      [
        "/c/news/c.md",
        {
          mtimeMs: 3,
          size: 3,
          ino: 9,
          digest: "abc",
          result: { record: record("/elsewhere/c.md", ""), problems: [] },
        },
      ],
      [
        "/c/news/d.md",
        {
          mtimeMs: 4,
          size: 5,
          ino: 2 ** 40,
          result: {
            record: record("/c/news/d.md", "正文二\n第二行"),
            problems: [{ severity: "warning", file: "d.md", message: "注意" }],
          },
        },
      ],
    ],
    digests: ["d1", null, "d3", "d4"],
    clean: ["sig", null, "sig", "other"],
    // The facts table is JSON text: a lone surrogate, wide characters and integers come back as kept.
    facts: [
      empty,
      null,
      { strings: [[["cover", "src"], "/media/a.png"]] },
      {
        strings: [[["attachments", 0, "file"], "/media/附件\ud800.pdf"]],
        links: {
          allowHtml: true,
          links: [{ kind: "链接", target: "/政策/a/", line: 3 }],
          html: [2],
          notes: [{ line: 5, label: "注一", kind: "unused" }],
        },
        placeholder: -1,
      },
    ],
  };
  const expected = structuredClone(rows);
  const { columns, bodies } = toColumns(rows);
  const back = fromColumns(v8.deserialize(v8.serialize(columns)), bodies);
  // Entries without a record of their own problems have none; the rest as they were.
  for (const [, entry] of expected.entries) entry.digest ??= undefined;
  assert.deepEqual(back, expected);
  // The kept rows themselves are untouched (the columns take a copy with an empty body).
  assert.equal(rows.entries[0][1].result.record!.body, "正文一");
  // Columns of another layout, or cut short, are not used.
  assert.equal(fromColumns({ ...columns, layout: 0 as 5 }, bodies), undefined);
  assert.equal(fromColumns(columns, bodies.subarray(1)), undefined);
  // A facts table that is not JSON text of an array: the columns are not used.
  for (const factTable of ["[{", "{}", 7 as unknown as string])
    assert.equal(fromColumns({ ...columns, factTable }, bodies), undefined);
});

test("a build from the columns has the problems and pages of a build without the cache", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00").replace(
      "正文。",
      "正文。\n\n第二段，有“引号”。",
    ),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
    // A draft with a placeholder: a warning, from the record the store kept.
    "news/2026/d.md": news("秋季工作安排", "2026-05-02 09:00", { draft: true }).replace(
      "正文。",
      "【待填写】",
    ),
  });
  const { build, edit, sameProblems, sameAsClean } = cachedBuilds(fixture, "2026-06-30 12:00");
  const first = await sameProblems("first build");
  assert.ok(first.some((p) => p.file?.endsWith("d.md") && p.severity === "warning"));
  await sameProblems("from the store");
  edit("news/2026/b.md", "夏季防汛准备", "夏季防汛部署");
  await sameProblems("one file read, the rest from the store");
  await build(fixture.outDir);
  await sameAsClean();
});
