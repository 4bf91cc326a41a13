/**
 * How text is folded and turned into search tokens, and how a typed query is read: shared by the
 * build (src/search/tokens.ts, which explains the index) and the browser (search.js), so the
 * index and the query can never disagree. Plain JavaScript, served as it is.
 */

/*
 * Every token is ASCII: one character is written as its code point in base 36. The browser side
 * of Pagefind runs a query through Intl.Segmenter's word breaking on a zh-CN page, which would
 * split Chinese tokens unpredictably; runs of ASCII letters and digits separated by spaces pass
 * through it unchanged.
 *
 * Code points below 35 × 36² (every CJK unified ideograph of the basic block, and everything
 * before it) take three digits, the first one of 0–y; the rest take "z" and five digits. So a
 * character token is 3 or 6 long and SEP, 1 long, is never one.
 */

/** Stands for white space (a space, a line or field break), so no phrase runs across it. */
export const SEP = "z";

const SHORT_LIMIT = 35 * 36 * 36;

/** The token of one character (one code point). */
export function charToken(char) {
  const code = char.codePointAt(0);
  return code < SHORT_LIMIT ? code.toString(36).padStart(3, "0") : SEP + code.toString(36).padStart(5, "0");
}

/*
 * Folding: what people type and what pages print are compared after
 * - NFKC (full-width letters, digits and punctuation become half-width: ５Ｇ = 5G, （ = (),
 * - lower case,
 * - every bracket of a 发文字号 the same: 〔〕 [] ［］ () （） 【】 〖〗 fold to ( ),
 * - 〇 ○ 零 the same character (dates are written 二〇二三年 and 二零二三年),
 * - invisible format characters (zero-width space, soft hyphen, BOM) dropped.
 */
const OPEN = /[[〔【〖〘]/g;
const CLOSE = /[\]〕】〗〙]/g;
const ZERO = /[○零]/g;
const INVISIBLE = /\p{Cf}/gu;

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

/** Tokens of the 65,536 basic-plane characters, made when first met (a page repeats a few hundred). */
const BASIC = new Array(0x10000);
/** White space: a run of it becomes one SEP. */
const IS_SPACE = /\s/u;

/** The tokens of a folded text as one string: a token per character, SEP for a run of white space. */
function tokenString(folded) {
  let out = "";
  let gap = false;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    let token;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < folded.length) {
      token = charToken(folded.slice(i, i + 2));
      i++;
    } else {
      token = BASIC[code];
      if (token === undefined) token = BASIC[code] = IS_SPACE.test(folded[i]) ? "" : charToken(folded[i]);
    }
    if (token === "") gap = out !== "";
    else {
      out += gap ? ` ${SEP} ${token}` : out === "" ? token : ` ${token}`;
      gap = false;
    }
  }
  return out;
}

/** The tokens of a folded text: one per character; a run of white space is one SEP. */
export function tokensOf(folded) {
  const tokens = tokenString(folded);
  return tokens ? tokens.split(" ") : [];
}

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

/** The Pagefind query for one term: an exact phrase of its tokens. */
export function phraseOf(term) {
  return `"${tokensOf(term).join(" ")}"`;
}

/**
 * How to search for what the person typed: the terms, each an exact phrase for Pagefind (quoted,
 * so Pagefind runs its consecutive-position search, never its prefix search).
 */
export function planQuery(typed) {
  const terms = termsOf(typed);
  if (!terms.length) return { kind: "empty" };
  return { kind: "search", terms, phrases: terms.map(phraseOf) };
}

/** True when the folded text holds every term (the rule the index implements; tests and the harness use it). */
export function textMatches(text, terms) {
  const folded = foldText(text).replace(/\s+/gu, " ");
  return terms.every((term) => folded.includes(term));
}

/**
 * The title's share of a page's token stream: the title's tokens come first and SEP fills the
 * stream up to this position, so a match before it is a match in the title (Pagefind reports
 * where a phrase first occurs, src/assets/search-rank.js). A longer title keeps its first
 * TITLE_SPAN − 1 characters in the title region and continues after it.
 */
export const TITLE_SPAN = 64;

/** The token stream Pagefind indexes for a page: its title, padded to TITLE_SPAN, then its text. */
export function pageTokens(title, text) {
  const head = tokensOf(foldText(title));
  while (head.length < TITLE_SPAN) head.push(SEP);
  return `${head.join(" ")} ${SEP} ${tokenString(foldText(text))}`;
}
