/**
 * A declared leader named with a title they do not hold (市长李四 where 李四 is 副市长), or in an
 * item published after their last term ended without 原/前/时任 — warnings: the text may be right
 * and the configuration out of date, but an editor should look.
 */
import { DateTime } from "luxon";
import type { Site } from "../../config/schema.ts";
import type { Leader } from "../../config/wording.ts";
import type { DeclaredName } from "./names.ts";

const titlesOf = (l: Leader): string[] => (Array.isArray(l.title) ? l.title : [l.title]);

/** Every declared title, longest first, so 副市长 wins over 市长. */
export function allTitles(site: Site): string[] {
  const set = new Set(site.wording.leaders.flatMap(titlesOf));
  return [...set].sort((a, b) => b.length - a.length);
}

const FORMER = /(原|前|时任|历任|曾任)$/;

export function leaderWarnings(
  site: Site,
  titles: readonly string[],
  text: string,
  start: number,
  name: DeclaredName,
  publishedAt: number,
): { at: number; found: string; message: string }[] {
  const end = start + name.text.length;
  const held = new Set(name.leaders.flatMap(titlesOf));
  // The longest title written next to the name decides: 副市长 is not 市长, 常务副市长 may be held.
  const candidates = [...new Set([...held, ...titles])].sort((a, b) => b.length - a.length);
  const written = (t: string | undefined) => (t && !held.has(t) ? t : undefined);
  const before = written(candidates.find((t) => text.endsWith(t, start)));
  const after = written(candidates.find((t) => text.startsWith(t, end)));
  const out: { at: number; found: string; message: string }[] = [];
  const heldText = [...held].join("、");
  for (const [title, at] of [
    [before, before ? start - before.length : -1],
    [after, start],
  ] as const) {
    if (!title) continue;
    const found = at < start ? title + name.text : name.text + title;
    out.push({
      at,
      found,
      message: `“${found}”：站点配置中“${name.text}”的职务是“${heldText}”，不是“${title}”；请核对姓名和职务（站点配置 wording.leaders）`,
    });
  }
  if (publishedAt > 0 && name.leaders.every((l) => l.to !== undefined)) {
    const zone = site.timeZone;
    const lastDay = name.leaders
      .map((l) => l.to!)
      .sort()
      .at(-1)!;
    const ended = DateTime.fromISO(lastDay, { zone }).plus({ days: 1 }).toMillis();
    const titled = candidates.find((t) => text.endsWith(t, start))?.length ?? 0;
    const prefix = text.slice(Math.max(0, start - titled - 2), start - titled);
    if (publishedAt >= ended && !FORMER.test(prefix)) {
      const day = DateTime.fromMillis(publishedAt, { zone }).toFormat("yyyy-MM-dd");
      out.push({
        at: start,
        found: name.text,
        message: `“${name.text}”（${heldText}）的任期已于 ${lastDay} 结束，本文发布于 ${day}；如指原任领导请写明“原${[...held][0]}”“时任”等，否则请核对（站点配置 wording.leaders）`,
      });
    }
  }
  return out;
}
