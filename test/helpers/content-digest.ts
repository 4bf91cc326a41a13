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

/**
 * One value per content state and clock, made again when its owners differ (compared by identity:
 * the site, the types) and forgotten when `settled(value)` rejects, so a failed build is retried.
 */
export function perContentState<T>(
  contentDir: string,
  settled: (value: T) => Promise<unknown>,
): (now: number, owners: readonly unknown[], make: () => T) => T {
  const made = new Map<string, { owners: readonly unknown[]; value: T }>();
  return (now, owners, make) => {
    const key = `${now} ${contentDigest(contentDir)}`;
    const known = made.get(key);
    if (known?.owners.length === owners.length && known.owners.every((o, i) => o === owners[i]))
      return known.value;
    const value = make();
    made.set(key, { owners, value });
    settled(value).catch(() => {
      if (made.get(key)?.value === value) made.delete(key);
    });
    return value;
  };
}
