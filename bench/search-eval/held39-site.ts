/**
 * A small site for the text kinds an independent tester may type or publish that the other fixture
 * sites do not hold (session 39, held39): invisible characters inside words (zero-width space,
 * joiner, non-joiner, BOM, word joiner, soft hyphen, the combining grapheme joiner, a Hangul filler),
 * every width of space, a letter and its combining mark against the precomposed one (both ways, and
 * split by a zero-width space), Turkish İ/ı, ligatures, superscripts, circled and Roman numerals,
 * the wave dash and the middle dots, dashes, single quotes, CJK compatibility ideographs, variation
 * selectors — in a news body, in the front matter fields a layout prints (a policy's 发文字号,
 * 索引号, 有效性, dates, keywords, an attachment; a guide's fields; a video's) and in Markdown shapes
 * (links, images, entities, footnote-like text, ordered lists, tables, headings, code, quotes). The
 * sample portal plus four items, under /portal/, with or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/held39-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/held39-queries.txt --truth-check 300
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { HELD39_ITEMS } from "./held39-items.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { html: { type: "boolean", default: false } },
});
const [target] = positionals;
if (!target) throw new Error("用法：held39-site.ts 目录 [--html]");
const root = path.resolve(import.meta.dirname, "../..");
const work = path.resolve(target);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const contentDir = path.join(work, "content");
cpSync(path.join(root, "content"), contentDir, { recursive: true });
for (const [file, text] of Object.entries(HELD39_ITEMS)) writeFileSync(path.join(contentDir, file), text);
const sample = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
await buildSite({
  site: { ...sample, allowHtml: values.html },
  contentDir,
  outDir: path.join(work, "_site"),
  now: Date.parse("2026-11-27T04:00:00Z"),
});
console.log(`已构建 ${path.join(work, "_site")}`);
