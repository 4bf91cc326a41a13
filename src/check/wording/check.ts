/**
 * 错敏词 and 规范表述 (issue 16): every record's body and text fields through one WordingMatcher,
 * reported with file, line and column, the text found and the expected form. A wrong expression
 * or a near miss of a declared name is an error (a warning in a draft); title, term and
 * typography findings are warnings unless the config raises typography. A file may suppress a
 * finding with `wording_ignore: [{ text, reason }]`; a suppression that matches nothing is itself
 * reported, so stale ones do not pile up.
 */
import type { Site } from "../../config/schema.ts";
import type { Problem, Severity } from "../../problems/problems.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import { fieldName } from "../locate.ts";
import { severityFor } from "../record-checks.ts";
import { WordingMatcher, type Finding } from "./matcher.ts";
import { coveredBy } from "./names.ts";
import { fieldPosition } from "./position.ts";
import { organNames, organNamesKey, type OrganNames } from "./organ-names.ts";
import { cleanUnder, markCleanAfter, matcherSignature } from "./clean-records.ts";

/** Fields that hold no prose: the sign-off record, suppressions, and paths or addresses. */
const SKIPPED = new Set(["review", "wording_ignore", "archive_import"]);

/**
 * Not a path or an address, and some Chinese: the same test as `^(\/|https?:\/\/)` and
 * `[\u3400-\u9fff]`, by code unit, so a first run does not enter two regular expressions for each
 * of a record's strings.
 */
function isProse(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first === 47) return false;
  if (first === 104 && (value.startsWith("http://") || value.startsWith("https://"))) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}

/**
 * Every prose string of a record's fields, in the order written, and with `paths` each one's path.
 * Most records have no finding: their paths, an array per string, are made only for those that do.
 */
function proseFields(fields: object, paths?: PropertyKey[][]): string[] {
  const texts: string[] = [];
  for (const key in fields)
    if (!SKIPPED.has(key)) walkProse((fields as Record<string, unknown>)[key], [key], texts, paths);
  return texts;
}

function walkProse(value: unknown, path: PropertyKey[], texts: string[], paths?: PropertyKey[][]): void {
  if (typeof value === "string") {
    if (isProse(value)) {
      texts.push(value);
      paths?.push(path);
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkProse(value[i], paths ? [...path, i] : path, texts, paths);
  } else if (value && typeof value === "object") {
    for (const key in value)
      walkProse((value as Record<string, unknown>)[key], paths ? [...path, key] : path, texts, paths);
  }
}

/**
 * The record's text fields as one text, "\n\n" apart (a paragraph break: no pair or name spans
 * it), so a record costs one scan; `starts` maps a finding back to its field.
 */
function joinFields(texts: string[], starts: number[]): string {
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    starts.push(at);
    at += texts[i].length + 2;
  }
  // One flat string (`join`), not a chain of concatenations the scan's first read flattens again.
  texts.push("");
  const joined = texts.join("\n\n");
  texts.pop();
  return joined;
}

// One matcher per site and set of organ names: rebuilt when an organ file changes a name, not per build.
const matchers = new WeakMap<Site, { key: string; matcher: WordingMatcher }>();

export function wordingMatcher(site: Site, organs?: OrganNames): WordingMatcher {
  const key = organs ? organNamesKey(organs) : "";
  let entry = matchers.get(site);
  if (entry?.key !== key) matchers.set(site, (entry = { key, matcher: new WordingMatcher(site, organs) }));
  return entry.matcher;
}

function severityOf(site: Site, record: ContentRecord, finding: Finding): Severity {
  const wanted =
    finding.kind === "leader" ? "warning" : finding.kind === "typography" ? site.wording.typography : "error";
  return wanted === "error" ? severityFor(record) : "warning";
}

type Ignore = { text: string; reason: string };

export function wordingProblems(
  site: Site,
  types: readonly AnyTypeSpec[],
  records: readonly ContentRecord[],
): Problem[] {
  const organs = organNames(site, records);
  const matcher = wordingMatcher(site, organs);
  // Records kept by the build cache's record store that this matcher found clean before (clean-records.ts).
  const signature = matcherSignature(organNamesKey(organs));
  const problems: Problem[] = [...matcher.problems];
  for (const record of records) {
    const before = cleanUnder(record);
    if (before === signature) continue;
    const ignores = (record.fields as { wording_ignore?: Ignore[] }).wording_ignore ?? [];
    const texts = proseFields(record.fields);
    const starts: number[] = [];
    const inFields = texts.length ? matcher.findings(joinFields(texts, starts), record.publishedAt) : [];
    const inBody = matcher.findings(record.body, record.publishedAt);
    if (inFields.length || inBody.length || ignores.length) {
      const paths: PropertyKey[][] = [];
      proseFields(record.fields, paths);
      reportRecord(site, types, record, { texts, paths, starts, inFields, inBody, ignores }, problems);
    } else markCleanAfter(record, signature, before);
  }
  return problems;
}

interface RecordFindings {
  /** The prose strings of the fields and, at the same index, each one's path. */
  texts: string[];
  paths: PropertyKey[][];
  starts: number[];
  inFields: Finding[];
  inBody: Finding[];
  ignores: Ignore[];
}

/** Positions, severities and suppressions of one record's findings (rare: only records with some). */
function reportRecord(
  site: Site,
  types: readonly AnyTypeSpec[],
  record: ContentRecord,
  found: RecordFindings,
  problems: Problem[],
): void {
  const { texts, paths, starts, ignores } = found;
  const used = new Set<number>();
  const report = (text: string, f: Finding, where: () => Partial<Problem>) => {
    const end = f.start + f.found.length;
    const ignored = ignores.findIndex((i) => i.text === f.found || coveredBy(text, f.start, end, [i.text]));
    if (ignored >= 0) used.add(ignored);
    else
      problems.push({
        severity: severityOf(site, record, f),
        file: record.file,
        ...where(),
        message: f.message,
      });
  };
  for (const f of found.inFields) {
    let k = starts.length - 1;
    while (starts[k] > f.start) k--;
    const path = paths[k];
    const value = texts[k];
    const local = { ...f, start: f.start - starts[k] };
    report(value, local, () => ({
      ...fieldPosition(record, path, value, local.start),
      field: fieldName(site, types, record, path),
    }));
  }
  for (const f of found.inBody) {
    report(record.body, f, () => {
      const before = record.body.slice(0, f.start);
      const lineStart = before.lastIndexOf("\n") + 1;
      return {
        line: record.bodyLine + before.split("\n").length - 1,
        column: f.start - lineStart + 1,
        field: "正文",
      };
    });
  }
  ignores.forEach((i, index) => {
    if (used.has(index)) return;
    problems.push({
      severity: "warning",
      file: record.file,
      field: `wording_ignore[${index}]`,
      message: `忽略项“${i.text}”在本文件中没有对应的用语提示，可以删除`,
    });
  });
}
