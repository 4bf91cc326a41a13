/** The 索引号 `npm run new policy` proposes. */
import type { Site } from "../config/schema.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";

/** The next 索引号: the prefix most used, this year, the serial after the highest; else one matching the pattern. */
export function nextIndexNo(site: Site, year: number, used: readonly string[]): string {
  const pattern = new RegExp(site.indexNoPattern);
  const prefixes = new Map<string, number>();
  const serials = new Map<string, number>();
  for (const indexNo of used) {
    const m = indexNo.match(/^(.+)\/(\d{4})-(\d+)$/);
    if (!m) continue;
    prefixes.set(m[1], (prefixes.get(m[1]) ?? 0) + 1);
    if (Number(m[2]) === year) serials.set(m[1], Math.max(serials.get(m[1]) ?? 0, Number(m[3])));
  }
  const prefix = [...prefixes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const serial = prefix === undefined ? 0 : (serials.get(prefix) ?? 0);
  const candidates = prefix ? [prefix] : Array.from({ length: 18 }, (_, i) => "0".repeat(18 - i));
  const next = String(serial + 1).padStart(5, "0");
  return candidates.map((p) => `${p}/${year}-${next}`).find((c) => pattern.test(c)) ?? `${TODO}索引号`;
}
