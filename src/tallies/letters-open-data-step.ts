/**
 * Open data of 留言办理: /open-data/letters.json, every year's figures by month, 类型 and 受理单位
 * with the address of the letters behind each count (shape in docs/open-data.md; bump `version`
 * on any incompatible change). Same input, same bytes: no timestamps.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildStep } from "../build/steps.ts";
import type { Portal } from "../portal/portal.ts";
import { absoluteUrl } from "../portal/urls.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { activeDepartments, auditCell, figuresOf, letterTallies, type LetterScope } from "./letters.ts";

export const LETTERS_OPEN_DATA_VERSION = 1;

export function lettersJson(portal: Portal): string {
  const { site } = portal;
  const tallies = letterTallies(portal);
  const row = (year: number, s: LetterScope) => {
    const f = figuresOf(s, site.timeZone);
    return {
      key: s.id,
      label: s.label,
      received: f.received,
      answered: f.answered,
      averageReplyDays: f.averageDays ?? null,
      longestReplyDays: f.longestDays ?? null,
      receivedItems: absoluteUrl(site, interactionUrls.letterAudit(year, auditCell(s, "received"))),
      answeredItems: absoluteUrl(site, interactionUrls.letterAudit(year, auditCell(s, "answered"))),
    };
  };
  const data = {
    version: LETTERS_OPEN_DATA_VERSION,
    site: { name: site.name, url: absoluteUrl(site, "/") },
    replyDays: "受理日期到答复日期的自然日天数",
    years: tallies.years.map((year) => {
      const y = tallies.byYear.get(year)!;
      return {
        year,
        page: absoluteUrl(site, interactionUrls.letterStatistics(year)),
        total: row(year, y.total),
        months: y.months.map((s) => row(year, s)),
        kinds: y.kinds.map((s) => row(year, s)),
        departments: activeDepartments(y).map((s) => row(year, s)),
      };
    }),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const lettersOpenDataStep: BuildStep = {
  name: "letters open data",
  outputs: () => [interactionUrls.lettersJson],
  run(state, outDir) {
    const file = path.join(outDir, interactionUrls.lettersJson);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, lettersJson(state.portal));
  },
};
