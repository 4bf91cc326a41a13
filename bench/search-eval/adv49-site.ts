/**
 * adv49's fixture site (adv49-items.ts): the sample portal plus those items, and text appended to
 * the sample's 鹿鸣镇 organ and its 2025 年报, under /portal/, with or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/adv49-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/adv49-queries.txt --truth-check 300
 */
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { ADV49_APPENDS, ADV49_ITEMS } from "./adv49-items.ts";

await buildFixtureSite("adv49-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(ADV49_ITEMS)) writeFileSync(path.join(contentDir, file), text);
  for (const [file, text] of Object.entries(ADV49_APPENDS)) appendFileSync(path.join(contentDir, file), text);
});
