/**
 * The text Pagefind indexes, as character bigrams.
 *
 * Pagefind's own Chinese mode segments words at build time and matches prefixes in the browser,
 * which loses pages at portal scale (docs/search.md). Here every page is indexed in a language
 * Pagefind neither segments nor stems, as a stream of space-separated tokens:
 *
 *   for each run of letters/digits in the text:       its bigrams in order, then SEP
 *   then, for each distinct character of the title:   a title token
 *
 * "办理行政许可。" → the tokens of 办理 理行 行政 政许 许可, then SEP. Tokens are ASCII
 * (each character as four base-36 digits, src/assets/search-query.js), because Pagefind's
 * browser code word-segments a query on a zh-CN page, which would split Chinese tokens.
 *
 * A query of two or more characters becomes Pagefind's exact-phrase search (quoted: its words
 * must sit at consecutive positions) over the query's bigrams (src/assets/search-query.js).
 * Consecutive bigrams in the stream always come from one run of adjacent characters, since every
 * run ends with SEP, so the phrase matches exactly the pages whose text contains the query.
 * Exact word lookups load the one index chunk holding the word, unlike prefix matches.
 *
 * A single character would match most pages and a token per distinct character of every page
 * would cost ~70 % more index work, so one character is searched in titles only, exactly, and
 * the search page says so. Punctuation and spaces are not indexed: a query containing any is
 * searched by its runs, and each candidate is then checked against the page's text.
 */
import { bigrams, runsOf, SEP, titleToken } from "../assets/search-query.js";

export { planQuery, textContains, normalizeText } from "../assets/search-query.js";

/** The token stream Pagefind indexes for a page. */
export function indexTokens(text: string, title: string): string {
  const tokens: string[] = [];
  for (const run of runsOf(text)) tokens.push(...bigrams(run), SEP);
  // Sorted so the same title always gives the same bytes.
  const titleChars = [...new Set(runsOf(title).flat())].sort();
  return [...tokens, ...titleChars.map(titleToken)].join(" ");
}
