/** Counts reads of stored records' `fields` (test/perf/fields-unread.test.ts, fields-kept.test.ts). */
import type { ContentRecord } from "../../src/content/types.ts";

/** Counts reads of each record's `fields` from now on, by its file. */
export function countFields(records: readonly ContentRecord[]): Map<string, number> {
  const reads = new Map<string, number>();
  for (const record of records) {
    const fields = record.fields;
    Object.defineProperty(record, "fields", {
      configurable: true,
      enumerable: true,
      get() {
        reads.set(record.file, (reads.get(record.file) ?? 0) + 1);
        return fields;
      },
    });
  }
  return reads;
}
