/**
 * adv48's fixture site (adv48-items.ts): the sample portal plus those items, under /portal/, with
 * or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/adv48-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/adv48-queries.txt --truth-check 300
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { ADV48_ITEMS } from "./adv48-items.ts";

await buildFixtureSite("adv48-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(ADV48_ITEMS)) writeFileSync(path.join(contentDir, file), text);
});
