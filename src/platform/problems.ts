/**
 * A site's problems name files relative to the folder above its content folder ("content/news/…"),
 * which is ambiguous on a platform where every site has a content/ of its own: they are shown
 * relative to the working directory instead ("sites/edu/content/news/…").
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ContentError, type Problem } from "../problems/problems.ts";
import { shownPath } from "./shares.ts";

export function placeProblems(problems: readonly Problem[], contentDir: string): Problem[] {
  const base = path.dirname(contentDir);
  return problems.map((p) => {
    if (path.isAbsolute(p.file)) return p;
    const abs = path.join(base, p.file);
    const inContent = `${p.file}/`.startsWith(`${path.basename(contentDir)}/`);
    return inContent || existsSync(abs) ? { ...p, file: shownPath(abs) } : p;
  });
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
