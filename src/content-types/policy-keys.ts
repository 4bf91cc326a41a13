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

/** One field's keys by place (null: the field is not given) and whether no two were equal. */
export interface FieldKeys {
  keys: (string | null)[];
  unique: boolean;
}

/** Both fields' keys, in FIELDS' order. */
export type PolicyKeys = readonly [FieldKeys, FieldKeys];

/**
 * What the build cache kept: the last build's keys for `policies` by place, and the places of the
 * policies that may differ from that build's (the files read again); undefined when none may be
 * taken. `made` is told the keys made for `policies`.
 */
export interface PolicyKeysMemo {
  kept(policies: readonly PolicyRecord[]): { keys: PolicyKeys; edited: readonly number[] } | undefined;
  made(policies: readonly PolicyRecord[], keys: PolicyKeys): void;
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
 * This build's keys: the kept ones with the edited places made again, or all made. `changed`: may
 * a field's keys differ from the kept ones (then they are compared again)?
 */
function keysOf(
  policies: readonly PolicyRecord[],
  memo: PolicyKeysMemo | undefined,
): { keys: (string | null)[][]; changed: boolean[]; kept?: PolicyKeys } {
  const kept = memo?.kept(policies);
  if (!kept) {
    const made = FIELDS.map(({ field }) => policies.map((p) => keyOf(p.fields[field])));
    return { keys: made, changed: [true, true] };
  }
  taken++;
  const changed = [false, false];
  const keys = FIELDS.map(({ field }, f) => {
    const own = kept.keys[f].keys.slice();
    for (const place of kept.edited) {
      const key = keyOf(policies[place].fields[field]);
      if (key !== own[place]) changed[f] = true;
      own[place] = key;
    }
    return own;
  });
  return { keys, changed, kept: kept.keys };
}

/** The problems of the two unique fields, 索引号's first, each in the records' order. */
export function uniqueKeyProblems(site: Site | undefined, policies: readonly PolicyRecord[]): Problem[] {
  const memo = site && memos.get(site);
  const { keys, changed, kept } = keysOf(policies, memo);
  const problems: Problem[][] = FIELDS.map(({ field, label }, f) =>
    // The same keys as a build that found no two equal: none are now.
    !changed[f] && kept?.[f].unique ? [] : duplicates(policies, keys[f], field, label),
  );
  memo?.made(policies, [
    { keys: keys[0], unique: problems[0].length === 0 },
    { keys: keys[1], unique: problems[1].length === 0 },
  ]);
  return problems.flat();
}
