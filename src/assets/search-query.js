/**
 * Search tokens shared by the build (src/search/tokens.ts, which explains the design) and the
 * browser (search.js): one definition of how text becomes runs and tokens, so the index and
 * the query can never disagree. Plain JavaScript, served as it is.
 */

/*
 * Every token is ASCII: one character is written as its code point in base 36. The browser side
 * of Pagefind runs a Chinese query through Intl.Segmenter's word breaking (the page is zh-CN),
 * which would split Chinese tokens unpredictably; runs of ASCII letters and digits separated by
 * spaces pass through it unchanged.
 *
 * Code points below 35 × 36² (every CJK unified ideograph of the basic block, and everything
 * before it) take three digits, the first one of 0–y; the rest take "z" and five digits. So a
 * character token is 3 or 6 long and SEP, 1 long, is never one.
 */

/** Ends every run, so no phrase matches across punctuation or from one field into the next. */
export const SEP = "z";

const SHORT_LIMIT = 35 * 36 * 36;
const RUNS = /[\p{L}\p{N}]+/gu;
const WORD_ONLY = /^[\p{L}\p{N}]+$/u;

/** The token of one character (one code point). */
export function charToken(char) {
  const code = char.codePointAt(0);
  return code < SHORT_LIMIT ? code.toString(36).padStart(3, "0") : SEP + code.toString(36).padStart(5, "0");
}

/** The form both sides compare: lower case, as Pagefind lowercases. */
export function normalizeText(text) {
  return text.toLowerCase();
}

/** Runs of letters and digits, each as an array of characters (code points). */
export function runsOf(text) {
  return Array.from(normalizeText(text).matchAll(RUNS), (m) => Array.from(m[0]));
}

/**
 * How to search for what the person typed. The string for Pagefind is a quoted phrase, so
 * Pagefind runs its exact (consecutive-position) search, never its prefix search.
 */
export function planQuery(typed) {
  const query = normalizeText(typed).trim();
  const runs = runsOf(query);
  if (!runs.length) return { kind: "empty" };
  // Several runs: the page has each inner run as a whole run (then SEP); the first may be the
  // end of a longer run and the last the start of one, so SEP goes only between them.
  const tokens = runs.flatMap((run, i) => (i === 0 ? run.map(charToken) : [SEP, ...run.map(charToken)]));
  const pagefind = `"${tokens.join(" ")}"`;
  // The runs match whatever punctuation sat between them on the page: check the real text.
  return WORD_ONLY.test(query) ? { kind: "search", pagefind } : { kind: "search", pagefind, verify: query };
}

/** True when the text contains the needle (a `verify` value), compared as the index compares. */
export function textContains(text, needle) {
  return normalizeText(text).includes(needle);
}
