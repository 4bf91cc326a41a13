/**
 * Search tokens shared by the build (src/search/tokens.ts, which explains the design) and the
 * browser (search.js): one definition of how text becomes runs and bigrams, so the index and
 * the query can never disagree. Plain JavaScript, served as it is.
 */

/*
 * Every token is ASCII: a character is written as its code point in base 36, four digits wide.
 * The browser side of Pagefind runs a Chinese query through Intl.Segmenter's word breaking
 * (the page is zh-CN), which would split Chinese tokens unpredictably; runs of ASCII letters
 * and digits separated by spaces pass through it unchanged.
 */

/** Ends every run, so no phrase matches across punctuation or from one field into the next. */
export const SEP = "z";
/** Starts the token of a title character. */
const TITLE = "t";

const RUNS = /[\p{L}\p{N}]+/gu;
const WORD_ONLY = /^[\p{L}\p{N}]+$/u;

/** One character as four base-36 digits (36^4 > the largest code point). */
export function charCode(char) {
  return char.codePointAt(0).toString(36).padStart(4, "0");
}

/** The token of a character of the title. */
export function titleToken(char) {
  return TITLE + charCode(char);
}

/** The form both sides compare: lower case, as Pagefind lowercases. */
export function normalizeText(text) {
  return text.toLowerCase();
}

/** Runs of letters and digits, each as an array of characters (code points). */
export function runsOf(text) {
  return Array.from(normalizeText(text).matchAll(RUNS), (m) => Array.from(m[0]));
}

/** The tokens of adjacent pairs of characters. */
export function bigrams(chars) {
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(charCode(chars[i]) + charCode(chars[i + 1]));
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
    const plan = { kind: "search", scope: "title", pagefind: phrase([titleToken(runs[0][0])]) };
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
