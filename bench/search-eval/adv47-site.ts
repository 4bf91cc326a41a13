/**
 * adv47's fixture site (adv47-items.ts): the sample portal plus those items, under /portal/, with
 * or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/adv47-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/adv47-queries.txt --truth-check 300
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { ADV47_ITEMS } from "./adv47-items.ts";

await buildFixtureSite("adv47-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(ADV47_ITEMS)) writeFileSync(path.join(contentDir, file), text);
});
