/**
 * The organs of a portal and what fills their 公开平台: each organ's items (those whose 发布机构 is
 * the organ's name in site config), its current leaders, and the items of each 第二十条 category.
 * Built once per portal in one pass over the records, so per-organ pages stay linear.
 */
import type { ContentRecord, RecordOf } from "../content/types.ts";
import type { Leader } from "../content/organ.ts";
import { ORGAN_KINDS } from "../content/organ.ts";
import type { Portal } from "../portal/portal.ts";
import type { Site } from "../config/schema.ts";
import { organItems } from "./owners.ts";
import { untracedPortal } from "../portal/memo-reads.ts";

export type OrganRecord = RecordOf<"organ">;

export interface Organ {
  record: OrganRecord;
  /** Key of the organ: its file name and its entry in site config `departments`. */
  key: string;
  /** The name items write as 发布机构 (site config `departments`). */
  name: string;
  /** Its published items, newest first. */
  items: ContentRecord[];
}

export interface Organs {
  list: Organ[];
  byKey: Map<string, Organ>;
  byName: Map<string, Organ>;
}

const cache = new WeakMap<Portal, Organs>();

export const organKeyOf = (record: { id: string }) => record.id.slice(record.id.indexOf("/") + 1);

/** The organs with a published file, in 机构类型 order, then `order`, then key. */
/** The site config of the portal an organ was found in (what the build cache's memos are kept by). */
const portals = new WeakMap<Organ, Portal>();
export const siteOfOrgan = (organ: Organ): Site | undefined => portals.get(organ)?.site;
/** The portal an organ was found in. */
export const portalOfOrgan = (organ: Organ): Portal | undefined => portals.get(organ);

export function organsOf(portal: Portal): Organs {
  const plain = untracedPortal(portal);
  if (plain) {
    // A page the build cache traces takes the build's organs (found once, with the kept owners)
    // and notes what finding them reads: the organ records and every record's owner.
    void portal.byType.organ;
    void portal.records;
    return organsOf(plain);
  }
  let organs = cache.get(portal);
  if (organs) return organs;
  const ordered = organsInOrder(portal);
  // The names in the organ records' order, as the kept owners were found with (owners.ts).
  const names = new Map(ordered.map((o) => [o.record, o.name]));
  const organNames = new Set((portal.byType.organ ?? []).flatMap((r) => names.get(r) ?? []));
  // The build cache may keep the last build's owners (owners.ts): then only the edited records' are found.
  const byName = organItems(portal, organNames, ownerOf);
  const list = ordered.map((o) => ({ ...o, items: byName.get(o.name) ?? [] }));
  for (const organ of list) portals.set(organ, portal);
  organs = {
    list,
    byKey: new Map(list.map((o) => [o.key, o])),
    byName: new Map(list.map((o) => [o.name, o])),
  };
  cache.set(portal, organs);
  return organs;
}

/**
 * The organs with a published file, in 机构类型 order, then `order`, then key, without their
 * items: read from the organ records and the site's departments alone. A page that lists the
 * organs only (网站地图) thus reads no other record (`organsOf` finds every item's owner: on a
 * page the build cache traces, a read of every published record, and the page rendered again
 * after any edit).
 */
export function organsInOrder(portal: Portal): Omit<Organ, "items">[] {
  const names = new Map(portal.site.departments.map((d) => [d.key, d.name]));
  const records = (portal.byType.organ ?? []).filter((r) => names.has(organKeyOf(r)));
  const rank = (r: OrganRecord) => ORGAN_KINDS.indexOf(r.fields.kind);
  return [...records]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.fields.order ?? 0) - (b.fields.order ?? 0) ||
        (organKeyOf(a) < organKeyOf(b) ? -1 : 1),
    )
    .map((record) => {
      const key = organKeyOf(record);
      return { record, key, name: names.get(key)! };
    });
}

/**
 * The organ named `name` (a department's name), as `organsOf(portal).byName` has it, found by
 * reading only the organ records and the site's departments: a page that names one organ (its
 * 上级机关) notes those reads with the build cache, which the per-portal memo noted only once.
 */
export function organNamed(portal: Portal, name: string): { key: string; record: OrganRecord } | undefined {
  const department = portal.site.departments.find((d) => d.name === name);
  const record = department && (portal.byType.organ ?? []).find((r) => organKeyOf(r) === department.key);
  return record && { key: department.key, record };
}

/**
 * The one organ an item belongs to: a policy document to its 发文机关 when that organ has a
 * platform (the government's documents are published by its office), anything else to its
 * 发布机构. One owner per item, so the organs' figures add up to the county summary.
 */
export function ownerOf(record: ContentRecord, organNames: ReadonlySet<string>): string | undefined {
  if (record.type === "policy" && organNames.has(record.fields.issuer)) return record.fields.issuer;
  return "department" in record.fields ? record.fields.department : undefined;
}

/** A leader with a 离任时间 is a former leader: kept in the file, shown on no current page. */
export const currentLeaders = (record: OrganRecord): Leader[] =>
  record.fields.leaders.filter((l) => l.to === undefined);

/** The former leaders, for the 机构 page's 历任领导: the most recent departure first. */
export const formerLeaders = (record: OrganRecord): (Leader & { to: NonNullable<Leader["to"]> })[] =>
  record.fields.leaders
    .filter((l): l is Leader & { to: NonNullable<Leader["to"]> } => l.to !== undefined)
    .sort((a, b) => (a.to === b.to ? (a.from < b.from ? 1 : -1) : a.to < b.to ? 1 : -1));

/** The organ's policy documents: its 政府信息公开目录. */
export const catalogueOf = (organ: Organ): RecordOf<"policy">[] =>
  organ.items.filter((r): r is RecordOf<"policy"> => r.type === "policy");
