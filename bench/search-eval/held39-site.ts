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
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { HELD39_ITEMS } from "./held39-items.ts";

await buildFixtureSite("held39-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(HELD39_ITEMS)) writeFileSync(path.join(contentDir, file), text);
});
