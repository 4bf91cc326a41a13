/**
 * The text Pagefind indexes, one token per character.
 *
 * Pagefind's own Chinese mode segments words at build time and matches prefixes in the browser,
 * which loses pages at portal scale (docs/search.md). Here every page is indexed in a language
 * Pagefind neither segments nor stems, as a stream of space-separated tokens: the folded text
 * (src/assets/search-query.js: NFKC, lower case, brackets and 〇/零 folded) with one token per
 * character, punctuation included, and SEP for every run of white space or line break.
 *
 * "办理（一）行政许可" → the tokens of 办 理 ( 一 ) 行 政 许 可. Tokens are ASCII (the code point in
 * base 36), because Pagefind's browser code word-segments a query on a zh-CN page, which would
 * split Chinese tokens.
 *
 * A query term becomes Pagefind's exact-phrase search (quoted: its words must sit at consecutive
 * positions) over its characters' tokens, so a page matches exactly when its folded text
 * contains the term; several terms are searched one by one and intersected (search.js). Since
 * punctuation is indexed, no candidate has to be checked against its text.
 *
 * The title comes first, padded with SEP to TITLE_SPAN positions, so the position Pagefind
 * reports for a match tells whether it is in the title (the ranking, search-rank.js).
 */
export { foldText, pageTokens, planQuery, termsOf, textMatches, tokensOf } from "../assets/search-query.js";
