/**
 * adv50's fixture site (adv50-items.ts): the sample portal plus those items, and text appended to
 * the sample's 生态文明建设 topic and a periodical issue, under /portal/, with or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/adv50-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/adv50-queries.txt --truth-check 300
 */
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { ADV50_APPENDS, ADV50_ITEMS } from "./adv50-items.ts";

await buildFixtureSite("adv50-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(ADV50_ITEMS)) writeFileSync(path.join(contentDir, file), text);
  for (const [file, text] of Object.entries(ADV50_APPENDS)) appendFileSync(path.join(contentDir, file), text);
});
