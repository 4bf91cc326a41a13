/**
 * Typography of official text: GB/T 15834-2011 标点符号用法 and GB/T 15835-2011 出版物上数字用法,
 * and the U+FFFC a paste leaves where a picture was (adv49 found it in pasted text; search drops it).
 * Each rule is one regular expression or one stack pass over the text, so the cost stays linear.
 */
export interface TypographyHit {
  start: number;
  found: string;
  message: string;
}

const HALF_TO_FULL: Record<string, string> = {
  ",": "，",
  ".": "。",
  ";": "；",
  ":": "：",
  "?": "？",
  "!": "！",
  "(": "（",
};

/** 发文字号 with [] 【】 () （） ［］ around the year, tried only where such a bracket opens: 白政发[2025]3号. */
const DOC_NO = /[[【(（［]((?:19|20)\d{2})[\]】)）］](\d{1,4})号/y;

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;
const isDigit = (code: number) => code >= 48 && code <= 57;
const CN_DIGITS = "一二三四五六七八九〇零";

/**
 * What the rules stop at: the marks of the pairing rule, half-width marks, brackets, 年. The
 * automaton's scan collects their offsets in the same pass (Automaton.scan's `marks`).
 */
export const INTERESTING = new Uint8Array(65536);
for (const c of ",.;:?!([【（［年“”‘’《》）】〔〕\n\uFFFC") INTERESTING[c.charCodeAt(0)] = 1;

const PAIRS: Record<string, string> = { "“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕" };
/** Marks named in words: a message quoting “”” in quotation marks is unreadable. */
const NAMES: Record<string, string> = {
  "“": "左引号“",
  "”": "右引号”",
  "‘": "左单引号‘",
  "’": "右单引号’",
  "《": "书名号《",
  "》": "书名号》",
  "（": "括号（",
  "）": "括号）",
  "【": "方头括号【",
  "】": "方头括号】",
  "〔": "六角括号〔",
  "〕": "六角括号〕",
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/**
 * What each INTERESTING character is, by UTF-16 code unit, so the loop below compares numbers:
 * `text[i]` makes a new string for a Chinese mark, and looking that up in an object or a Map
 * hashes it first. Strings are made only for a hit.
 */
const NEWLINE = 1;
const HALF = 2;
const YEAR = 3;
const OPENER = 4;
const CLOSER = 5;
/** [ and ［: only a 发文字号 starts there. */
const BRACKET = 6;
/** U+FFFC: where a pasted picture or object was (Word, WPS, a phone); Chromium shows nothing. */
const LOST = 7;
const KIND = new Uint8Array(65536);
for (const c of Object.keys(HALF_TO_FULL)) KIND[c.charCodeAt(0)] = HALF;
for (const c of Object.keys(PAIRS)) KIND[c.charCodeAt(0)] = OPENER;
for (const c of CLOSERS.keys()) KIND[c.charCodeAt(0)] = CLOSER;
KIND[10] = NEWLINE;
KIND["年".charCodeAt(0)] = YEAR;
KIND["[".charCodeAt(0)] = BRACKET;
KIND["［".charCodeAt(0)] = BRACKET;
KIND[0xfffc] = LOST;
/** A closing mark's opener, by code unit. */
const OPENER_OF = new Uint16Array(65536);
for (const [c, o] of CLOSERS) OPENER_OF[c.charCodeAt(0)] = o.charCodeAt(0);
const PAREN = "(".charCodeAt(0);
const FULL_PAREN = "（".charCodeAt(0);

/** Reused by every call (the check is synchronous): open marks of the current paragraph. */
const STACK: number[] = [];

/**
 * Half-width marks between Chinese characters, 发文字号 brackets, years of two digits or with 零,
 * and (per paragraph) quotation marks and brackets that do not pair up. `at`: the offsets of the
 * text's INTERESTING characters, in order, when a scan has collected them already; without it the
 * text is read here.
 */
export function typographyHits(text: string, at?: readonly number[]): TypographyHit[] {
  const hits: TypographyHit[] = [];
  const stack = STACK;
  // Emptied only when not empty: setting an array's length is a call into the runtime.
  if (stack.length !== 0) stack.length = 0;
  const offsets = at ?? interesting(text);
  for (let j = 0; j < offsets.length; j++) {
    const i = offsets[j];
    const code = text.charCodeAt(i);
    const kind = KIND[code];
    if (kind === NEWLINE) {
      if (stack.length !== 0 && i + 1 < text.length && text.charCodeAt(i + 1) === 10)
        unpaired(text, stack, hits);
    } else if (kind === HALF) {
      // Bounds tested first: a read past either end (NaN) is no Chinese character either, but it
      // made the compiled loop start over (an out-of-bounds deopt) in a first run.
      if (i > 0 && i + 1 < text.length && isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(i + 1)))
        halfWidth(text, i, hits);
      if (code === PAREN) docNo(text, i, hits);
    } else if (kind === YEAR) year(text, i, hits);
    else if (kind === OPENER) {
      stack.push(i);
      if (code === FULL_PAREN) docNo(text, i, hits);
    } else if (kind === CLOSER) {
      const top = stack.length - 1;
      // Closes the innermost opener: the usual case, nothing to report.
      if (top >= 0 && text.charCodeAt(stack[top]) === OPENER_OF[code]) stack.pop();
      else closer(text, i, stack, hits);
    } else if (kind === LOST) lostObject(i, hits);
    else docNo(text, i, hits);
  }
  if (stack.length !== 0) unpaired(text, stack, hits);
  return hits;
}

function lostObject(i: number, hits: TypographyHit[]): void {
  hits.push({
    start: i,
    found: "\uFFFC",
    message:
      "此处有一个看不见的对象替换符（U+FFFC）：从 Word、WPS 或手机粘贴时，原处的图片或对象没有一起粘贴过来；请删除它，需要图片时另行插入",
  });
}

function halfWidth(text: string, i: number, hits: TypographyHit[]): void {
  const c = text[i];
  hits.push({
    start: i,
    found: c,
    message: `汉字之间的半角标点“${c}”应为全角“${HALF_TO_FULL[c]}”${c === "(" ? "（括号应成对使用全角“（）”）" : ""}（GB/T 15834）`,
  });
}

/** The openers left on the stack at a paragraph's end; empties it. A function of its own: a named closure per call costs a defineProperty under tsx's keepNames. */
function unpaired(text: string, stack: number[], hits: TypographyHit[]): void {
  for (const at of stack)
    hits.push({
      start: at,
      found: text[at],
      message: `${NAMES[text[at]]}后面缺少配对的${NAMES[PAIRS[text[at]]]}`,
    });
  stack.length = 0;
}

function interesting(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) if (INTERESTING[text.charCodeAt(i)] === 1) offsets.push(i);
  return offsets;
}

function docNo(text: string, i: number, hits: TypographyHit[]): void {
  DOC_NO.lastIndex = i;
  const m = DOC_NO.exec(text);
  if (!m) return;
  // 机关代字 before the year; without one, a bracketed year is no document number.
  if (!isHan(text.charCodeAt(i - 1))) return;
  hits.push({
    start: i,
    found: m[0],
    message: `发文字号的年份应使用六角括号“〔〕”：应为“〔${m[1]}〕${m[2]}号”（GB/T 9704）`,
  });
}

/** What may stand before a two-digit year that is no short year: 2025年 (a digit), 1.25年, 第25年 … */
const NOT_SHORT_YEAR = /[\d./:\-０-９'’第]/;
const isMonthDigit = (code: number) => code >= 48 && code <= 57;
const MONTH = "月".charCodeAt(0);
const ZERO = "零".charCodeAt(0);

function year(text: string, i: number, hits: TypographyHit[]): void {
  // -1 before the text's start, like the NaN a read there gives, without reading out of bounds.
  const a = i >= 2 ? text.charCodeAt(i - 2) : -1;
  const b = i >= 1 ? text.charCodeAt(i - 1) : -1;
  if (isDigit(a) && isDigit(b)) {
    // Most are four-digit years (2025年): the character before rules them out first, and the month
    // (what /^(\d{1,2})月/ matched in the three characters after 年) is read by code unit.
    const before = text[i - 3] ?? "";
    if (NOT_SHORT_YEAR.test(before)) return;
    const n = text.length;
    const m1 = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    const m2 = i + 2 < n ? text.charCodeAt(i + 2) : -1;
    const m3 = i + 3 < n ? text.charCodeAt(i + 3) : -1;
    if (!isMonthDigit(m1)) return;
    const digits = m2 === MONTH ? 1 : isMonthDigit(m2) && m3 === MONTH ? 2 : 0;
    if (digits === 0) return;
    const month = [text.slice(i + 1, i + 2 + digits), text.slice(i + 1, i + 1 + digits)];
    hits.push({
      start: i - 2,
      found: text.slice(i - 2, i + 1) + month[0],
      message: `年份不能简写为两位：应为“20${text.slice(i - 2, i)}年${month[1]}月”之类的四位年份（GB/T 15835）`,
    });
    return;
  }
  // A year in Chinese numerals with 零 (二零二五年): none without a 零 in the four characters before.
  let zero = false;
  for (let k = Math.max(0, i - 4); k < i; k++) if (text.charCodeAt(k) === ZERO) zero = true;
  if (!zero) return;
  const digits = text.slice(Math.max(0, i - 4), i);
  if (digits.length === 4 && digits.includes("零") && [...digits].every((d) => CN_DIGITS.includes(d))) {
    const before = text[i - 5];
    if (before !== undefined && (CN_DIGITS.includes(before) || before === "十")) return;
    hits.push({
      start: i - 4,
      found: digits + "年",
      message: `年份中的零应写作“〇”：应为“${digits.replaceAll("零", "〇")}年”（GB/T 15835）`,
    });
  }
}

/** A closing mark: pops its opener, or reports a stray or crossed one (once per mistake). */
function closer(text: string, i: number, stack: number[], hits: TypographyHit[]): void {
  const c = text[i];
  const open = CLOSERS.get(c)!;
  if (stack.length && text[stack[stack.length - 1]] === open) {
    stack.pop();
    return;
  }
  const inner = stack.length ? text[stack[stack.length - 1]] : undefined;
  hits.push({
    start: i,
    found: c,
    message: inner
      ? `${NAMES[c]}与前面的${NAMES[inner]}不配对，应先用${NAMES[PAIRS[inner]]}结束`
      : `${NAMES[c]}前面缺少配对的${NAMES[open]}`,
  });
  // Crossed pairs (《（》）): drop the opener this mark closes, keep the inner one for its own closer.
  for (let j = stack.length - 2; j >= 0; j--) {
    if (text[stack[j]] === open) {
      stack.splice(j, 1);
      break;
    }
  }
}
