/**
 * Checks of each valid record against the rest of the project: the media files its fields name
 * exist, and no placeholder from `npm run new` is left. In a draft these are warnings (nothing of
 * it is published yet); anywhere else they stop the build.
 */
import type { Site } from "../config/schema.ts";
import type { Problem, Severity } from "../content/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { isPlaceholder } from "../content/placeholders.ts";
import { missingMedia, type MediaIndex } from "./media-index.ts";
import { fieldName, lineOfRecordPath, stringsOf } from "./locate.ts";

export const severityFor = (record: ContentRecord): Severity => (record.fields.draft ? "warning" : "error");

export function recordChecks(site: Site, records: readonly ContentRecord[], media: MediaIndex): Problem[] {
  const problems: Problem[] = [];
  for (const record of records) {
    const severity = severityFor(record);
    for (const [path, value] of stringsOf(record.fields)) {
      const at = () => ({ severity, file: record.file, line: lineOfRecordPath(record, path), field: fieldName(site, record, path) });
      if (isPlaceholder(value)) {
        problems.push({ ...at(), message: `仍是占位内容“${value}”，请填写实际内容${record.fields.draft ? "（发布前必须修改）" : ""}` });
        continue;
      }
      if (value.startsWith("/media/")) {
        const missing = missingMedia(media, value.split(/[?#]/)[0]);
        if (missing) problems.push({ ...at(), message: missing });
      }
    }
  }
  return problems;
}
