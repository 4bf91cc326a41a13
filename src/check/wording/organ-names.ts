/**
 * The names organ files declare (content/organs/<key>.md): the organ's full name and its current
 * leaders' names join the site config's declared names, so a near miss of 白桦岭市市场监督管理局
 * or of a 局长's name in any text is found like one of a config leader's (docs/wording.md).
 *
 * Why this needs care: a department of site config without an organ file has only its short name
 * (市财政局); its full name (白桦岭市财政局) would look like a one-character miss of a declared
 * 白桦岭市民政局. So the full names of those departments are inferred the way the organ files write
 * theirs (the prefix a full name adds to its department's name: 白桦岭 + 市民政局) and made known
 * names, which are never taken for a near miss. Former leaders' names are known names too: a text
 * about them is not a miss of a current leader's name.
 */
import type { Site } from "../../config/schema.ts";
import type { ContentRecord, RecordOf } from "../../content/types.ts";

export interface OrganName {
  text: string;
  kind: "机构名称" | "领导姓名";
  /** The file that declares it, for the message. */
  file: string;
}

export interface OrganNames {
  declared: OrganName[];
  known: string[];
}

export const NO_ORGAN_NAMES: OrganNames = { declared: [], known: [] };

const keyOf = (record: { id: string }) => record.id.slice(record.id.indexOf("/") + 1);

export function organNames(site: Site, records: readonly ContentRecord[]): OrganNames {
  const departments = new Map(site.departments.map((d) => [d.key, d.name]));
  const organs = records.filter(
    (r): r is RecordOf<"organ"> => r.type === "organ" && departments.has(keyOf(r)),
  );
  if (!organs.length) return NO_ORGAN_NAMES;
  const declared: OrganName[] = [];
  const known = new Set<string>();
  const prefixes = new Set<string>();
  const withFile = new Set<string>();
  for (const organ of organs) {
    const short = departments.get(keyOf(organ))!;
    const full = organ.fields.title;
    withFile.add(keyOf(organ));
    declared.push({ text: full, kind: "机构名称", file: organ.file });
    if (full.length > short.length && full.endsWith(short)) prefixes.add(full.slice(0, -short.length));
    for (const leader of organ.fields.leaders)
      if (leader.to === undefined) declared.push({ text: leader.name, kind: "领导姓名", file: organ.file });
      else known.add(leader.name);
  }
  for (const [key, name] of departments)
    if (!withFile.has(key)) for (const prefix of prefixes) known.add(prefix + name);
  return { declared, known: [...known].sort() };
}

/** A key that changes exactly when the names do (the matcher is rebuilt then, not per build). */
export const organNamesKey = (names: OrganNames): string =>
  JSON.stringify([names.declared.map((n) => [n.text, n.kind, n.file]), names.known]);
