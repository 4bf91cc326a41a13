/**
 * A small site for the kinds held40 swept (held40-items.ts): compatibility forms, characters outside
 * the BMP, emoji sequences, Markdown an editor writes, lines wrapped next to ambiguous-width
 * punctuation, in a news body, a policy, a guide and the sample topic's introduction. The sample
 * portal plus those, under /portal/, with or without `allowHtml`:
 *
 *   npx tsx bench/search-eval/held40-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/held40-queries.txt --truth-check 300
 */
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";
import { HELD40_ITEMS, HELD40_TOPIC_TAIL } from "./held40-items.ts";

await buildFixtureSite("held40-site.ts", (contentDir) => {
  for (const [file, text] of Object.entries(HELD40_ITEMS)) writeFileSync(path.join(contentDir, file), text);
  appendFileSync(path.join(contentDir, "topics/business.md"), HELD40_TOPIC_TAIL);
});
