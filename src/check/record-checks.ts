/**
 * Checks of each valid record against the rest of the project: the media files its fields name
 * exist, and no placeholder from `npm run new` is left. In a draft these are warnings (nothing of
 * it is published yet); anywhere else they stop the build.
 */
import type { Site } from "../config/schema.ts";
import type { Problem, Severity } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { isPlaceholder, PLACEHOLDER, placeholderInBody } from "../content/placeholders.ts";
import { missingMedia, type MediaIndex } from "./media-index.ts";
import { fieldName } from "./locate.ts";
import { notableStrings } from "./notable-strings.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { isDraft } from "../content/kept-flags.ts";

export const severityFor = (record: ContentRecord): Severity => (isDraft(record) ? "warning" : "error");

/** A publish date this far after the build's clock is more likely a mistyped year than a plan. */
const FAR_FUTURE_MS = 366 * 24 * 3600 * 1000;

function locationOf(
  site: Site,
  types: readonly AnyTypeSpec[],
  record: ContentRecord,
  severity: Severity,
  path: PropertyKey[],
) {
  return {
    severity,
    file: record.file,
    line: lineOfRecordPath(record, path),
    field: fieldName(site, types, record, path),
  };
}

export function recordChecks(
  site: Site,
  types: readonly AnyTypeSpec[],
  records: readonly ContentRecord[],
  media: MediaIndex,
  now: number,
): Problem[] {
  const problems: Problem[] = [];
  for (const record of records) {
    if (record.publishedAt > now + FAR_FUTURE_MS) {
      problems.push({
        severity: "warning",
        file: record.file,
        line: lineOfRecordPath(record, ["date"]),
        field: fieldName(site, types, record, ["date"]),
        message: `发布时间 ${record.dateText} 在一年以后，此内容到那时才会发布；如果是年份写错，请改正`,
      });
    }
    for (const [path, value] of notableStrings(record)) {
      // No closure per string for the location (a named closure costs a defineProperty under keepNames).
      if (isPlaceholder(value)) {
        problems.push({
          ...locationOf(site, types, record, severityFor(record), path),
          message: `仍是占位内容“${value}”，请填写实际内容${isDraft(record) ? "（发布前必须修改）" : ""}`,
        });
        continue;
      }
      if (value.startsWith("/media/")) {
        const missing = missingMedia(media, value.split(/[?#]/)[0]);
        if (missing)
          problems.push({ ...locationOf(site, types, record, severityFor(record), path), message: missing });
      }
    }
    const inBody = placeholderInBody(record);
    if (inBody >= 0) {
      const line = record.bodyLine + record.body.slice(0, inBody).split("\n").length - 1;
      problems.push({
        severity: severityFor(record),
        file: record.file,
        line,
        field: "正文",
        message: `正文中仍有占位内容“${PLACEHOLDER}”，请填写实际内容${isDraft(record) ? "（发布前必须修改）" : ""}`,
      });
    }
  }
  return problems;
}
