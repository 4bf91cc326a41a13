/** Paths in the search index folders (`pagefind/`) of two built sites whose bytes differ. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { outputFiles } from "../../src/build/output-files.ts";

/** Paths in the index folders of `a` and `b` whose bytes differ (or that only one has). */
export function differingIndexFiles(a: string, b: string): string[] {
  const files = new Set([...outputFiles(path.join(a, "pagefind")), ...outputFiles(path.join(b, "pagefind"))]);
  return [...files].filter((rel) => {
    try {
      return !readFileSync(path.join(a, "pagefind", rel)).equals(readFileSync(path.join(b, "pagefind", rel)));
    } catch {
      return true;
    }
  });
}
