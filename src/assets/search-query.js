/**
 * How text is folded and how a typed query is read: shared by the build (src/search/) and the
 * browser (search.js, search-worker.js), so the index and the query can never disagree. Plain
 * JavaScript, served as it is.
 */

/*
 * Folding: what people type and what pages print are compared after
 * - NFKC (full-width letters, digits and punctuation become half-width: ５Ｇ = 5G, （ = (),
 * - Unicode full case folding (CaseFolding.txt's C and F mappings, not the Turkic T ones), then
 *   NFKC again where it changed something (as NFKC_Casefold does): Σ, σ and ς are σ wherever they
 *   stand, ß and ẞ are ss, ᾳ is αι, Cherokee small letters are the capitals,
 * - every bracket of a 发文字号 the same: 〔〕 [] ［］ () （） 【】 〖〗 fold to ( ),
 * - 〇 ○ 零 the same character (dates are written 二〇二三年 and 二零二三年),
 * - invisible format characters (zero-width space, soft hyphen, BOM) and variation selectors
 *   dropped: ❤️ (❤ with VS16, as an emoji keyboard types it) is ❤, and ☎️ is ☎, as they look.
 */
const OPEN = /[[〔【〖〘]/g;
const CLOSE = /[\]〕】〗〙]/g;
const ZERO = /[○零]/g;
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;

/*
 * Case folding is toLowerCase and then the characters below, the only ones whose folding is not
 * their lower case once NFKC has run (µ, ſ, ﬁ, ϐ … are folded by NFKC already). toLowerCase alone is
 * not folding: it makes Σ a final ς at a word's end (so a text folded whole and in pieces differed,
 * and οδοσ did not find ΟΔΟΣ) and keeps ß. test/search/case-fold.test.ts checks every code point.
 * - ß → ss, ς → σ, U+0345 (combining ypogegrammeni) → ι;
 * - Cherokee small letters (U+13F8–13FD, U+AB70–ABBF) → the capitals: Cherokee folds upwards;
 * - Cyrillic ᲀ–ᲈ (U+1C80–1C88, old letter shapes) → the letters they are shapes of;
 * - Greek letters with ypogegrammeni (ᾀ–ᾧ, ᾲ–ᾴ, ᾷ, ῂ–ῄ, ῇ, ῲ–ῴ, ῷ) → the letter without it, then ι.
 */
const CASE = /\u0345|[ßς\u13F8-\u13FD\u1C80-\u1C88\u1F80-\u1FAF\u1FB2-\u1FB4\u1FB7\u1FC2-\u1FC4\u1FC7\u1FF2-\u1FF4\u1FF7\uAB70-\uABBF]/;
const CASE_ALL = new RegExp(CASE.source, "g");
const CYRILLIC = "вдосттъѣꙋ";

function foldCase(char) {
  if (char === "ß") return "ss";
  if (char === "ς") return "σ";
  if (char === "\u0345") return "ι";
  const unit = char.charCodeAt(0);
  if (unit >= 0xab70) return String.fromCharCode(unit - 0xab70 + 0x13a0);
  if (unit <= 0x13fd) return String.fromCharCode(unit - 8);
  if (unit <= 0x1c88) return CYRILLIC[unit - 0x1c80];
  // Its decomposition ends in U+0345 (class 240 sorts it last): the rest composed, then ι.
  return `${char.normalize("NFD").slice(0, -1).normalize("NFC")}ι`;
}

/** The folded form of a text, as both the index and the query compare it. */
export function foldText(text) {
  const wide = text.normalize("NFKC");
  let folded = wide.toLowerCase();
  if (CASE.test(folded)) folded = folded.replace(CASE_ALL, foldCase);
  // Lower case can leave a letter and a following accent composable (Ϊ́ → ΐ = ΐ): NFKC once more.
  if (folded !== wide) folded = folded.normalize("NFKC");
  return folded.replace(OPEN, "(").replace(CLOSE, ")").replace(ZERO, "〇").replace(INVISIBLE, "");
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
