/**
 * Edits aimed at a cache that decides "unchanged" from a file's stat (size, mtime, inode): new
 * bytes with the size and mtime kept (written in place and the mtime put back; or written beside
 * and renamed over the file, as `cp -p` and editors' atomic saves do), a file deleted and written
 * again, moved into a new folder, renamed by the case of its name, two files' names swapped,
 * CRLF line endings or a BOM, front matter changed only in spacing or by a comment, a media
 * file's bytes changed with its size and mtime kept.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Rng } from "./rng.ts";
import {
  contentFiles,
  markdownFiles,
  pickFile,
  read,
  remove,
  write,
  type Edit,
  type World,
} from "./world.ts";

/** Gives `file` the times of `from` to the nanosecond (touch -r), or to the millisecond. */
function copyTimes(from: string, file: string): void {
  try {
    execFileSync("touch", ["-r", from, file], { stdio: "ignore" });
  } catch {
    const st = statSync(from);
    utimesSync(file, st.atime, st.mtime);
  }
}

/** `bytes` with one byte of text changed and the size kept: a digit moved on, or a CJK character's last byte. */
function sameSize(rng: Rng, bytes: Buffer): Buffer | undefined {
  const at: number[] = [];
  // A digit or the last byte of a three-byte character (U+4E00–U+9FFF: E4–E9 xx xx), past any front matter's keys.
  for (let i = 0; i < bytes.length; i++)
    if ((bytes[i] >= 0x30 && bytes[i] <= 0x39) || (i >= 2 && bytes[i - 2] >= 0xe4 && bytes[i - 2] <= 0xe9))
      at.push(i);
  if (!at.length) return undefined;
  const i = rng.pick(at);
  const next = Buffer.from(bytes);
  if (next[i] <= 0x39) next[i] = 0x30 + ((next[i] - 0x30 + rng.int(1, 9)) % 10);
  else next[i] = 0x80 + ((next[i] - 0x80 + rng.int(1, 63)) % 64);
  return next;
}

/** New bytes of the same size, the mtime put back: in place (same inode) or renamed over it (a new one). */
function keptStat(rng: Rng, w: World, rel: string): string | undefined {
  const abs = path.join(w.contentDir, rel);
  const next = sameSize(rng, readFileSync(abs));
  if (!next) return undefined;
  const ref = `${abs}.times`;
  writeFileSync(ref, "");
  copyTimes(abs, ref);
  const how = rng.pick(["in place", "renamed over"] as const);
  if (how === "in place") {
    writeFileSync(abs, next);
    copyTimes(ref, abs);
  } else {
    writeFileSync(`${abs}.new`, next);
    copyTimes(ref, `${abs}.new`);
    renameSync(`${abs}.new`, abs);
  }
  remove(w, path.relative(w.contentDir, ref));
  return how;
}

const sameStat: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w));
  const how = rel && keptStat(rng, w, rel);
  return how && `same size and mtime (${how}) ${rel}`;
};

const mediaSameStat: Edit = (rng, w) => {
  // Media the pages name (a PDF, an SVG, a caption): the published copy must follow.
  const rel = pickFile(rng, contentFiles(w, "media"), (f) => /\.(pdf|svg|vtt|rtf)$/.test(f));
  const how = rel && keptStat(rng, w, rel);
  return how && `media same size and mtime (${how}) ${rel}`;
};

/** Deleted and written again: the same bytes, or an edit, under a new inode (or a reused one). */
const recreate: Edit = (rng, w) => {
  const rel = pickFile(rng, contentFiles(w));
  if (!rel) return;
  const bytes = readFileSync(path.join(w.contentDir, rel));
  const next = rng.chance(0.5) ? bytes : (sameSize(rng, bytes) ?? bytes);
  remove(w, rel);
  writeFileSync(path.join(w.contentDir, rel), next);
  return `recreated ${rel}${next === bytes ? "" : " (edited)"}`;
};

/** Moved into a folder of its own under its type's folder (the URL follows the path). */
const moveFolder: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => /^(news|policies|guides|videos)\//.test(f));
  if (!rel) return;
  const parts = rel.split("/");
  const to = [parts[0], `moved${++w.counter}`, ...parts.slice(1)].join("/");
  mkdirSync(path.dirname(path.join(w.contentDir, to)), { recursive: true });
  renameSync(path.join(w.contentDir, rel), path.join(w.contentDir, to));
  return `moved ${rel} → ${to}`;
};

/** The file name's letters changed in case (the extension kept): another URL on a case-sensitive disk. */
const caseRename: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => /[a-z][^/]*\.md$/.test(f));
  if (!rel) return;
  const to = rel.replace(
    /([^/]+)\.md$/,
    (_, stem: string) => `${stem.replace(/[a-z]/, (c) => c.toUpperCase())}.md`,
  );
  if (contentFiles(w).includes(to)) return;
  renameSync(path.join(w.contentDir, rel), path.join(w.contentDir, to));
  return `case rename ${rel} → ${to}`;
};

/** Two files of one folder swap names (each path now has the other's bytes and inode). */
const swap: Edit = (rng, w) => {
  const a = pickFile(rng, markdownFiles(w));
  if (!a) return;
  const dir = path.dirname(a);
  const b = pickFile(rng, markdownFiles(w, dir), (f) => f !== a && path.dirname(f) === dir);
  if (!b) return;
  const abs = (rel: string) => path.join(w.contentDir, rel);
  renameSync(abs(a), `${abs(a)}.swap`);
  renameSync(abs(b), abs(a));
  renameSync(`${abs(a)}.swap`, abs(b));
  return `swapped ${a} ⇄ ${b}`;
};

/** The same text as an editor on another system saves it: CRLF line ends, a BOM, or both undone. */
const encoding: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w));
  if (!rel) return;
  let text = read(w, rel);
  const how = rng.pick(["crlf", "bom", "both"] as const);
  const crlf = text.includes("\r\n");
  const bom = text.startsWith("\uFEFF");
  if (how !== "bom") text = crlf ? text.replace(/\r\n/g, "\n") : text.replace(/\n/g, "\r\n");
  if (how !== "crlf") text = bom ? text.slice(1) : `\uFEFF${text}`;
  write(w, rel, text);
  return `${how} ${rel}`;
};

/** Front matter changed only where YAML does not look: spacing after a colon, a comment, a blank line. */
const fmNoise: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => read(w, f).startsWith("---\n"));
  if (!rel) return;
  const text = read(w, rel);
  const end = text.indexOf("\n---", 3);
  if (end < 0) return;
  const head = text.slice(0, end);
  const how = rng.pick(["space", "comment", "blank"] as const);
  const next =
    how === "space"
      ? head.replace(/^(title|date|department):\s/m, "$1:   ")
      : how === "comment"
        ? `${head}\n# 编辑备注 ${++w.counter}`
        : head.replace(/\n/, "\n\n");
  write(w, rel, next + text.slice(end));
  return `front matter ${how} ${rel}`;
};

export const STAT_EDITS = {
  sameStat,
  mediaSameStat,
  recreate,
  moveFolder,
  caseRename,
  swap,
  encoding,
  fmNoise,
} satisfies Record<string, Edit>;
