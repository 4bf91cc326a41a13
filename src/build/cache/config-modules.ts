/**
 * The site's own modules: its config file and every file that file imports by a path (`./theme/
 * footer.ts`, docs/theming.md), and what those import, found by reading their import statements.
 * A layout override is described in the cache keys by its source text (described.ts), which does
 * not hold the constants and helpers it calls from its module: an edit to them changed the pages
 * and not the keys, so the cache kept the old pages. The build fingerprint hashes these files'
 * bytes instead. Packages and the generator's own files are not followed (the code fingerprint
 * has the lock file and src/, layouts/); a specifier this scan cannot resolve is skipped, and the
 * scan may find too many files (a path in a comment), which only rebuilds more.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/** `from "x"`, `import "x"`, `import("x")`, `export … from "x"`, `require("x")`. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(["'])([^"'\n]+)\1/g;

const EXTENSIONS = ["", ".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".json"];

const isFile = (abs: string) => {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
};

/** The file a relative specifier names, as TypeScript's and Node's resolution would find it. */
function resolved(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec.split(/[?#]/)[0]);
  // A TypeScript source imported by its output's name (`./footer.js` for footer.ts).
  const swapped = base.replace(/\.(m|c)?js$/, ".$1ts");
  for (const candidate of [
    base,
    swapped,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ])
    if (isFile(candidate)) return candidate;
  return undefined;
}

/**
 * The config file and the files it reaches by relative imports, sorted, each absolute; `skip`
 * leaves out files (and what they import) that are hashed elsewhere.
 */
export function configModules(configPath: string, skip: (abs: string) => boolean): string[] {
  const found = new Set<string>([path.resolve(configPath)]);
  const queue = [...found];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2];
      if (!spec.startsWith(".") && !spec.startsWith("/")) continue;
      const abs = resolved(file, spec);
      if (abs === undefined || found.has(abs) || skip(abs)) continue;
      found.add(abs);
      queue.push(abs);
    }
  }
  return [...found].sort();
}
