/**
 * How text is folded and how a typed query is read: shared by the build (src/search/) and the
 * browser (search.js, search-worker.js), so the index and the query can never disagree. Plain
 * JavaScript, served as it is.
 */

/*
 * Folding: what people type and what pages print are compared after
 * - NFKC (full-width letters, digits and punctuation become half-width: ５Ｇ = 5G, （ = (),
 * - lower case,
 * - every bracket of a 发文字号 the same: 〔〕 [] ［］ () （） 【】 〖〗 fold to ( ),
 * - 〇 ○ 零 the same character (dates are written 二〇二三年 and 二零二三年),
 * - invisible format characters (zero-width space, soft hyphen, BOM) and variation selectors
 *   dropped: ❤️ (❤ with VS16, as an emoji keyboard types it) is ❤, and ☎️ is ☎, as they look.
 */
const OPEN = /[[〔【〖〘]/g;
const CLOSE = /[\]〕】〗〙]/g;
const ZERO = /[○零]/g;
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;

/** The folded form of a text, as both the index and the query compare it. */
export function foldText(text) {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(OPEN, "(")
    .replace(CLOSE, ")")
    .replace(ZERO, "〇")
    .replace(INVISIBLE, "");
}

const SPACE = /\s+/u;

/** Quotation marks that group a phrase in a query: ASCII and Chinese, straight or curly. */
const QUOTED = /["“”＂「」『』]([^"“”＂「」『』]*)["“”＂「」『』]?/gu;

/**
 * The terms of a typed query, folded: white space separates terms that must all appear; text in
 * quotation marks is one term, white space inside it included. Duplicates are dropped.
 */
export function termsOf(typed) {
  const terms = [];
  const rest = typed.replace(QUOTED, (_, phrase) => {
    const term = foldText(phrase).trim().replace(/\s+/gu, " ");
    if (term) terms.push(term);
    return " ";
  });
  for (const word of foldText(rest).split(SPACE)) if (word) terms.push(word);
  return [...new Set(terms)];
}

/** How to search for what the person typed: the folded terms, all of which a page must hold. */
export function planQuery(typed) {
  const terms = termsOf(typed);
  if (!terms.length) return { kind: "empty" };
  return { kind: "search", terms };
}

/** True when the folded text holds every term (the rule the index implements; tests and the harness use it). */
export function textMatches(text, terms) {
  const folded = foldText(text).replace(/\s+/gu, " ");
  return terms.every((term) => folded.includes(term));
}

/**
 * The title's share of a page's stream (search-stream.js): a match before this position is a match
 * in the title, which ranks first (search-worker.js).
 */
export const TITLE_SPAN = 64;

/**
 * Results a search's answer brings with their data, and the page shows first (search.js; the Worker's
 * search of the page's address, search-worker.js); the rest of the first ten follow at once. Each
 * result's excerpt is in a text file of its own and the Worker keeps six requests in flight, so six
 * cost one round of requests after their records, ten cost two.
 */
export const FIRST_SHOWN = 6;
