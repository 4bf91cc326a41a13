/**
 * How text is folded and a query read (src/assets/search-query.js), and the stream the index is
 * made of (src/assets/search-stream.js): the browser's modules, for the build and the tests.
 */
export { foldText, planQuery, termsOf, textMatches } from "../assets/search-query.js";
export { gramsOfTerm, pageStream } from "../assets/search-stream.js";
