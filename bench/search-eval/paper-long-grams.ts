/**
 * On paper, before building (docs/search.md, "Seventeenth round"): long grams kept only where they
 * repeat, counted on a built index without changing it. A long gram is L code points of a page's
 * stream starting at an *anchor* (a position whose bigram hashes to 0 modulo D: a property of the two
 * characters alone, so a term and every page holding it agree on where its anchors are); it would be
 * indexed, every occurrence with its position, when the rule keeps it:
 *
 * - `pages`: it is on at least MIN and at most MAX pages;
 * - `inline`: besides, every covering bigram of it keeps its positions in its part (no positions file:
 *   the bigrams that cost a bucket each), so repeated phrases of common bigrams (the synthetic
 *   portal's) add nothing.
 *
 * Prints the rule's keys, occurrences and estimated bytes (before gzip, against `g/` + `x/`), and for
 * each query over a budget its Worker requests now and with the long grams: a long term proved by its
 * kept long grams (an interval cover) and the covering bigrams of what they leave uncovered.
 *
 *   npx tsx bench/search-eval/paper-long-grams.ts SITE --queries FILE [--over 30] [--len 16] [--every 4]
 */
import { readFile, readdir } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { parseArgs } from "node:util";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { parseBucket, parsePart } from "../../src/assets/search-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { planQuery } from "../../src/assets/search-query.js";
import { codePoints, gramKey, gramsOfTerm, hashOf } from "../../src/assets/search-stream.js";
import { fetchIndexFrom } from "./index-fetch.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: "string" },
    over: { type: "string", default: "30" },
    len: { type: "string", default: "16" },
    every: { type: "string", default: "4" },
    min: { type: "string", default: "96" },
    max: { type: "string", default: "100000" },
  },
});
const folder = path.join(path.resolve(positionals[0] ?? "."), "pagefind");
const L = Number(values.len);
const D = Number(values.every);
const MIN = Number(values.min);
const MAX = Number(values.max);
const anchor = (a: number, b: number) => hashOf(gramKey(a, b)) % D === 0;

// Every gram's page count and whether its positions are all in its part.
const bigram = new Map<number, { df: number; inline: boolean }>();
let indexBytes = 0;
for (const f of await readdir(path.join(folder, "g"))) {
  const bytes = gunzipSync(await readFile(path.join(folder, "g", f)));
  indexBytes += bytes.length;
  for (const [key, e] of parseBucket(bytes) as Map<number, { df: number; part?: Uint8Array }>) {
    const inline = !!e.part && (parsePart(e.part) as { pos?: Uint8Array }[]).every((s) => s.pos);
    bigram.set(key, { df: e.df, inline });
  }
}
for (const f of await readdir(path.join(folder, "x")))
  indexBytes += gunzipSync(await readFile(path.join(folder, "x", f))).length;

fetchIndexFrom(folder, (file) => counted.push(file));
let counted: string[] = [];
const site = (await new SiteIndex("/pagefind/").open()) as unknown as SiteIndex & {
  streamOf(id: number): Promise<number[]>;
  pages: number;
  manifest: { buckets: number };
};

const coveringInline = (cps: number[]) =>
  gramsOfTerm(String.fromCodePoint(...cps)).every((u: { key: number }) => {
    const b = bigram.get(u.key);
    return b && b.inline && b.df >= MIN;
  });
const notInline = (cps: number[]) =>
  gramsOfTerm(String.fromCodePoint(...cps)).filter((u: { key: number }) => !bigram.get(u.key)?.inline).length;
// Every anchored long gram: its pages, occurrences, and one place it is at (to read it back).
type Long = { df: number; occ: number; last: number; cps: number[] };
const longs = new Map<string, Long>();
let eligiblePages = 0;
for (let id = 0; id < site.pages; id++) {
  const s = await site.streamOf(id);
  let eligiblePage = false;
  let run = 0; // code points since the last BREAK
  for (let p = 0; p < s.length; p++) {
    run = s[p] === 0 ? 0 : run + 1;
    const start = p - L + 1;
    if (run < L || !anchor(s[start], s[start + 1])) continue;
    const cps = s.slice(start, p + 1);
    const k = String.fromCodePoint(...cps);
    let e = longs.get(k);
    if (!e) longs.set(k, (e = { df: 0, occ: 0, last: -1, cps }));
    e.occ++;
    if (e.last !== id) {
      e.df++;
      e.last = id;
    }
    if (!eligiblePage && coveringInline(cps)) eligiblePage = true;
  }
  if (eligiblePage) eligiblePages++;
}
console.log(
  `pages with a window of inline bigrams on ${MIN}+ pages (a one-page edit there indexes its shard whole): ${eligiblePages}`,
);
const rules: Record<string, (e: Long) => boolean> = {
  pages: (e) => e.df >= MIN && e.df <= MAX,
  inline: (e) => e.df >= MIN && e.df <= MAX && coveringInline(e.cps),
  // At most two covering bigrams with positions files of their own.
  mostly: (e) => e.df >= MIN && e.df <= MAX && notInline(e.cps) <= 2,
};
const kept: Record<string, Set<string>> = {};
console.log(
  `L ${L}, every ${D}th position, pages ${MIN}–${MAX}; g/ + x/ before gzip ${(indexBytes / 1e6).toFixed(2)} MB`,
);
for (const [name, rule] of Object.entries(rules)) {
  const keys = [...longs].filter(([, e]) => rule(e));
  kept[name] = new Set(keys.map(([k]) => k));
  const occ = keys.reduce((n, [, e]) => n + e.occ, 0);
  const df = keys.reduce((n, [, e]) => n + e.df, 0);
  // Entry (key, count, length, segment head) ~16 bytes; list ~1.5 bytes a page; positions: count and
  // first position ~3 bytes a page, ~2 a further occurrence.
  const bytes = keys.length * 16 + df * 4.5 + (occ - df) * 2;
  console.log(
    `rule ${name}: ${keys.length} keys, ${df} pages, ${occ} occurrences, about ${(bytes / 1e6).toFixed(2)} MB (+${((100 * bytes) / indexBytes).toFixed(1)} %)`,
  );
}

/** The long grams a term is proved by (an interval cover by kept ones) and the bigrams left. */
function cover(term: string, keep: Set<string>) {
  const cps = codePoints(term);
  const at: number[] = [];
  for (let p = 0; p + L <= cps.length; p++)
    if (anchor(cps[p], cps[p + 1]) && keep.has(String.fromCodePoint(...cps.slice(p, p + L)))) at.push(p);
  const used: number[] = [];
  const covered = new Uint8Array(cps.length);
  // Greedy: from the left, the anchor reaching furthest among those starting within what is covered.
  let reach = 0;
  let i = 0;
  while (i < at.length) {
    let best = -1;
    while (i < at.length && (at[i] <= reach || best < 0)) best = at[i++];
    used.push(best);
    covered.fill(1, best, best + L);
    reach = best + L;
  }
  // Uncovered runs: covering bigrams of each run widened by one (a run of one needs a bigram too).
  const bigrams = new Set<number>();
  for (let p = 0; p < cps.length;) {
    if (covered[p]) {
      p++;
      continue;
    }
    let q = p;
    while (q < cps.length && !covered[q]) q++;
    const from = Math.max(0, q - p < 2 && p > 0 ? p - 1 : p);
    const to = Math.min(cps.length, Math.max(q, from + 2));
    for (const u of gramsOfTerm(String.fromCodePoint(...cps.slice(from, to)))) bigrams.add(u.key);
    p = q;
  }
  return { used, bigrams };
}

const queries = (await readFile(values.queries!, "utf8"))
  .split("\n")
  .map((q) => q.trim())
  .filter(Boolean);
console.log(`query\tnow\tgram files now\t${Object.keys(rules).join("\t")}`);
for (const query of queries) {
  const plan = planQuery(query);
  if (plan.kind === "empty") continue;
  counted = [];
  const index = (await new SiteIndex("/pagefind/").open()) as unknown as SiteIndex & {
    dataOf(id: number, terms: string[], at?: number): Promise<unknown>;
    manifest: { buckets: number };
  };
  const match = await matchPages(index, plan.terms, {});
  const gramFiles = counted.filter((f) => /^[gx]\//.test(f));
  const ids = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, 10);
  const before = counted.length;
  await Promise.all(ids.map((id) => index.dataOf(id, plan.terms, match.first.get(id))));
  const now = before + new Set(counted.slice(before)).size;
  if (now <= Number(values.over)) continue;
  const cells = [];
  for (const name of Object.keys(rules)) {
    // The gram files of the bigrams still needed (as fetched now), and a bucket per long gram.
    const files = new Set<string>();
    for (const term of plan.terms) {
      const { used, bigrams } =
        codePoints(term).length > L
          ? cover(term, kept[name])
          : { used: [], bigrams: new Set(gramsOfTerm(term).map((u: { key: number }) => u.key)) };
      for (const key of bigrams)
        for (const f of gramFiles)
          if (
            f === `g/${hashOf(key) % index.manifest.buckets}.gz` ||
            f.startsWith(`x/${key}-`) ||
            f === `x/${key}.gz`
          )
            files.add(f);
      for (const p of used) files.add(`long:${String.fromCodePoint(...codePoints(term).slice(p, p + L))}`);
    }
    cells.push(now - gramFiles.length + files.size);
  }
  const short = query.length > 30 ? `${query.slice(0, 20)}…(${query.length})` : query;
  console.log(`${short}\t${now}\t${gramFiles.length}\t${cells.join("\t")}`);
}
