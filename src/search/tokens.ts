/**
 * The text Pagefind indexes, one token per character.
 *
 * Pagefind's own Chinese mode segments words at build time and matches prefixes in the browser,
 * which loses pages at portal scale (docs/search.md). Here every page is indexed in a language
 * Pagefind neither segments nor stems, as a stream of space-separated tokens:
 *
 *   for each run of letters/digits in the text: one token per character, then SEP
 *
 * "办理行政许可。" → the tokens of 办 理 行 政 许 可, then SEP. Tokens are ASCII (the code point
 * in base 36, src/assets/search-query.js), because Pagefind's browser code word-segments a query
 * on a zh-CN page, which would split Chinese tokens.
 *
 * A query becomes Pagefind's exact-phrase search (quoted: its words must sit at consecutive
 * positions) over its characters' tokens. Positions are consecutive only inside one run, since
 * every run ends with SEP, so the phrase matches exactly the pages whose text contains the
 * query; one character is a phrase of one word. Exact word lookups load the index chunk holding
 * each word, unlike prefix matches. Punctuation and spaces are not indexed: a query containing
 * any is searched by its runs, and each candidate is then checked against the page's text.
 *
 * One token per character rather than per pair of characters (the first design): the same
 * exactness with a third less text for Pagefind to store and compress, and about a fifth less
 * indexing time (docs/search.md).
 */
import { charToken, runsOf, SEP } from "../assets/search-query.js";

export { planQuery, textContains, normalizeText } from "../assets/search-query.js";

/** The token stream Pagefind indexes for a page's text. */
export function indexTokens(text: string): string {
  let out = "";
  for (const run of runsOf(text)) {
    for (const char of run) out += `${charToken(char)} `;
    out += `${SEP} `;
  }
  return out.trimEnd();
}
