/**
 * 索引号 and 发文字号 must be unique across the site (case and full-width forms aside). Each value
 * is first made comparable (format characters removed, NFKC, no white space, upper case), then the
 * keys are compared in the records' order. The build cache keeps the last build's verdict
 * (src/build/cache/policy-keys-kept.ts): after edits in place that leave both values of every
 * edited policy as they were, and when the last build found no two equal, nothing is compared.
 */
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { RecordOf } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { comparable } from "../content/text-safety.ts";

type PolicyRecord = RecordOf<"policy">;

/** The two unique fields, in the order their problems are reported. */
const FIELDS = [
  { field: "index_no", label: "索引号" },
  { field: "doc_no", label: "发文字号" },
] as const;

/**
 * What the build cache kept: whether the last build found each field's keys unique (in FIELDS'
 * order), and the policies read again since as [before, after] records; undefined when none may
 * be taken (then this build's records are not that build's but for these). `made` is told this
 * build's verdicts for `policies`.
 */
export interface PolicyKeysMemo {
  kept(
    policies: readonly PolicyRecord[],
  ): { unique: readonly boolean[]; edited: readonly (readonly [PolicyRecord, PolicyRecord])[] } | undefined;
  made(policies: readonly PolicyRecord[], unique: readonly boolean[]): void;
}

/** By the site config the build was given: one build's memo. */
const memos = new WeakMap<Site, PolicyKeysMemo>();
export const rememberPolicyKeys = (site: Site, memo: PolicyKeysMemo): void => void memos.set(site, memo);

/** How many times this process took the kept keys (tests). */
let taken = 0;
export const policyKeysTaken = (): number => taken;

/** What a value is compared as: Ｘ, x and X are one 索引号; invisible format characters (U+200B …) do not count. */
const keyOf = (value: string | undefined): string | null =>
  value === undefined ? null : comparable(value).normalize("NFKC").replace(/\s+/g, "").toUpperCase();

/** The problems of one field: each record whose key an earlier record has, naming the first. */
function duplicates(
  records: readonly PolicyRecord[],
  keys: readonly (string | null)[],
  field: (typeof FIELDS)[number]["field"],
  label: string,
): Problem[] {
  const seen = new Map<string, PolicyRecord>();
  const problems: Problem[] = [];
  for (let i = 0; i < records.length; i++) {
    const key = keys[i];
    if (key === null) continue;
    const record = records[i];
    const first = seen.get(key);
    if (first) {
      const v = record.fields[field]!;
      const same = first.fields[field] === v ? "" : `（“${first.fields[field]}”，仅大小写或全角半角不同）`;
      problems.push({
        severity: "error",
        file: record.file,
        line: lineOfRecordPath(record, [field]),
        field: `${field}（${label}）`,
        message: `${label}“${v}”与 ${first.file} 重复${same}；${label}必须全站唯一`,
      });
    } else seen.set(key, record);
  }
  return problems;
}

/** The problems of the two unique fields, 索引号's first, each in the records' order. */
export function uniqueKeyProblems(site: Site | undefined, policies: readonly PolicyRecord[]): Problem[] {
  const memo = site && memos.get(site);
  const kept = memo?.kept(policies);
  if (kept) taken++;
  const problems = FIELDS.map(({ field, label }, f) =>
    // The records are the last build's but for the edited ones, whose values are as they were:
    // the same keys as a build that found no two equal, so none are now.
    kept?.unique[f] && kept.edited.every(([before, after]) => before.fields[field] === after.fields[field])
      ? []
      : duplicates(
          policies,
          policies.map((p) => keyOf(p.fields[field])),
          field,
          label,
        ),
  );
  memo?.made(
    policies,
    problems.map((found) => found.length === 0),
  );
  return problems.flat();
}
