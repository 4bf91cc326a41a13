/**
 * Text a site shows that no search result can lead to (adv47): every page of the built site that
 * the index does not hold (list pages, reports, the 公开平台's own pages), each line of its `<main>`
 * text (visible-text.mjs) that no indexed page shows too, folded as search compares. Lines made of
 * list chrome (titles of other pages, dates, counts) are found elsewhere and drop out; what stays is
 * text only an unindexed page carries.
 *
 *   npx tsx bench/search-eval/unindexed-text.ts SITE [--min 8]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { foldText } from "../../src/search/tokens.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { indexedUrls } from "./fragments.ts";
import { groundTruth } from "./report.ts";

const PREFIX = "/portal/";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { min: { type: "string", default: "8" } },
});
const site = path.resolve(positionals[0] ?? "");
const min = Number(values.min);
const urls = indexedUrls(path.join(site, "pagefind"), PREFIX);
const indexed = groundTruth(site, PREFIX, urls.values());
const all = indexed.map((p) => p.text).join("\n");
const held = new Set(indexed.map((p) => p.url));

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== "pagefind" && name !== "assets" && name !== "media") yield* htmlFiles(file);
    } else if (name === "index.html") yield file;
  }
}

let pages = 0;
let lines = 0;
for (const file of htmlFiles(site)) {
  const url = PREFIX + path.relative(site, path.dirname(file)).split(path.sep).join("/") + "/";
  if (held.has(url.replace(/\/\/$/, "/"))) continue;
  const only = visibleText(readFileSync(file, "utf8"))
    .split("\n")
    .filter((line) => [...line].length >= min && !all.includes(foldText(line).replace(/\s+/gu, " ")));
  if (!only.length) continue;
  pages++;
  lines += only.length;
  console.log(`${url}\t${only.length}\t${only.slice(0, 3).join(" ｜ ").slice(0, 160)}`);
}
console.log(
  `未编入索引、显示了索引中没有的文字的页面 ${pages} 个，这样的行 ${lines} 行（每行至少 ${min} 个字符）`,
);
