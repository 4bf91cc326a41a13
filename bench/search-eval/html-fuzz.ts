/**
 * Random raw HTML an editor might write (allowHtml), sanitised as a build does (renderMarkdown), laid
 * out by Chromium and compared word for word with the scanner's visible text (adv45): prints the
 * snippets that differ and how many.
 *
 *   npx tsx bench/search-eval/html-fuzz.ts [SEED] [COUNT]
 */
import { renderMarkdown } from "../../src/markdown/render.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { shownTextOf, wordsOf } from "../../test/helpers/shown-text.ts";
let seed = Number(process.argv[2] ?? 1);
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
const TEXT = [
  "智慧",
  "农机",
  " ",
  "\n",
  "&nbsp;",
  "&ensp;",
  "&#8203;",
  "&shy;",
  "&#x3000;",
  "PPP",
  "a b",
  "\t",
  "&amp;",
  "&lt;",
  "中\n文",
  "  ",
  "&#13;",
  "&#10;",
  "·",
  "“引”",
];
const INL = [
  "span",
  "b",
  "strong",
  "em",
  "i",
  "a",
  "q",
  "abbr",
  "sub",
  "sup",
  "del",
  "ins",
  "mark",
  "small",
  "s",
  "u",
  "time",
  "code",
  "kbd",
  "cite",
  "dfn",
  "bdi",
  "var",
  "samp",
  "data",
];
const BLK = [
  "p",
  "div",
  "blockquote",
  "h2",
  "h3",
  "pre",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "ul",
  "li",
  "ol",
  "address",
  "section",
  "aside",
  "article",
  "header",
  "footer",
  "nav",
  "hgroup",
  "caption",
  "details",
  "summary",
  "table",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
];
function node(depth: number): string {
  const r = rnd();
  if (depth > 3 || r < 0.35) return pick(TEXT);
  if (r < 0.42)
    return pick(["<br>", "<wbr>", "<hr>", `<img alt="${pick(["图", "示意 图", ""])}" src="/x.png">`]);
  const tag = r < 0.72 ? pick(INL) : pick(BLK);
  const attrs =
    tag === "a"
      ? ` href="#" title="${pick(["t", "hidden", "x"])}"`
      : tag === "details" && rnd() < 0.5
        ? " open"
        : "";
  let inner = "";
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) inner += node(depth + 1);
  if (tag === "ul" || tag === "ol") return `<${tag}><li>${inner}</li><li>${node(depth + 1)}</li></${tag}>`;
  if (tag === "dl") return `<dl><dt>${inner}</dt><dd>${node(depth + 1)}</dd></dl>`;
  if (tag === "details") return `<details${attrs}><summary>${inner}</summary>${node(depth + 1)}</details>`;
  if (rnd() < 0.05)
    return `<table><caption>${inner}</caption><tr><th>${node(depth + 1)}</th><td>${node(depth + 1)}</td></tr></table>`;
  return `<${tag}${attrs}>${inner}</${tag}>`;
}
const browser = await launchBrowser();
const page = await browser.newPage();
let bad = 0;
const N = Number(process.argv[3] ?? 300);
for (let k = 0; k < N; k++) {
  let src = "";
  for (let i = 0; i < 3; i++) src += node(0);
  const body = renderMarkdown(src, "/portal/", { allowHtml: true });
  const html = `<!doctype html><html lang="zh-CN"><body><main>${body}</main></body></html>`;
  await page.setContent(html);
  const a = wordsOf(visibleText(html)).join(" ");
  const b = wordsOf(await shownTextOf(page)).join(" ");
  if (a !== b) {
    bad++;
    if (bad <= 12) console.log(JSON.stringify({ src, body, scanner: a, chromium: b }));
  }
}
console.log("differ", bad, "of", N);
await browser.close();
