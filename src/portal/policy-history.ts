/**
 * 文件变更 (《政府网站发展指引》: "在已发布的原文件上作出明确标注"): a policy document that amends,
 * repeals or replaces earlier ones names them by 索引号 (`amends`, `repeals`, `replaces`); the
 * earlier document's page says what happened to it and links to the one that did it, and the new
 * one links back. Built once per portal from its published documents, so a link never points to
 * a draft or a document not yet due.
 */
import type { RecordOf } from "../content/types.ts";
import type { Portal } from "./portal.ts";
import { PortalMemo } from "./memo-reads.ts";

type Policy = RecordOf<"policy">;

export const RELATIONS = ["amends", "repeals", "replaces"] as const;
export type Relation = (typeof RELATIONS)[number];

/** How each relation reads on the two pages. */
export const RELATION_WORDS: Record<Relation, { done: string; by: string }> = {
  amends: { done: "修改", by: "已被修改" },
  repeals: { done: "废止", by: "已被废止" },
  replaces: { done: "替代", by: "已被替代" },
};

export interface PolicyHistory {
  /** What this document did to earlier ones, in the order its fields name them. */
  did: { relation: Relation; doc: Policy }[];
  /** What later documents did to this one, oldest first. */
  by: { relation: Relation; doc: Policy }[];
}

const NONE: PolicyHistory = { did: [], by: [] };
// Its reads (every policy) are noted by each page that takes it, not only the first (memo-reads.ts).
const memo = new PortalMemo<Map<string, PolicyHistory>>();

function entry(map: Map<string, PolicyHistory>, indexNo: string): PolicyHistory {
  let h = map.get(indexNo);
  if (!h) map.set(indexNo, (h = { did: [], by: [] }));
  return h;
}

/** The history of one published document (empty for most). */
export function policyHistory(portal: Portal, doc: Policy): PolicyHistory {
  const map = memo.get(portal, () => {
    const map = new Map<string, PolicyHistory>();
    const docs = portal.byType.policy;
    const byIndexNo = new Map(docs.map((d) => [d.fields.index_no, d]));
    // Oldest first, so "已被修改" lists the amendments in the order they were made.
    for (const newer of [...docs].sort((a, b) => a.publishedAt - b.publishedAt || a.id.localeCompare(b.id))) {
      for (const relation of RELATIONS)
        for (const target of newer.fields[relation]) {
          const older = byIndexNo.get(target);
          if (!older || older === newer) continue;
          entry(map, newer.fields.index_no).did.push({ relation, doc: older });
          entry(map, older.fields.index_no).by.push({ relation, doc: newer });
        }
    }
    return map;
  });
  return map.get(doc.fields.index_no) ?? NONE;
}
