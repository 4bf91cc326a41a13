/**
 * The merge job hard-links the parts' files into its output instead of copying them
 * (src/platform/link-tree.ts), copies where it cannot link, and a merge that fails after linking
 * leaves the published output and the parts exactly as they were, ready for a rerun.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
  readlinkSync,
  lstatSync,
  linkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { runCommand } from "../helpers/cli.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { linkTree } from "../../src/platform/link-tree.ts";

/** Every file of a folder: its bytes' SHA-256, inode and link count. */
function snapshot(dir: string): Map<string, { sha256: string; ino: number; nlink: number }> {
  return new Map(
    outputFiles(dir).map((rel) => {
      const file = path.join(dir, rel);
      const { ino, nlink } = statSync(file);
      return [rel, { sha256: createHash("sha256").update(readFileSync(file)).digest("hex"), ino, nlink }];
    }),
  );
}

test("the merge links the parts' files; a failed merge leaves the output and the parts as they were", () => {
  const { root } = createPlatformProject();
  const ok = (run: ReturnType<typeof runCommand>) => assert.equal(run.code, 0, run.stderr + run.stdout);
  const merge = () =>
    runCommand("merge.ts", ["--platform", "platform.config.ts", "--parts", "parts", "--out", "merged"], root);
  const sites = ["portal", "edu", "town"];
  ok(
    runCommand(
      "build.ts",
      // Without the build cache, whose blobs are further links of the same files.
      ["--platform", "platform.config.ts", "--site", sites.join(","), "--out", "parts", "--no-cache"],
      root,
    ),
  );
  ok(merge());

  // Every file of every part is the merged output's file: one inode, not a copy.
  for (const key of sites)
    for (const rel of outputFiles(path.join(root, "parts", key))) {
      const part = statSync(path.join(root, "parts", key, rel));
      const out = statSync(path.join(root, "merged", key, rel));
      assert.equal(out.ino, part.ino, `${key}/${rel} copied, not linked`);
      // The part's, the site's in the output and, for the search index, the platform search's.
      assert.equal(part.nlink, rel.startsWith("pagefind/") ? 3 : 2, `${key}/${rel}`);
    }

  // A part that breaks the merge after the sites are linked (the statistics step reads its tallies).
  const parts = snapshot(path.join(root, "parts"));
  const merged = snapshot(path.join(root, "merged"));
  const manifest = readFileSync(path.join(root, "merged", "manifest.json"));
  const tallies = path.join(root, "parts", "town", "open-data", "tallies.json");
  renameSync(tallies, `${tallies}.aside`);
  const failed = merge();
  assert.notEqual(failed.code, 0, failed.stdout);
  assert.match(failed.stderr, /tallies\.json/);
  renameSync(`${tallies}.aside`, tallies);
  // The same files, bytes and inodes; the failed merge's links are gone with its staging folder.
  assert.deepEqual(snapshot(path.join(root, "parts")), parts);
  assert.deepEqual(snapshot(path.join(root, "merged")), merged);
  assert.deepEqual(
    readdirSync(root).filter((name) => name.startsWith("merged.")),
    [],
  );

  // The parts serve a rerun: the same output again, with new links.
  ok(merge());
  assert.ok(readFileSync(path.join(root, "merged", "manifest.json")).equals(manifest));
  assert.equal(statSync(path.join(root, "parts", "edu", "index.html")).nlink, 2);
});

test("linkTree copies where it cannot link: another filesystem from then on, a full inode alone", () => {
  const from = mkdtempSync(path.join(tmpdir(), "gongkai-link-"));
  mkdirSync(path.join(from, "a", "b"), { recursive: true });
  for (const rel of ["x.html", "a/y.html", "a/b/z.html", "a/b/w.html"])
    writeFileSync(path.join(from, rel), `<p>${rel}</p>`);
  symlinkSync("x.html", path.join(from, "a", "to-x"));
  const failing = (code: string, when: (made: string) => boolean) => (existing: string, made: string) => {
    if (when(made)) throw Object.assign(new Error(code), { code });
    return linkSync(existing, made);
  };
  const files = outputFiles(from);
  const same = (to: string) => {
    assert.deepEqual(outputFiles(to), files);
    for (const rel of files)
      assert.ok(readFileSync(path.join(to, rel)).equals(readFileSync(path.join(from, rel))));
    assert.equal(readlinkSync(path.join(to, "a", "to-x")), "x.html");
    assert.ok(lstatSync(path.join(to, "a", "to-x")).isSymbolicLink());
  };
  const linked = (to: string) =>
    files.filter((rel) => statSync(path.join(to, rel)).ino === statSync(path.join(from, rel)).ino);

  const all = path.join(from, "..", `${path.basename(from)}-all`);
  assert.deepEqual(linkTree(from, all), { linked: 4, copied: 0 });
  same(all);

  // EXDEV at the first file: nothing is linked, everything copied.
  const cross = path.join(from, "..", `${path.basename(from)}-cross`);
  assert.deepEqual(
    linkTree(
      from,
      cross,
      failing("EXDEV", () => true),
    ),
    { linked: 0, copied: 4 },
  );
  same(cross);
  assert.deepEqual(linked(cross), []);

  // EMLINK: that file copied, the others still linked.
  const full = path.join(from, "..", `${path.basename(from)}-full`);
  const counts = linkTree(
    from,
    full,
    failing("EMLINK", (made) => made.endsWith("y.html")),
  );
  assert.deepEqual(counts, { linked: 3, copied: 1 });
  same(full);
  assert.deepEqual(linked(full), ["a/b/w.html", "a/b/z.html", "x.html"]);

  // Anything else stops: the caller's staging folder is removed by its publication.
  assert.throws(
    () =>
      linkTree(
        from,
        path.join(from, "..", `${path.basename(from)}-no`),
        failing("EIO", () => true),
      ),
    /EIO/,
  );
});
