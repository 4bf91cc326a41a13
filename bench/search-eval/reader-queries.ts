/**
 * Queries as readers type them, drawn from the corpus at hand (deterministic: the same pages give
 * the same queries), for the kinds an independent check of issue 14 tries and the first default
 * list did not: Latin, digits and CJK mixed (GB/T 2260-2007, 5G基站, 2023年12月, 12345热线) in
 * both widths and cases, a 发文字号 in full-width digits and 【】, ellipses, dashes, middle dots and
 * 《》 titles, one punctuation character, a whole title, a term repeated, a phrase across a line
 * end, text run across a block boundary (a cell or a list item: found only where it runs on), and
 * text shown only in the page's chrome (breadcrumbs, toolbar, print line: never a result).
 */
import type { TruthPage } from "./report.ts";

/** Shown on every page but outside its main content, or not on screen at all. */
const CHROME = ["当前位置", "打印本页", "本页网址", "网站地图"];
/** Case and the other width of one Latin word, wherever the corpus has it. */
const CASES = ["PDF", "pdf", "ｐｄｆ"];

const WIDE = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const SWAP_CASE = (s: string) =>
  s.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));

/** The first match of `re` on the pages, taken from pages spread over the corpus. */
function firstMatch(pages: readonly TruthPage[], re: RegExp): string | undefined {
  const step = Math.max(1, Math.floor(pages.length / 997));
  for (let i = 0; i < pages.length; i += step) {
    const m = re.exec(pages[i].shown);
    if (m) return m[0];
  }
  return undefined;
}

export function readerQueries(pages: readonly TruthPage[]): string[] {
  const out: string[] = [];
  const add = (...qs: (string | undefined)[]) => {
    for (const q of qs) if (q?.trim() && !out.includes(q)) out.push(q);
  };
  const mixed = firstMatch(pages, /[A-Za-z]+[0-9]*\p{Script=Han}{2}/u);
  add(mixed, mixed && WIDE(mixed), mixed && SWAP_CASE(mixed));
  const standard = firstMatch(pages, /[A-Z]{2}(?:\/T)? ?\d{3,5}-\d{4}/u);
  add(standard, standard && SWAP_CASE(standard));
  const digits = firstMatch(pages, /\d{3,}\p{Script=Han}{2}/u);
  add(digits, digits && WIDE(digits));
  const month = firstMatch(pages, /\d{4}年\d{1,2}月/u);
  add(month, month && WIDE(month));
  const docNo = firstMatch(pages, /\p{Script=Han}+〔\d{4}〕\d+号/u);
  add(docNo && WIDE(docNo).replace("〔", "【").replace("〕", "】"));
  add(firstMatch(pages, /\p{Script=Han}{2}(?:……|…)\p{Script=Han}?/u));
  add(firstMatch(pages, /\p{Script=Han}{2}——\p{Script=Han}{0,2}/u));
  add(firstMatch(pages, /\p{Script=Han}[·・]\p{Script=Han}/u));
  const book = firstMatch(pages, /《[^》\n]{2,24}》/u);
  add(book, book?.slice(1, -1));
  add("、", "《");
  const title = pages.map((p) => p.shown.split("\n")[0]).find((t) => t.length >= 20);
  add(title);
  const body = pages[Math.floor(pages.length / 2)]?.shown.split("\n").filter((l) => l.length >= 8) ?? [];
  if (body.length >= 2) {
    const [a, b] = body;
    const word = a.slice(2, 4);
    add(`${word} ${word}`, `“${a.slice(-4)} ${b.slice(0, 4)}”`, `${a.slice(-3)}${b.slice(0, 3)}`);
  }
  add(...CASES, ...CHROME);
  return out;
}
