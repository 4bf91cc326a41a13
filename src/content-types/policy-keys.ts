/**
 * 索引号 and 发文字号 must be unique across the site (case and full-width forms aside). Each value
 * is first made comparable (format characters removed, NFKC, no white space, upper case), then the
 * keys are compared in the records' order. The build cache keeps the keys by the policies' places
 * (src/build/cache/policy-keys-kept.ts): after an edit in place only the edited policies' keys are
 * made again, and when none changed and the last build found them unique nothing is compared.
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

/** Keys by place (null: the field is not given). */
export type Keys = (string | null)[];

/** One field as the build cache kept it: its verdict, and its keys decoded only when asked. */
export interface KeptField {
  unique: boolean;
  keys(): Keys;
}

/** One field as this build made it: `keys` undefined when they are the kept ones, unchanged. */
export interface MadeField {
  keys: Keys | undefined;
  unique: boolean;
}

/**
 * What the build cache kept: the last build's keys for `policies` by place (both fields, in
 * FIELDS' order), and the places of the policies that may differ from that build's (the files
 * read again); undefined when none may be taken. `made` is told the keys made for `policies`.
 */
export interface PolicyKeysMemo {
  kept(
    policies: readonly PolicyRecord[],
  ): { fields: readonly KeptField[]; edited: readonly number[] } | undefined;
  made(policies: readonly PolicyRecord[], fields: readonly MadeField[]): void;
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

/**
 * One field's problems and keys: the kept keys with the edited places made again, or all made.
 * Kept keys that did not change and were unique are neither decoded nor compared.
 */
function fieldProblems(
  policies: readonly PolicyRecord[],
  { field, label }: (typeof FIELDS)[number],
  kept: KeptField | undefined,
  edited: readonly number[],
): { problems: Problem[]; made: MadeField } {
  let keys: Keys | undefined;
  let changed = false;
  if (!kept) {
    keys = policies.map((p) => keyOf(p.fields[field]));
    changed = true;
  } else if (edited.length) {
    const own = kept.keys();
    for (const place of edited) {
      const key = keyOf(policies[place].fields[field]);
      if (key !== own[place]) changed = true;
      own[place] = key;
    }
    if (changed) keys = own;
  }
  // The same keys as a build that found no two equal: none are now.
  if (!changed && kept?.unique) return { problems: [], made: { keys: undefined, unique: true } };
  const problems = duplicates(policies, keys ?? kept!.keys(), field, label);
  return { problems, made: { keys: changed ? keys : undefined, unique: problems.length === 0 } };
}

/** The problems of the two unique fields, 索引号's first, each in the records' order. */
export function uniqueKeyProblems(site: Site | undefined, policies: readonly PolicyRecord[]): Problem[] {
  const memo = site && memos.get(site);
  const kept = memo?.kept(policies);
  if (kept) taken++;
  const results = FIELDS.map((field, f) =>
    fieldProblems(policies, field, kept?.fields[f], kept?.edited ?? []),
  );
  memo?.made(
    policies,
    results.map((r) => r.made),
  );
  return results.flatMap((r) => r.problems);
}
