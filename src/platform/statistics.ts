/**
 * 站群统计: the sites' tallies added up, read from each site's /open-data/tallies.json (so the
 * merge job needs the built folders only). Every figure links to where it comes from: a site's
 * statistics page, and for the rows of the statistics table, each site's list of exactly the
 * items it counted (its audit page). A shared item is counted by every site that publishes it,
 * as each site's own statistics count it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { html, type Html } from "../html/html.ts";
import type { Platform } from "./config.ts";
import { platformPage } from "./page.ts";

interface Counts {
  all: number;
  types: Record<string, number>;
}
interface Row {
  key: string;
  section: string;
  label: string;
  unit: string | null;
  value: number | string | null;
  computed: boolean;
  items: string | null;
}
interface SiteTallies {
  site: { name: string; url: string };
  labels: { types: Record<string, string> };
  total: Counts;
  years: { year: number; statisticsPage: string; counts: Counts; statistics: Row[] }[];
}

interface Loaded {
  key: string;
  data: SiteTallies;
}

function readTallies(platform: Platform, outDir: string): Loaded[] {
  return platform.sites.map((s) => {
    const file = path.join(outDir, s.key, "open-data", "tallies.json");
    if (!existsSync(file)) throw new Error(`站点“${s.key}”的生成结果中没有 open-data/tallies.json：${file}`);
    return { key: s.key, data: JSON.parse(readFileSync(file, "utf8")) as SiteTallies };
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function countsTable(
  sites: Loaded[],
  types: [string, string][],
  counts: (s: Loaded) => Counts | undefined,
  link: (s: Loaded) => string,
): Html {
  const rows = sites.map((s) => ({ s, c: counts(s) }));
  const total = (type?: string) =>
    sum(rows.map(({ c }) => (type === undefined ? c?.all : c?.types[type]) ?? 0));
  return html`<table>
<thead><tr><th>站点</th>${types.map(([, label]) => html`<th>${label}</th>`)}<th>合计</th></tr></thead>
<tbody>${rows.map(
    ({ s, c }) => html`
<tr><td><a href="${link(s)}">${s.data.site.name}</a></td>${types.map(([t]) => html`<td>${c?.types[t] ?? 0}</td>`)}<td>${c?.all ?? 0}</td></tr>`,
  )}
</tbody>
<tfoot><tr><td>站群合计</td>${types.map(([t]) => html`<td>${total(t)}</td>`)}<td>${total()}</td></tr></tfoot>
</table>`;
}

/** Rows of the statistics table that the sites compute alike (same key), summed, with each site's audit link. */
function statisticsRows(sites: Loaded[], year: number): Html {
  const byKey = new Map<string, { row: Row; parts: { s: Loaded; row: Row }[] }>();
  for (const s of sites) {
    const y = s.data.years.find((entry) => entry.year === year);
    for (const row of y?.statistics ?? []) {
      if (!row.computed || typeof row.value !== "number") continue;
      const id = `${row.section}\0${row.key}`;
      if (!byKey.has(id)) byKey.set(id, { row, parts: [] });
      byKey.get(id)!.parts.push({ s, row });
    }
  }
  if (!byKey.size) return html``;
  return html`<table class="platform-statistics-rows">
<thead><tr><th>统计项</th><th>站群合计</th><th>各站点（点击查看所统计的信息）</th></tr></thead>
<tbody>${[...byKey.values()].map(
    ({ row, parts }) => html`
<tr><td>${row.section} · ${row.label}${row.unit ? `（${row.unit}）` : ""}</td><td>${sum(parts.map((p) => p.row.value as number))}</td><td>${parts.map((p, i) => html`${i ? "；" : ""}${p.row.items ? html`<a href="${p.row.items}">${p.s.data.site.name} ${String(p.row.value)}</a>` : html`${p.s.data.site.name} ${String(p.row.value)}`}`)}</td></tr>`,
  )}
</tbody>
</table>`;
}

export function writePlatformStatistics(platform: Platform, outDir: string, dir: string): void {
  const sites = readTallies(platform, outDir);
  const types = new Map<string, string>();
  for (const s of sites)
    for (const [t, label] of Object.entries(s.data.labels.types)) if (!types.has(t)) types.set(t, label);
  const typeList = [...types];
  const years = [...new Set(sites.flatMap((s) => s.data.years.map((y) => y.year)))].sort((a, b) => b - a);
  const main = html`<p>各站点发布信息数的合计（共享信息在每个发布它的站点各计一次，与各站点自己的统计一致）。</p>
<h2>全部年份</h2>
${countsTable(
  sites,
  typeList,
  (s) => s.data.total,
  (s) => `${s.data.site.url}statistics/`,
)}
${years.map(
  (year) => html`<h2 id="y${year}">${year} 年</h2>
${countsTable(
  sites,
  typeList,
  (s) => s.data.years.find((y) => y.year === year)?.counts,
  (s) => s.data.years.find((y) => y.year === year)?.statisticsPage ?? `${s.data.site.url}statistics/`,
)}
${statisticsRows(sites, year)}`,
)}
<p><a href="../open-data/tallies.json">开放数据（JSON）</a></p>`;
  mkdirSync(path.join(dir, "statistics"), { recursive: true });
  writeFileSync(path.join(dir, "statistics", "index.html"), platformPage(platform, "站群统计", main));
  const data = {
    version: 1,
    platform: platform.name,
    sites: sites.map((s) => ({
      key: s.key,
      name: s.data.site.name,
      url: s.data.site.url,
      tallies: `${s.data.site.url}open-data/tallies.json`,
    })),
    total: {
      all: sum(sites.map((s) => s.data.total.all)),
      types: Object.fromEntries(
        typeList.map(([t]) => [t, sum(sites.map((s) => s.data.total.types[t] ?? 0))]),
      ),
    },
    years: years.map((year) => {
      const of = (s: Loaded) => s.data.years.find((y) => y.year === year)?.counts;
      return {
        year,
        all: sum(sites.map((s) => of(s)?.all ?? 0)),
        bySite: Object.fromEntries(sites.map((s) => [s.key, of(s)?.all ?? 0])),
      };
    }),
  };
  mkdirSync(path.join(dir, "open-data"), { recursive: true });
  writeFileSync(path.join(dir, "open-data", "tallies.json"), `${JSON.stringify(data, null, 2)}\n`);
}
