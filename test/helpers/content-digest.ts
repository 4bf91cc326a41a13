/**
 * A content folder's state (every file's path and bytes), so the fixtures that compare incremental
 * builds with clean builds make one clean build per state: the tests edit back and forth (a letter
 * made private and public again, a file added and removed, a kept file rewritten with no edit), and
 * a clean build is a function of the content's bytes, the site, the types and the clock.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function contentDigest(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  for (const rel of files)
    hash
      .update(`${rel}\0`)
      .update(readFileSync(path.join(dir, rel)))
      .update("\0");
  return hash.digest("hex");
}
