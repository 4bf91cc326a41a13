/**
 * Where an operator finds the file a problem names. The checks name files relative to the folder
 * above the content folder ("content/news/2025/a.md", whatever the content folder is called: with
 * `--content elsewhere/texts` they say "texts/news/…"), which is the working directory only in
 * the usual layout. Before a problem is printed it is placed: its file, and the content folder's
 * paths its message names (“文件 texts/media/a.jpg 不存在”), are made relative to the working
 * directory, the folder `npm run …` runs in and VS Code's problem matcher resolves from.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ContentError, type Problem } from "./problems.ts";

/** A path as the operator's messages show it: relative to the working directory, / separated. */
export const shownPath = (abs: string, cwd = process.cwd()) =>
  path.relative(cwd, abs).split(path.sep).join("/") || abs;

/** The problems, naming files as seen from `cwd`; unchanged when the content folder's parent is `cwd`. */
export function placeProblems(
  problems: readonly Problem[],
  contentDir: string,
  cwd = process.cwd(),
): Problem[] {
  const base = path.dirname(path.resolve(contentDir));
  if (path.resolve(cwd) === base) return [...problems];
  const name = path.basename(path.resolve(contentDir));
  const shown = shownPath(path.resolve(contentDir), cwd);
  // The content folder's paths in a message's text: `name/` not inside another path or word.
  const inText = new RegExp(`(?<![\\w./\\\\-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`, "gu");
  return problems.map((p) => {
    const message = p.message.replace(inText, `${shown}/`);
    if (path.isAbsolute(p.file)) return message === p.message ? p : { ...p, message };
    const abs = path.join(base, p.file);
    const inContent = `${p.file}/`.startsWith(`${name}/`);
    const file = inContent || existsSync(abs) ? shownPath(abs, cwd) : p.file;
    return file === p.file && message === p.message ? p : { ...p, file, message };
  });
}

/** A file named as problems name it (content/news/2025/a.md), as seen from `cwd`. */
export function placeFile(file: string, contentDir: string, cwd = process.cwd()): string {
  return placeProblems([{ severity: "warning", file, message: "" }], contentDir, cwd)[0].file;
}

/** Runs `work`; a ContentError it throws names files relative to the working directory. */
export async function withPlacedProblems<T>(contentDir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ContentError) throw new ContentError(placeProblems(err.problems, contentDir));
    throw err;
  }
}
