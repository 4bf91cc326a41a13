/**
 * How text is folded and how a typed query is read: shared by the build (src/search/) and the
 * browser (search.js, search-worker.js), so the index and the query can never disagree. Plain
 * JavaScript, served as it is.
 */

/*
 * Folding: what people type and what pages print are compared after
 * - NFKC (full-width letters, digits and punctuation become half-width: ５Ｇ = 5G, （ = (),
 * - Unicode full case folding (CaseFolding.txt C + F, not T), then NFKC where it changed something,
 *   as NFKC_Casefold: Σ σ ς are σ wherever they stand, ß ẞ are ss (not toLowerCase: ΟΔΟΣ → οδος),
 * - every bracket of a 发文字号 the same: 〔〕 [] ［］ () （） 【】 〖〗 fold to ( ),
 * - 〇 ○ ◯ 零 the same character (dates are written 二〇二三年 and 二零二三年; ◯, the large circle,
 *   is what some input methods give for 〇), and so is a Latin O or a digit 0 typed for it inside a
 *   year in Chinese numerals (二O二三年, 二0二三年: adv48): only between a Chinese numeral and another
 *   or 年, so 2023, Office and 一0 elsewhere keep their letters and digits,
 * - look-alikes typed either way: middle dots · ・ ‧ ∙ ⋅ • are ·, the wave dash 〜 is ~ (as ～),
 *   hyphens and dashes ‐ ‑ ‒ – − are -, ― is —, single quotes ‘ ’ are ' (held39), the fraction and
 *   division slashes ⁄ ∕ are / (so ½, which NFKC makes 1⁄2, is 1/2) and the ratio colon ∶ of a
 *   比例尺 1∶500 is : (held40),
 * - the circled digits NFKC leaves alone (❶ ➀ ➊ ⓵ ⓫ ⓿) are numbers, as ① is 1,
 * - CJK radicals a PDF's text layer gives for common characters (⻓ for 长, ⻔ for 门, ⻅ for 见: adv48)
 *   are those characters; NFKC folds the Kangxi radicals (⼯ is 工) but not the Radicals Supplement,
 * - İ is i (case folding gives i + U+0307; the dot is dropped; ı stays ı),
 * - invisible characters dropped first, so what they split still joins (cafe\u200B\u0301 = café):
 *   format characters (zero-width space, soft hyphen, BOM), variation selectors (❤️ is ❤) and the
 *   other default-ignorables (grapheme joiner, Hangul fillers, Mongolian selectors), as NFKC_Casefold,
 *   and the object replacement character U+FFFC, which text copied from Word, WPS, a Mac or a phone
 *   holds where a picture or an embedded file was and Chromium draws as nothing (adv49: 签字￼盖章
 *   shows 签字盖章),
 * - the Braille blank U+2800, a filler pasted for a space that draws as one, is a space (adv49),
 * - ⋯ ⸺ ⸻ ︰, drawn as …… —— ——— ：, are those (adv50; below).
 */
const SAME_FROM = "[〔【〖〘]〕】〗〙○◯零・‧∙⋅•〜‐‒–−―‘’⁄∕∶\u2800";
const SAME_TO = "((((()))))〇〇〇·····~----—''//: ";
const same = (char) => SAME_TO[SAME_FROM.indexOf(char)];
/*
 * The CJK Radicals Supplement U+2E81–2EF3, each as Unicode's Equivalent_Unified_Ideograph
 * (EquivalentUnifiedIdeograph.txt; U+2E95 as the current file has it, U+2B739, not 14.0's U+5F50;
 * the unassigned U+2E9A stays itself). Text copied from a PDF holds them where the page shows a common
 * character: ⻓效机制 looks like 长效机制 and was found by nothing a reader types.
 */
const RADICALS = Array.from("厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑𫜹忄心扌攵⺚旡日月歺母民氵氺灬爫爫丬牛犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟");
/**
 * The circled digits NFKC leaves alone — negative ❶–❿, sans-serif ➀–➉ and ➊–➓, double ⓵–⓾, ⓫–⓴, ⓿ —
 * are their numbers, as NFKC makes ① 1 and ⑴ (1) (adv48: 第➀批 was found by neither 第1批 nor 第①批).
 */
const circled = (unit) =>
  unit >= 0x2776 ? ((unit - 0x2776) % 10) + 1 : unit === 0x24ff ? 0 : unit <= 0x24f4 ? unit - 0x24eb + 11 : unit - 0x24f5 + 1;
const alike = (char) =>
  char >= "\u2E81" && char <= "\u2EF3" ? RADICALS[char.charCodeAt(0) - 0x2e81] : same(char);
const number = (char) => String(circled(char.charCodeAt(0)));
// Two small classes, not one: V8 skips through a text for a small class far faster (measured: a
// class of all 25 took 4× the time of these two scans together on a Chinese text). A range in the
// second costs less than a scan of its own (adv48: +5 % of the fold against +8 %).
const SAME = /[[〔【〖〘\]〕】〗〙○◯零]/g;
const LOOK_ALIKE = /[・‧∙⋅•〜‐‒–−―‘’⁄∕∶\u2800\u2E81-\u2EF3]/g;
// A scan of its own: in LOOK_ALIKE's class these two ranges cost +23 % of the fold, apart +7 % (adv48).
const CIRCLED = /[\u24EB-\u24FF\u2776-\u2793]/g;
/**
 * An O or 0 (folded: o, 0) typed for 〇 in a year: after a Chinese numeral, before another or 年. The
 * numeral first in the pattern, not a lookbehind: +7 % of the fold, a lookbehind +29 % (adv48). It
 * looks at neighbours, but only at Han characters beside a letter or digit, which no piece cut
 * separates (doc-pieces.mjs cuts between two Han characters or after a line break).
 */
const YEAR_ZERO = /[〇一二三四五六七八九][0o]+(?=[〇一二三四五六七八九年])/g;
const yearZero = (run) => run[0] + "〇".repeat(run.length - 1);
/** Folded text with the O and 0 typed for 〇 in years as 〇 (one unit for one: offsets keep). */
export const zerosInYears = (folded) => folded.replace(YEAR_ZERO, yearZero);
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
/**
 * Default-ignorable characters that are not Cf, as NFKC_Casefold drops them, and U+FFFC, which draws
 * as nothing (again, a scan of its own). Also ︰ (Big5's colon; NFKC: ..) is ：, and ⋯ ⸺ ⸻ are …
 * —— ——— (in LOOK_ALIKE: +25 % of the fold; here: none measured; adv50).
 */
// eslint-disable-next-line no-misleading-character-class -- marks and fillers dropped one by one, not a sequence
const IGNORABLE = /[\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0\uFFFC\uFE30\u22EF\u2E3A\u2E3B]/g;
const EARLY = { "\uFE30": "：", "\u22EF": "…", "\u2E3A": "——", "\u2E3B": "———" };
const early = (char) => EARLY[char] ?? "";

/*
 * After NFKC, folding differs from toLowerCase only for these (test/search/case-fold.test.ts checks
 * every code point): ß → ss, ς → σ, U+0345 → ι, Cherokee small → capital, ᲀ–ᲈ → в д о с т т ъ ѣ ꙋ,
 * a Greek letter with ypogegrammeni → the letter, then ι. With a mark of U+0300–036F (Ϊ́ lowered is
 * ΐ, NFKC's ΐ) NFKC runs again; no other mark composes with a cased letter (\p{M}: 10× the cost).
 */
const CASE = /[ßς\u13F8-\u13FD\u1C80-\u1C88\u1F80-\u1FAF\u1FB2-\u1FB4\u1FB7\u1FC2-\u1FC4\u1FC7\u1FF2-\u1FF4\u1FF7\uAB70-\uABBF]/;
const CASE_OR_MARK = new RegExp(`[\\u0300-\\u036F${CASE.source.slice(1)}`);
const CASE_ALL = new RegExp(`\\u0345|${CASE.source}`, "g");
const CYRILLIC = "вдосттъѣꙋ";
/** İ folds to i + U+0307 (CaseFolding.txt F); without the dot it is the i everyone types. */
const DOTTED_I = /i\u0307/g;

function foldCase(char) {
  if (char === "ß") return "ss";
  if (char === "ς") return "σ";
  if (char === "\u0345") return "ι";
  const unit = char.charCodeAt(0);
  if (unit >= 0xab70) return String.fromCharCode(unit - 0xab70 + 0x13a0);
  if (unit <= 0x13fd) return String.fromCharCode(unit - 8);
  if (unit <= 0x1c88) return CYRILLIC[unit - 0x1c80];
  // Its NFD ends in U+0345 (class 240 sorts it last).
  return `${char.normalize("NFD").slice(0, -1).normalize("NFC")}ι`;
}

/** The folded form of a text, as both the index and the query compare it. */
export function foldText(text) {
  let folded = text.replace(INVISIBLE, "").replace(IGNORABLE, early).normalize("NFKC").toLowerCase();
  if (CASE_OR_MARK.test(folded)) folded = folded.replace(CASE_ALL, foldCase).replace(DOTTED_I, "i").normalize("NFKC");
  return zerosInYears(folded.replace(SAME, same).replace(LOOK_ALIKE, alike).replace(CIRCLED, number));
}

/**
 * Most UTF-16 units a query may have (the forms' maxlength, layouts/): a CJK character is 9 bytes
 * of a GET address (%E5%85%AC), so 700 keep the address under 6.4 KB plus filters, below the 8 KB
 * request line many hosts allow (nginx's large_client_header_buffers), and a pasted passage of 500
 * characters still fits.
 */
export const QUERY_LIMIT = 700;

/** A query with its line breaks made spaces, as a text field holds a pasted or scripted value. */
export const spacedOf = (q) => q.replace(/\r\n?|\n/g, " ");

/**
 * The query of a page's address as its search box holds it: a line break is a space (a text field
 * drops one set by script, a paste makes it a space), and an address longer than the forms allow (a
 * link made elsewhere) is cut to QUERY_LIMIT units, never inside a character.
 */
export function addressQueryOf(q) {
  const spaced = spacedOf(q);
  if (spaced.length <= QUERY_LIMIT) return spaced;
  const high = spaced.charCodeAt(QUERY_LIMIT - 1);
  return spaced.slice(0, high >= 0xd800 && high <= 0xdbff ? QUERY_LIMIT - 1 : QUERY_LIMIT);
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
  return { kind: "search", terms, passage: foldText(typed).trim().replace(/\s+/gu, " ") };
}

/** True when the folded text holds every term (the rule the index implements; tests and the harness use it). */
export function textMatches(text, terms) {
  const folded = foldText(text).replace(/\s+/gu, " ");
  return terms.every((term) => folded.includes(term));
}

/**
 * The title's share of a page's stream (search-stream.js): a match before this position is a match
 * in the title, which ranks first (search-worker.js). 128, not 64 (adv45): a policy's title runs to
 * 70–100 characters (关于转发……联合制定的……方案的通知), and a term in the part beyond the span ranked
 * as a body match, under a newer page holding it in its first paragraph only.
 */
export const TITLE_SPAN = 128;

/**
 * The index's format (index.json `format`), bumped when the files change shape or meaning: a Worker
 * refuses an index it cannot read. 2 since TITLE_SPAN became 128 — every stream position moved, and a
 * Worker of format 1 would check text at the wrong places. A reader's cache no longer hands a page
 * an older Worker (the page starts it by its code's version and worker.js is revalidated: ver46),
 * but a CDN that keeps scripts longer than `_headers` says still could.
 */
export const INDEX_FORMAT = 2;
/**
 * The error a Worker's `data` or `counts` answer carries when the index was deployed anew since the
 * search they belong to (search-current.js): the page then searches again.
 */
export const INDEX_CHANGED = "search index changed";

/**
 * Results a search's answer brings with their data, and the page shows first (search.js; the Worker's
 * search of the page's address, search-worker.js); the rest of the first ten follow at once. Each
 * result's excerpt is in a text file of its own and the Worker keeps six requests in flight, so six
 * cost one round of requests after their records, ten cost two.
 */
export const FIRST_SHOWN = 6;
