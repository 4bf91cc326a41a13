/**
 * Search tokens shared by the build (src/search/tokens.ts, which explains the design) and the
 * browser (search.js): one definition of how text becomes runs and bigrams, so the index and
 * the query can never disagree. Plain JavaScript, served as it is.
 */

/**
 * A letter (Cyrillic multiocular O) that marks our own tokens. It is removed from page text
 * before tokenising, so no bigram of a page can contain it.
 */
export const MARK = "\uA66E";
/** Ends every run, so no phrase matches across punctuation or from one field into the next. */
export const SEP = MARK;

const RUNS = /[\p{L}\p{N}]+/gu;
const WORD_ONLY = /^[\p{L}\p{N}]+$/u;

/** The form both sides compare: lower case (Pagefind lowercases too), MARK removed. */
export function normalizeText(text) {
  return text.toLowerCase().replaceAll(MARK, " ");
}

/** Runs of letters and digits, each as an array of characters (code points). */
export function runsOf(text) {
  return Array.from(normalizeText(text).matchAll(RUNS), (m) => Array.from(m[0]));
}

export function bigrams(chars) {
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

const phrase = (tokens) => `"${tokens.join(" ")}"`;

/**
 * How to search for what the person typed. The string for Pagefind is a quoted phrase, so
 * Pagefind runs its exact (consecutive-position) search, never its prefix search.
 */
export function planQuery(typed) {
  const query = normalizeText(typed).trim();
  const runs = runsOf(query);
  if (!runs.length) return { kind: "empty" };
  const wordOnly = WORD_ONLY.test(query);
  if (runs.every((run) => run.length === 1)) {
    const plan = { kind: "search", scope: "title", pagefind: phrase([MARK + runs[0][0]]) };
    return wordOnly ? plan : { ...plan, verify: query };
  }
  if (wordOnly) return { kind: "search", scope: "text", pagefind: phrase(bigrams(runs[0])) };
  // Several runs: the page has each inner run as a whole run (its bigrams, then SEP); the first
  // may be the end of a longer run and the last the start of one, so the last adds no SEP.
  const tokens = [];
  runs.forEach((run, i) => {
    tokens.push(...bigrams(run));
    if (i < runs.length - 1) tokens.push(SEP);
  });
  // Leading SEPs (from one-character first runs) only widen the candidates.
  while (tokens[0] === SEP) tokens.shift();
  return { kind: "search", scope: "text", pagefind: phrase(tokens), verify: query };
}

/** True when the text contains the needle (a `verify` value), compared as the index compares. */
export function textContains(text, needle) {
  return normalizeText(text).includes(needle);
}
