/**
 * adv45's fixture site (adv45-items.ts): the sample portal plus those items, under /portal/, with
 * or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/adv45-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/adv45-queries.txt --truth-check 300
 */
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { ADV45_ITEMS, ADV45_TOPIC_TAIL } from "./adv45-items.ts";

await buildFixtureSite("adv45-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(ADV45_ITEMS)) writeFileSync(path.join(contentDir, file), text);
  appendFileSync(path.join(contentDir, "topics/business.md"), ADV45_TOPIC_TAIL);
});
