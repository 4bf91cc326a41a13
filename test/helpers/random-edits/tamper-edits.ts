/**
 * What a person (or a tool) does by hand to the folders a build keeps between runs: the published
 * output (a page deleted, a stray file or folder added, a page's bytes edited) and the cache (a
 * file truncated, a byte flipped, a file deleted, a blob edited). The next build must give a
 * clean build's output: a damaged cache is read as no cache (a full build), never trusted.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { Rng } from "./rng.ts";
import type { OperatorEdit } from "./operator-edits.ts";

/** Files below `dir`, relative, sorted; [] when it does not exist. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** One file changed in place: cut short, a byte flipped, garbage appended (a write through a hard link). */
function damage(rng: Rng, file: string): string {
  const size = statSync(file).size;
  const how = rng.pick(["truncate", "flip", "append", "empty"] as const);
  if (how === "truncate") truncateSync(file, rng.int(0, Math.max(0, size - 1)));
  else if (how === "empty") truncateSync(file, 0);
  else if (how === "append") appendFileSync(file, "\n<!-- 手工修改 -->\n");
  else if (size > 0) {
    const bytes = readFileSync(file);
    const at = rng.int(0, size - 1);
    bytes[at] ^= 1 << rng.int(0, 7);
    writeFileSync(file, bytes);
  }
  return how;
}

const tamperOutput: OperatorEdit = (rng, _w, dirs) => {
  const files = filesBelow(dirs.published);
  if (!files.length) return undefined;
  const how = rng.weighted({ deletePage: 3, stray: 2, edit: 2, deleteFolder: 1 });
  if (how === "deletePage") {
    const rel = rng.pick(files.filter((f) => f.endsWith(".html")));
    rmSync(path.join(dirs.published, rel));
    return { what: `output: ${rel} deleted by hand` };
  }
  if (how === "stray") {
    const rel = rng.pick(["stray.html", "news/stray.txt", "stray-folder/index.html"]);
    mkdirSync(path.dirname(path.join(dirs.published, rel)), { recursive: true });
    writeFileSync(path.join(dirs.published, rel), "手工放入的文件\n");
    return { what: `output: a stray ${rel} added by hand` };
  }
  if (how === "deleteFolder") {
    const dirsOf = [...new Set(files.map((f) => path.dirname(f)).filter((d) => d !== "."))];
    const rel = rng.pick(dirsOf);
    rmSync(path.join(dirs.published, rel), { recursive: true, force: true });
    return { what: `output: folder ${rel} deleted by hand` };
  }
  const rel = rng.pick(files);
  return { what: `output: ${rel} edited by hand (${damage(rng, path.join(dirs.published, rel))})` };
};

const tamperCache: OperatorEdit = (rng, _w, dirs) => {
  const files = filesBelow(dirs.cacheDir).filter((f) => f !== "CACHEDIR.TAG");
  if (!files.length) return undefined;
  const blobs = files.filter((f) => f.startsWith(`blobs${path.sep}`));
  const kept = files.filter((f) => !f.startsWith(`blobs${path.sep}`) && !f.startsWith(`spare${path.sep}`));
  const pool = rng.chance(0.3) && blobs.length ? blobs : kept;
  const rel = rng.pick(pool);
  const file = path.join(dirs.cacheDir, rel);
  if (rng.chance(0.2)) {
    rmSync(file);
    return { what: `cache: ${rel} deleted by hand` };
  }
  return { what: `cache: ${rel} damaged (${damage(rng, file)})` };
};

export const TAMPER_EDITS = { tamperOutput, tamperCache } satisfies Record<string, OperatorEdit>;
