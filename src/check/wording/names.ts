/**
 * The names a site declares (leaders, organs with their short names, departments, places) and
 * how a near miss of one is recognised: one character different, two neighbours swapped, or a
 * homophone. Only the patterns below go into the automaton; a candidate is verified where it
 * was found, so the scan stays one pass whatever the number of names.
 *
 * Precision rules (false alarms kill such a check):
 * - names of two characters are matched exactly only: any near miss of 李强 is a common word;
 * - a homophone (same pinyin) or a look-alike (形近字, data/wording/similar/characters.tsv) fires
 *   for names of 3 or more characters, at any position;
 * - any other single different character fires for names of 5 or more characters, and only
 *   inside the name (not its first or last character: 白桦岭市人民政府 → 白桦岭市人民政协 is
 *   another body, 白桦岭市人民正府 is a typo);
 * - a swap of two neighbours fires for names of 3 or more characters;
 * - a candidate that is itself a declared name, or lies inside a string of `wording.allow`, is fine.
 */
import type { Site } from "../../config/schema.ts";
import type { Leader } from "../../config/wording.ts";
import { isHomophone } from "./homophones.ts";
import { isSimilarShape } from "./similar-shapes.ts";
import { NO_ORGAN_NAMES, type OrganNames } from "./organ-names.ts";

export type NameKind = "领导姓名" | "机构名称" | "地名";

export interface DeclaredName {
  text: string;
  kind: NameKind;
  /** Leader entries of this name (offices held), for the title and term checks. */
  leaders: Leader[];
  /** Where it is declared, when not in the site config: an organ file (content/organs/edu.md). */
  file?: string;
}

/** What the automaton reports for a pattern. */
export type NameAction =
  | { type: "exact"; name: DeclaredName }
  | { type: "swap"; name: DeclaredName }
  /** One half of the name (pigeonhole: one changed character leaves the other half intact). */
  | { type: "half"; name: DeclaredName; offset: number };

export function declaredNames(site: Site, organs: OrganNames = NO_ORGAN_NAMES): DeclaredName[] {
  const byText = new Map<string, DeclaredName>();
  const add = (text: string, kind: NameKind, leader?: Leader, file?: string) => {
    let entry = byText.get(text);
    if (!entry) byText.set(text, (entry = { text, kind, leaders: [], file }));
    if (leader) entry.leaders.push(leader);
  };
  for (const leader of site.wording.leaders) add(leader.name, "领导姓名", leader);
  for (const organ of site.wording.organs) for (const n of [organ.name, ...organ.short]) add(n, "机构名称");
  for (const dept of site.departments) add(dept.name, "机构名称");
  for (const n of [site.name, site.sponsor]) add(n, "机构名称");
  for (const place of site.wording.places) add(place, "地名");
  // After the config's: a name the config declares keeps its leader entries and its source.
  for (const name of organs.declared) add(name.text, name.kind, undefined, name.file);
  return [...byText.values()];
}

/** Every other name the site config knows (columns, periodicals, topics …): never a near miss. */
export function knownNames(site: Site, organs: OrganNames = NO_ORGAN_NAMES): string[] {
  const lists = [
    site.columns,
    site.departments,
    site.topics,
    site.categories,
    site.guideTypes,
    site.videoKinds,
    site.periodicals,
  ];
  return [...new Set([...lists.flatMap((list) => list.map((k) => k.name)), ...organs.known])];
}

export function namePatterns(names: readonly DeclaredName[]): [string, NameAction][] {
  const out: [string, NameAction][] = [];
  const declared = new Set(names.map((n) => n.text));
  for (const name of names) {
    const t = name.text;
    out.push([t, { type: "exact", name }]);
    if (t.length < 3) continue;
    for (let i = 0; i + 1 < t.length; i++) {
      if (t[i] === t[i + 1]) continue;
      const swapped = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
      if (!declared.has(swapped)) out.push([swapped, { type: "swap", name }]);
    }
    const half = Math.floor(t.length / 2);
    out.push([t.slice(0, half), { type: "half", name, offset: 0 }]);
    out.push([t.slice(half), { type: "half", name, offset: half }]);
  }
  return out;
}

export interface NearMiss {
  start: number;
  found: string;
  name: DeclaredName;
  reason: string;
}

/** Checks the text at `start` against `name` with one character changed; undefined when it is no near miss. */
export function substitution(
  text: string,
  start: number,
  name: DeclaredName,
  known: ReadonlySet<string>,
): NearMiss | undefined {
  const t = name.text;
  if (start < 0 || start + t.length > text.length || t.length < 3) return undefined;
  let at = -1;
  for (let i = 0; i < t.length; i++) {
    if (text.charCodeAt(start + i) === t.charCodeAt(i)) continue;
    if (at >= 0) return undefined;
    at = i;
  }
  if (at < 0) return undefined;
  const written = text[start + at];
  if (!/[\u3400-\u9fff]/.test(written)) return undefined;
  const found = text.slice(start, start + t.length);
  // Checked before the homophone test, which loads the pinyin dictionary on first use.
  if (known.has(found)) return undefined;
  if (isSimilarShape(written, t[at])) {
    return { start, found, name, reason: `“${written}”应为形近的“${t[at]}”` };
  }
  if (isHomophone(written, t[at])) {
    return { start, found, name, reason: `“${written}”应为同音的“${t[at]}”` };
  }
  if (t.length >= 5 && at > 0 && at < t.length - 1) {
    return { start, found, name, reason: `“${written}”应为“${t[at]}”` };
  }
  return undefined;
}

/** True when text[start, end) lies inside an occurrence of one of `strings` (declared names, allowed words). */
export function coveredBy(text: string, start: number, end: number, strings: readonly string[]): boolean {
  const piece = text.slice(start, end);
  for (const s of strings) {
    for (let k = s.indexOf(piece); k >= 0; k = s.indexOf(piece, k + 1)) {
      if (text.startsWith(s, start - k)) return true;
    }
  }
  return false;
}
