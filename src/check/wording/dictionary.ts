/**
 * The shipped dictionaries of fixed expressions (data/wording/*.tsv): one entry a line, wrong form,
 * right form and source separated by tabs, so anyone can review and extend them in a text editor
 * or a spreadsheet. The site's own entries (site.config.ts `wording.terms`) are added after them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { shownPath } from "../../problems/placed.ts";
import { fileURLToPath } from "node:url";
import type { Problem } from "../../problems/problems.ts";

export interface Term {
  wrong: string;
  right: string;
  source: string;
  /** Where the entry was written (data/wording/x.tsv:12 or site.config.ts), for reviewers. */
  from: string;
}

export const DICTIONARY_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../data/wording",
);

let shipped: { terms: Term[]; problems: Problem[] } | undefined;

/** Parses one dictionary file; malformed lines are problems of that file, not silent gaps. */
export function parseDictionary(text: string, file: string): { terms: Term[]; problems: Problem[] } {
  const terms: Term[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line === "wrong\tright\tsource") return;
    const cells = raw.split("\t").map((c) => c.trim());
    const problem = (message: string) => problems.push({ severity: "error", file, line: index + 1, message });
    if (cells.length !== 3 || cells.some((c) => c === "")) {
      problem("词库每行应为三列，用 Tab 分隔：错误写法、正确写法、依据");
    } else if (cells[0] === cells[1] || cells[1].includes(cells[0])) {
      problem(`错误写法“${cells[0]}”不能等于或包含于正确写法“${cells[1]}”中（否则正确写法也会被报告）`);
    } else if ([...cells[0]].length < 2) {
      problem(`错误写法“${cells[0]}”太短：至少两个字，否则误报太多`);
    } else {
      terms.push({ wrong: cells[0], right: cells[1], source: cells[2], from: `${file}:${index + 1}` });
    }
  });
  return { terms, problems };
}

/** Every shipped entry, read once per process (the files are part of the program, not of the site). */
export function shippedDictionary(): { terms: Term[]; problems: Problem[] } {
  if (!shipped) {
    const files = readdirSync(DICTIONARY_DIR)
      .filter((f) => f.endsWith(".tsv"))
      .sort();
    const parsed = files.map((f) =>
      parseDictionary(
        readFileSync(path.join(DICTIONARY_DIR, f), "utf8"),
        shownPath(path.join(DICTIONARY_DIR, f)),
      ),
    );
    shipped = { terms: parsed.flatMap((p) => p.terms), problems: parsed.flatMap((p) => p.problems) };
  }
  return shipped;
}
