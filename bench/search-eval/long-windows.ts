/**
 * Queries of the held-out check's longest kind (docs/search.md, "Eighteenth round"): windows of 32–200
 * characters copied from the built site's shown text, line by line, mostly of phrases on 96 pages or
 * more (one in five rarer ones kept): the long pasted text of common phrases whose covering bigrams are
 * each on hundreds of pages. Prints each window's page count and length; writes one a line, for
 * `count-requests.ts --queries` or `npm run search:eval -- --site … --queries`.
 *
 *   npx tsx bench/search-eval/long-windows.ts SITE OUT_FILE [--seed N] [--count N]
 *
 * SITE built with pathPrefix /portal/.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { indexedUrls } from "./fragments.ts";
import { groundTruth } from "./report.ts";
import { foldText } from "../../src/assets/search-query.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: "string", default: "7" }, count: { type: "string", default: "120" } },
});
const [site, out] = positionals;
if (!site || !out) throw new Error("用法：long-windows.ts 站点 输出文件 [--seed N] [--count N]");
const folder = path.join(path.resolve(site), "pagefind");
const truth = groundTruth(path.resolve(site), "/portal/", indexedUrls(folder, "/portal/").values());
let seed = Number(values.seed);
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const LENGTHS = [32, 40, 48, 56, 64, 80, 96, 120, 150, 200];
const queries: string[] = [];
for (let tries = 0; queries.length < Number(values.count) && tries < 20000; tries++) {
  const page = truth[Math.floor(rand() * truth.length)];
  const lines = page.shown
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => [...l].length >= 32);
  if (!lines.length) continue;
  const line = [...lines[Math.floor(rand() * lines.length)]];
  const length = LENGTHS[Math.floor(rand() * LENGTHS.length)];
  if (line.length < length) continue;
  const at = Math.floor(rand() * (line.length - length + 1));
  const query = line
    .slice(at, at + length)
    .join("")
    .trim();
  if (/\s/.test(query)) continue;
  const folded = foldText(query);
  const pages = truth.reduce((n, t) => n + (t.text.includes(folded) ? 1 : 0), 0);
  if (pages < 96 && rand() < 0.8) continue;
  queries.push(query);
  console.log(`${pages}\t${[...query].length}\t${query.slice(0, 40)}`);
}
writeFileSync(out, `${queries.join("\n")}\n`);
