/**
 * 形近字 (characters that look alike: 士/土, 未/末, 戊/戌/戍), from a reviewable data file
 * (data/wording/similar/characters.tsv: a group of characters and the source of the likeness on
 * each line), the way homophones come from pinyin-pro. A declared name with one character
 * replaced by a look-alike is a near miss (src/check/wording/names.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { shownPath } from "../../problems/placed.ts";
import type { Problem } from "../../problems/problems.ts";
import { DICTIONARY_DIR } from "./dictionary.ts";

export const SIMILAR_FILE = "data/wording/similar/characters.tsv";

const HAN = /^[\u3400-\u9fff]$/;

/** Parses the file: each line's group, checked (2+ distinct Chinese characters, a source). */
export function parseSimilar(text: string, file: string): { groups: string[][]; problems: Problem[] } {
  const groups: string[][] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line === "chars\tsource") return;
    const cells = raw.split("\t").map((c) => c.trim());
    const chars = [...(cells[0] ?? "")];
    const problem = (message: string) => problems.push({ severity: "error", file, line: index + 1, message });
    if (cells.length !== 2 || cells.some((c) => c === ""))
      problem("形近字表每行应为两列，用 Tab 分隔：形近的一组字、依据");
    else if (chars.length < 2 || !chars.every((c) => HAN.test(c)) || new Set(chars).size !== chars.length)
      problem(`“${cells[0]}”应为两个或更多互不相同的汉字`);
    else groups.push(chars);
  });
  return { groups, problems };
}

let loaded: { similar: Map<string, Set<string>>; problems: Problem[] } | undefined;

/** The look-alikes of every character, read once per process (the file is part of the program). */
export function similarShapes(): { similar: Map<string, Set<string>>; problems: Problem[] } {
  if (!loaded) {
    const { groups, problems } = parseSimilar(
      readFileSync(path.join(DICTIONARY_DIR, "similar/characters.tsv"), "utf8"),
      // Named from the working directory: a site's check may run outside the project's folder.
      shownPath(path.join(DICTIONARY_DIR, "similar/characters.tsv")),
    );
    const similar = new Map<string, Set<string>>();
    for (const group of groups)
      for (const c of group) {
        let set = similar.get(c);
        if (!set) similar.set(c, (set = new Set()));
        for (const other of group) if (other !== c) set.add(other);
      }
    loaded = { similar, problems };
  }
  return loaded;
}

export function isSimilarShape(a: string, b: string): boolean {
  return similarShapes().similar.get(a)?.has(b) ?? false;
}
