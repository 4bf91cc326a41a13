/**
 * On paper, before building (docs/search.md, "Sixteenth round"): for the queries over a request
 * budget, what two layouts would cost, computed from a built index without changing it:
 *
 * - groups: a long term's covering bigrams whose positions are kept inline and which share one page
 *   list exactly (the bigrams of a phrase repeated on the same pages) fetched together from one file
 *   per page list (at most 64 KB a file), after the term's sample: requests and bytes of those files;
 *   With --minhash, grams whose page sets share their least page hash (similar sets, not only equal ones).
 * - pages: each page's record and first text piece in one file (`d/<id>`): a shown result fetches
 *   that file, and its text file only when its first match lies beyond the first piece.
 *
 *   npx tsx bench/search-eval/paper-options.ts SITE --queries FILE [--over N]
 */
import { readFile, readdir } from "node:fs/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import path from "node:path";
import { parseArgs } from "node:util";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { eachListed, parseBucket, parsePart } from "../../src/assets/search-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { planQuery } from "../../src/assets/search-query.js";
import { gramsOfTerm } from "../../src/assets/search-stream.js";
import { fetchIndexFrom } from "./index-fetch.ts";

/** search-plan.js and parts of SiteIndex have no declarations: the shapes used here. */
type Gram = { key: number; offset: number };
// @ts-expect-error -- a plain module without declarations
const { sampled, planTerms } = (await import("../../src/assets/search-plan.js")) as {
  sampled: (grams: Gram[], sample: number) => Gram[];
  planTerms: (terms: string[]) => { sample: number };
};
type Stored = { p: number[][]; l?: string };
type Index = {
  record(id: number): Promise<Stored>;
  leadExcerpt(record: Stored, terms: string[], at?: number): string | undefined;
  storedPiece(record: Stored, i: number): Promise<string>;
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: "string" },
    over: { type: "string", default: "30" },
    // Groups by page-set similarity: grams whose smallest page hash (a one-hash minhash) is the same.
    minhash: { type: "boolean", default: false },
  },
});
const folder = path.join(path.resolve(positionals[0] ?? "."), "pagefind");
const GROUP_FILE = 64 * 1024;
const manifest = JSON.parse(await readFile(path.join(folder, "index.json"), "utf8")) as {
  shards: number[];
  pages: number;
};
const MANY = 96;

// Every gram with its part inline in its bucket.
const parts = new Map<number, { df: number; part: Uint8Array }>();
for (const f of await readdir(path.join(folder, "g")))
  for (const [key, e] of parseBucket(gunzipSync(await readFile(path.join(folder, "g", f)))) as Map<
    number,
    { df: number; part?: Uint8Array }
  >)
    if (e.part) parts.set(key, { df: e.df, part: e.part });
/** A gram's group: its page lists' bytes, when its positions are all inline and it is on MANY pages or more. */
const groupOf = (key: number): string | undefined => {
  const e = parts.get(key);
  if (!e || e.df < MANY) return undefined;
  const segs = parsePart(e.part) as { shard: number; list: Uint8Array; pos?: Uint8Array }[];
  if (!segs.every((s) => s.pos)) return undefined;
  if (values.minhash) {
    let least = Infinity;
    for (const s of segs)
      eachListed(
        s.list,
        manifest.shards[s.shard],
        (manifest.shards[s.shard + 1] ?? manifest.pages) - manifest.shards[s.shard],
        (id: number) => {
          least = Math.min(least, Math.imul(id + 1, 0x9e3779b1) >>> 0);
        },
      );
    return `min:${least}`;
  }
  return segs.map((s) => `${s.shard}:${Buffer.from(s.list).toString("base64")}`).join("|");
};
const groupBytes = new Map<string, number>();
for (const [key, e] of parts) {
  const g = groupOf(key);
  if (g) groupBytes.set(g, (groupBytes.get(g) ?? 0) + e.part.length + 8);
}

let counted: string[] = [];
fetchIndexFrom(folder, (file) => counted.push(file));

const queries = (await readFile(values.queries!, "utf8"))
  .split("\n")
  .map((q) => q.trim())
  .filter(Boolean);
console.log("query\tnow\tgroups\tgroup KB\tpages\tpage-file KB (10)");
for (const query of queries) {
  const plan = planQuery(query);
  if (plan.kind === "empty") continue;
  counted = [];
  const index = (await new SiteIndex("/pagefind/").open()) as unknown as Index & SiteIndex;
  const match = await matchPages(index, plan.terms, {});
  const gramFiles = counted.filter((f) => /^[gx]\//.test(f));
  const ids = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, 10);
  const before = counted.length;
  await Promise.all(ids.map((id) => index.dataOf(id, plan.terms, match.first.get(id))));
  const data = counted.slice(before);
  const now = before + new Set(data).size;
  if (now <= Number(values.over)) continue;
  // groups: the sampled grams' files as now; every other covering gram in a group from its group's file.
  const { sample } = planTerms(plan.terms);
  const inSample = new Set(
    plan.terms.flatMap((t: string) => sampled(gramsOfTerm(t), sample).map((u: { key: number }) => u.key)),
  );
  const files = new Set<string>();
  let kb = 0;
  let saved = 0;
  for (const t of plan.terms)
    for (const u of gramsOfTerm(t) as { key: number }[]) {
      const g = groupOf(u.key);
      if (inSample.has(u.key) || !g) continue;
      // Files of at most GROUP_FILE: which one a gram is in, by its key's place.
      const n = Math.ceil(groupBytes.get(g)! / GROUP_FILE);
      const file = `${g}#${u.key % n}`;
      if (!files.has(file)) kb += groupBytes.get(g)! / n / 1024;
      files.add(file);
      saved++;
    }
  const groups = gramFiles.length - saved + files.size;
  // pages: one file per shown result, plus its text file when the match is beyond the first piece.
  let pageReq = 0;
  let pageKb = 0;
  for (const id of ids) {
    const record = await index.record(id);
    const at = match.first.get(id);
    const i =
      at === undefined
        ? 0
        : Math.max(
            0,
            record.p.reduce((last, p, k) => ((p[2] ?? 0) <= at ? k : last), -1),
          );
    const lead = index.leadExcerpt(record, plan.terms, at) !== undefined;
    pageReq += 1 + (!lead && i > 0 ? 1 : 0);
    pageKb += gzipSync(JSON.stringify([record, await index.storedPiece(record, 0)])).length / 1024;
  }
  const others = before - gramFiles.length; // index.json
  const short = query.length > 30 ? `${query.slice(0, 20)}…(${query.length})` : query;
  console.log(
    `${short}\t${now}\t${others + groups + new Set(data).size}\t${kb.toFixed(0)}\t${before + pageReq}\t${pageKb.toFixed(0)}`,
  );
}
