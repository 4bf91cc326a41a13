/**
 * Two output trees compared byte for byte (files and folders), and what differs told so a person
 * can see it: missing and extra files, then the first differing files with an excerpt around the
 * first difference (gzip files unzipped first).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { outputFiles } from "../../../src/build/output-files.ts";
import { folders } from "../incremental-fixture.ts";

export interface TreeDiff {
  missing: string[];
  extra: string[];
  differing: string[];
  folders: { missing: string[]; extra: string[] };
}

export function compareTrees(incremental: string, clean: string): TreeDiff | undefined {
  const a = outputFiles(incremental);
  const b = outputFiles(clean);
  const inA = new Set(a);
  const inB = new Set(b);
  const differing = b.filter(
    (rel) =>
      inA.has(rel) && !readFileSync(path.join(incremental, rel)).equals(readFileSync(path.join(clean, rel))),
  );
  const fa = new Set(folders(incremental));
  const fb = new Set(folders(clean));
  const diff: TreeDiff = {
    missing: b.filter((rel) => !inA.has(rel)),
    extra: a.filter((rel) => !inB.has(rel)),
    differing,
    folders: { missing: [...fb].filter((d) => !fa.has(d)), extra: [...fa].filter((d) => !fb.has(d)) },
  };
  const none =
    !diff.missing.length &&
    !diff.extra.length &&
    !differing.length &&
    !diff.folders.missing.length &&
    !diff.folders.extra.length;
  return none ? undefined : diff;
}

const textOf = (file: string): string => {
  const bytes = readFileSync(file);
  return (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
};

/** Up to `width` characters either side of the first difference, each side on its own line. */
export function excerpt(incrementalFile: string, cleanFile: string, width = 160): string {
  const a = textOf(incrementalFile);
  const b = textOf(cleanFile);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split("\n").length;
  const cut = (s: string) => JSON.stringify(s.slice(Math.max(0, i - width), i + width));
  return `  first difference at char ${i} (line ${line}), sizes ${a.length} vs ${b.length}\n    incremental: ${cut(a)}\n    clean:       ${cut(b)}`;
}

export function describeDiff(diff: TreeDiff, incremental: string, clean: string, max = 4): string {
  const out: string[] = [];
  const list = (label: string, items: string[]) => {
    if (items.length)
      out.push(
        `${label} (${items.length}): ${items.slice(0, 12).join(", ")}${items.length > 12 ? " …" : ""}`,
      );
  };
  list("missing from the incremental build", diff.missing);
  list("extra in the incremental build", diff.extra);
  list("differing", diff.differing);
  list("folders missing", diff.folders.missing);
  list("folders extra", diff.folders.extra);
  // Pages before the files derived from them (manifest, sitemap, search index).
  const rank = (rel: string) => (rel.endsWith(".html") ? 0 : rel.startsWith("pagefind/") ? 2 : 1);
  const first = [...diff.differing].sort((x, y) => rank(x) - rank(y)).slice(0, max);
  for (const rel of first) {
    out.push(`--- ${rel}`);
    try {
      out.push(excerpt(path.join(incremental, rel), path.join(clean, rel)));
    } catch (err) {
      out.push(`  (no excerpt: ${String(err)})`);
    }
  }
  return out.join("\n");
}
