/**
 * The manifest's text made from two parts encoded line by line and merged as runs of their bytes
 * (src/build/manifest-text.ts) is byte for byte the text of the two parts merged line by line
 * and joined: paths of either part before, between and after the other's, non-ASCII paths and
 * paths JSON escapes, a part that outgrows its first buffer, and empty parts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PartEncoder, writeManifestText, type EncodedPart } from "../../src/build/manifest-text.ts";

const lineOf = (rel: string) =>
  `{"path":${JSON.stringify(rel)},"size":${rel.length},"sha256":"${"0".repeat(64)}"}`;
const partOf = (paths: string[]): EncodedPart => {
  const part = new PartEncoder([...paths].sort());
  for (const rel of [...paths].sort()) part.add(rel.length, "0".repeat(64));
  return part.done();
};
/** The text as the manifest wrote it before: every line merged in path order, then joined. */
const expected = (a: EncodedPart, b: EncodedPart) =>
  `{"files": [\n${[...a.paths, ...b.paths].sort().map(lineOf).join(",\n")}\n]}\n`;

test("the manifest's text from a joined early part equals the lines merged and joined", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "manifest-text-"));
  const file = path.join(dir, "manifest.json");
  const early = ["404.html", "a/index.html", "news/1/index.html", "news/2/index.html", "z.css"];
  const cases: [string[], string[]][] = [
    [early, ["pagefind/a.gz", "pagefind/b.gz"]],
    [early, ["0.txt", "b/index.html", "zz/1.js"]],
    [early, []],
    [[], ["pagefind/a.gz"]],
    [[], []],
    [
      ["媒体/图片.png", "a/index.html", "z/说明.txt"],
      ["pagefind/x.gz", "y.txt"],
    ],
    [["a/index.html"], ["媒体/图片.png"]],
    [
      ['a "quoted"\\name.txt', "tab\there.txt"],
      ["\u0001.bin", "b/index.html"],
    ],
    [[`${"长".repeat(400)}/index.html`, "a.txt"], ["z.txt"]],
  ];
  try {
    for (const [a, b] of cases) {
      const before = partOf(a);
      const last = partOf(b);
      writeManifestText(file, before, last);
      assert.equal(readFileSync(file, "utf8"), expected(before, last), `${a.join(" ")} | ${b.join(" ")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
