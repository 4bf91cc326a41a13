/**
 * The letters' deadlines for `npm run inspect` (src/check/deadlines.ts): each letter without a
 * reply fails the build `interaction.letterDeadlines.errorDays` after receipt (the check stops it,
 * src/check/letter-deadlines.ts) and fails the inspection 3 months after receipt (互动回应差).
 */
import { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";
import { overdueLetter, type RecordDeadline } from "./deadlines.ts";

export function letterInspectionDeadlines(portal: Portal): RecordDeadline[] {
  const zone = portal.site.timeZone;
  const { errorDays } = portal.site.interaction.letterDeadlines;
  return portal.byType.letter
    .filter((r) => r.fields.replied === undefined)
    .flatMap((r) => {
      const letter = { file: r.file, title: r.fields.title, receivedAt: r.fields.received };
      const stops = DateTime.fromMillis(r.fields.received, { zone }).plus({ days: errorDays });
      return [
        {
          name: letter.title,
          kind: "留言答复",
          file: letter.file,
          day: stops.toFormat("yyyy-MM-dd"),
          reason: `留言“${letter.title}”超过 ${errorDays} 天未答复，网站生成将失败（站点配置 interaction.letterDeadlines.errorDays）`,
          veto: false,
        },
        overdueLetter(zone, letter),
      ];
    });
}
