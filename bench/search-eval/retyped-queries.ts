/**
 * Queries as readers retype what a page shows (session 36, held36): windows of 1–400 characters of
 * random pages' rendered text, some characters made full-width or their case swapped, 发文字号
 * brackets and 〇/○/零 swapped, split into terms by spaces, tabs, U+3000 or line breaks, quoted
 * (balanced or not), with invisible characters or punctuation around. Written as `@json` lines
 * (query-file.ts), for count-requests.ts --truth (the Worker's modules in Node) or search:eval.
 *
 *   npx tsx bench/search-eval/retyped-queries.ts SITE OUT [COUNT] [SEED]
 *   npx tsx bench/search-eval/count-requests.ts SITE --queries OUT --truth
 */
import { writeFileSync } from "node:fs";
import { groundTruth } from "./report.ts";
import { indexedUrls } from "./fragments.ts";
import { random } from "../synthetic.ts";
const [site, out, n = "400", seed = "1"] = process.argv.slice(2);
if (!site || !out) throw new Error("用法：retyped-queries.ts 站点 输出文件 [个数] [种子]");
const pages = groundTruth(site, "/portal/", indexedUrls(site + "/pagefind", "/portal/").values());
const rand = random(Number(seed));
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
const wide = (c: string) => {
  const x = c.codePointAt(0)!;
  return x > 0x20 && x < 0x7f ? String.fromCodePoint(x + 0xfee0) : c;
};
const swaps: Record<string, string[]> = {
  "〔": ["[", "【", "（", "(", "［", "〖"],
  "〕": ["]", "】", "）", ")", "］", "〗"],
  〇: ["○", "零"],
  零: ["〇", "○"],
};
const seps = [" ", "  ", "\t", "\u3000", "\n", "\r\n", " \n "];
const quotes = [
  ['"', '"'],
  ["“", "”"],
  ["「", "」"],
  ["『", "』"],
  ["“", ""],
  ['"', ""],
  ["", "”"],
];
const qs: string[] = [];
while (qs.length < Number(n)) {
  const p = pick(pages);
  const chars = [...p.shown];
  if (chars.length < 2) continue;
  const len = pick([1, 2, 3, 4, 6, 8, 12, 20, 40, 80, 200, 400]);
  const at = Math.floor(rand() * Math.max(1, chars.length - len));
  let w = chars.slice(at, at + len);
  const mode = rand();
  w = w.map((c) => (rand() < 0.15 ? wide(c) : c)).map((c) => (rand() < 0.2 && swaps[c] ? pick(swaps[c]) : c));
  w = w.map((c) => (rand() < 0.1 ? (c.toUpperCase() === c ? c.toLowerCase() : c.toUpperCase()) : c));
  let s = w.join("");
  if (mode < 0.3 && s.length > 3) {
    // split into terms
    const k = 1 + Math.floor(rand() * 4);
    const parts = [...s];
    for (let i = 0; i < k; i++) parts.splice(1 + Math.floor(rand() * (parts.length - 1)), 0, pick(seps));
    s = parts.join("");
  } else if (mode < 0.45) {
    const [a, b] = pick(quotes);
    s = a + s + b;
  } else if (mode < 0.5)
    s = [...s].map((c) => (rand() < 0.1 ? c + pick(["\u200b", "\ufe0f", "\u00ad"]) : c)).join("");
  else if (mode < 0.55) s = pick(["，", "。", "、", " ", "\n"]) + s + pick(["，", "。", "", "\t"]);
  if (/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) continue;
  qs.push(s);
}
writeFileSync(out, qs.map((q) => "@json " + JSON.stringify(q)).join("\n") + "\n");
