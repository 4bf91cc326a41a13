/**
 * Each organ's 政府信息公开工作年度报告 files: content/reports/<organ>/<year>.md, the same shape as
 * the site's content/reports/<year>.md (text of sections 一 to 六, tables 二 to 四). The site's are
 * `portal.reports`; an organ's are found here by their path, for organs with a file only.
 */
import type { RecordOf } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import { organsOf } from "./platform.ts";

export type ReportRecord = RecordOf<"report">;

/** The organ key and file name of an organ's report (`report/edu/2025` → edu, "2025"); undefined for the site's. */
export function organReportPath(record: { id: string }): { organ: string; name: string } | undefined {
  const path = record.id.split("/");
  return path.length === 3 ? { organ: path[1], name: path[2] } : undefined;
}

export const isYearName = (name: string) => /^\d{4}$/.test(name);

const cache = new WeakMap<Portal, Map<string, Map<number, ReportRecord>>>();

/** Organ key → year → its published report file (files of unknown organs or names are left to the checks). */
export function organReportFiles(portal: Portal): Map<string, Map<number, ReportRecord>> {
  let files = cache.get(portal);
  if (files) return files;
  const organs = organsOf(portal).byKey;
  files = new Map();
  for (const record of portal.byType.report) {
    const at = organReportPath(record);
    if (!at || !organs.has(at.organ) || !isYearName(at.name)) continue;
    let byYear = files.get(at.organ);
    if (!byYear) files.set(at.organ, (byYear = new Map<number, ReportRecord>()));
    byYear.set(Number(at.name), record);
  }
  cache.set(portal, files);
  return files;
}
