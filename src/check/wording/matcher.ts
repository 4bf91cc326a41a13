/**
 * One automaton for everything the wording check looks for: the wrong forms of the dictionaries
 * and the declared names with their near-miss anchors. `findings(text)` is one scan of the text
 * plus the typography rules; what it returns carries offsets into that text.
 */
import type { Site } from "../../config/schema.ts";
import type { Problem } from "../../problems/problems.ts";
import { Automaton } from "./automaton.ts";
import { shippedDictionary, type Term } from "./dictionary.ts";
import { similarShapes } from "./similar-shapes.ts";
import {
  coveredBy,
  declaredNames,
  knownNames,
  namePatterns,
  substitution,
  type NameAction,
} from "./names.ts";
import { allTitles, leaderWarnings } from "./leaders.ts";
import { INTERESTING, typographyHits } from "./typography.ts";
import { NO_ORGAN_NAMES, type OrganNames } from "./organ-names.ts";

export type FindingKind = "term" | "name" | "leader" | "typography";

export interface Finding {
  kind: FindingKind;
  start: number;
  found: string;
  message: string;
}

const NONE: Finding[] = [];

/**
 * A miss of a short name inside a miss of a longer one (市民正局 inside 测试市民正局, when both the
 * department's and the organ's full name are declared) is one mistake: only the longer is reported.
 */
function withoutNested(findings: Finding[]): Finding[] {
  const names = findings.filter((f) => f.kind === "name");
  if (names.length < 2) return findings;
  const inside = (f: Finding, g: Finding) =>
    g !== f &&
    g.start <= f.start &&
    f.start + f.found.length <= g.start + g.found.length &&
    g.found.length > f.found.length;
  return findings.filter((f) => f.kind !== "name" || !names.some((g) => inside(f, g)));
}

type Action = NameAction | { type: "term"; term: Term };

export class WordingMatcher {
  readonly problems: Problem[];
  private readonly automaton: Automaton;
  private readonly actions: Action[][];
  private readonly declared: string[];
  private readonly known: Set<string>;
  private readonly titles: string[];

  /** `organs`: the names organ files declare (src/check/wording/organ-names.ts). */
  constructor(
    readonly site: Site,
    organs: OrganNames = NO_ORGAN_NAMES,
  ) {
    const dictionary = shippedDictionary();
    const terms = [...dictionary.terms, ...site.wording.terms.map((t) => ({ ...t, from: "site.config.ts" }))];
    this.problems = [...dictionary.problems, ...similarShapes().problems];
    const names = declaredNames(site, organs);
    this.declared = [...new Set([...names.map((n) => n.text), ...knownNames(site, organs)])];
    this.known = new Set(this.declared);
    this.titles = allTitles(site);
    const byPattern = new Map<string, Action[]>();
    const add = (pattern: string, action: Action) => {
      const list = byPattern.get(pattern);
      if (list) list.push(action);
      else byPattern.set(pattern, [action]);
    };
    for (const term of terms) add(term.wrong, { type: "term", term });
    // An exact occurrence of a name no leader holds has nothing to check (`act` returns at once):
    // not looked for at all. Each department's and place's name in a text was such a hit (~24k in
    // the 10k benchmark corpus's bodies), and so was every state the automaton needed for it.
    for (const [pattern, action] of namePatterns(names))
      if (action.type !== "exact" || action.name.leaders.length > 0) add(pattern, action);
    this.automaton = new Automaton([...byPattern.keys()]);
    this.actions = [...byPattern.values()];
  }

  // The findings of the text being scanned; most texts have none, so nothing is allocated until
  // the first. State lives on the instance rather than in closures made for every text.
  private text = "";
  private out: Finding[] | undefined;
  private seen: Set<string> | undefined;

  private push(f: Finding): void {
    const key = `${f.start}\u0000${f.found}`;
    if (
      this.seen?.has(key) ||
      coveredBy(this.text, f.start, f.start + f.found.length, this.site.wording.allow)
    )
      return;
    (this.seen ??= new Set()).add(key);
    (this.out ??= []).push(f);
  }

  findings(text: string, publishedAt: number): Finding[] {
    this.text = text;
    this.out = this.seen = undefined;
    const typography = this.site.wording.typography !== "off";
    const hits = this.automaton.scan(text, typography ? INTERESTING : undefined);
    for (let h = 0; h < hits.length; h += 2) {
      const start = hits[h + 1];
      const actions = this.actions[hits[h]];
      for (let a = 0; a < actions.length; a++) this.act(actions[a], start, publishedAt);
    }
    if (typography) {
      for (const hit of typographyHits(text, this.automaton.marked))
        this.push({ kind: "typography", ...hit });
    }
    const out = this.out as Finding[] | undefined;
    this.out = this.seen = undefined;
    return out ? withoutNested(out).sort((a, b) => a.start - b.start) : NONE;
  }

  private act(action: Action, start: number, publishedAt: number): void {
    const text = this.text;
    if (action.type === "term") {
      const { wrong, right, source } = action.term;
      this.push({
        kind: "term",
        start,
        found: wrong,
        message: `“${wrong}”应为“${right}”（依据：${source}）`,
      });
    } else if (action.type === "exact") {
      if (action.name.leaders.length === 0) return;
      for (const w of leaderWarnings(this.site, this.titles, text, start, action.name, publishedAt))
        this.push({ kind: "leader", start: w.at, found: w.found, message: w.message });
    } else {
      const name = action.name;
      const near =
        action.type === "swap"
          ? { start, found: text.slice(start, start + name.text.length), reason: "字序颠倒" }
          : substitution(text, start - action.offset, name, this.known);
      if (!near) return;
      if (coveredBy(text, near.start, near.start + near.found.length, this.declared)) return;
      this.push({
        kind: "name",
        start: near.start,
        found: near.found,
        message: `${name.kind}“${near.found}”应为“${name.text}”（${near.reason}；${name.file ? `机关文件 ${name.file} 中的名称` : "站点声明的名称"}）`,
      });
    }
  }
}
