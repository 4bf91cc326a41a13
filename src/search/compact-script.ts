/**
 * The search page's scripts as the browser gets them: without their comment lines, blank lines and
 * indentation. The sources explain themselves at length (whole-line comments were 40 % of worker.js
 * and 38 % of search-head.js), and every byte is on a first search's way to its results:
 * search-head.js is fetched and parsed before it starts the Worker, worker.js fetched and decoded
 * before the Worker asks for anything (docs/search.md, search34). A text transform, line by line, as
 * worker-bundle.ts is: every kept line is kept whole (a comment after code stays), and every line
 * break stays, so no two statements are joined and every name is kept for a stack trace. What it
 * cannot be sure of is refused rather than guessed at: a template literal or a string over several
 * lines (their lines' white space is text), a block comment with code on its lines.
 */
export function compactScript(code: string): string {
  const out: string[] = [];
  let inComment = false;
  code.split("\n").forEach((line, i) => {
    const text = line.trim();
    const refuse = (why: string) => {
      throw new Error(`line ${i + 1}: ${why}, not compacted: ${text}`);
    };
    if (inComment || text.startsWith("/*")) {
      const end = text.indexOf("*/", inComment ? 0 : 2);
      inComment = end < 0;
      if (!inComment && end + 2 !== text.length) refuse("code after a block comment");
      return;
    }
    if (!text || text.startsWith("//")) return;
    if ((text.match(/`/g)?.length ?? 0) % 2) refuse("a template literal over several lines");
    if (text.endsWith("\\")) refuse("a string over several lines");
    if (/\/\*(?!.*\*\/)/.test(text)) refuse("a block comment opened after code");
    out.push(text);
  });
  return `${out.join("\n")}\n`;
}
