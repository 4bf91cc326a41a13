/**
 * The items of each 第二十条 category of an organ (its 法定主动公开内容 lists, the 公开平台's
 * counts, the check for empty categories). Sorted into every category of the organ's file in one
 * pass over its items, through the categories' rules by value (a policy's 类别, a news column, a
 * guide's 事项类型, a topic), instead of one pass over the items per category: at 50k items an
 * organ has ~2,500 items and ~15 categories. The lists keep the items' order (newest first).
 */
import type { ContentRecord } from "../content/types.ts";
import type { StatutoryCategory } from "../content/organ.ts";
import type { Site } from "../config/schema.ts";
import { siteOfOrgan, type Organ } from "./platform.ts";

const sorted = new WeakMap<Organ, Map<StatutoryCategory, ContentRecord[]>>();

/** Each list of the organ's categories, in the order of its file's `statutory`. */
export type CategoryLists = ContentRecord[][];

/**
 * What an earlier build sorted per organ (the build cache keeps it:
 * src/build/cache/organ-categories.ts). `take` gives an organ's lists back only when its items
 * and its categories' rules are those they were sorted from; `sorted` is told each organ's lists.
 */
export interface CategoryListMemo {
  take(organ: Organ): CategoryLists | undefined;
  sorted(organ: Organ, lists: CategoryLists, taken: boolean): void;
}

/** By the site config the build was given (the organs' portal's `site`, platform.ts `siteOfOrgan`). */
const memos = new WeakMap<Site, CategoryListMemo>();

export function rememberCategoryLists(site: Site, memo: CategoryListMemo): void {
  memos.set(site, memo);
}

/** The organ's items that fill one 第二十条 category (an item matching several rules is listed once). */
export function categoryItems(organ: Organ, category: StatutoryCategory): readonly ContentRecord[] {
  let lists = sorted.get(organ);
  if (!lists) sorted.set(organ, (lists = listsOf(organ)));
  // A category that is not one of the organ's file (a test's own) is matched on its own.
  return lists.get(category) ?? matchCategory(organ.items, category);
}

function listsOf(organ: Organ): Map<StatutoryCategory, ContentRecord[]> {
  const site = siteOfOrgan(organ);
  const memo = site && memos.get(site);
  const taken = memo?.take(organ);
  const lists = taken ?? sortIntoCategories(organ);
  memo?.sorted(organ, lists, taken !== undefined);
  const categories = organ.record.fields.statutory;
  return new Map(categories.map((c, i) => [c, lists[i]]));
}

/**
 * By category index, not by the category objects in Maps and a Set: the loop runs once per organ
 * and item on each thread, mostly before TurboFan's OSR compile of it is ready, and that compile
 * (Map and Set iterators inlined) was among the build's longest, three times a build.
 */
function sortIntoCategories(organ: Organ): CategoryLists {
  const categories = organ.record.fields.statutory;
  const lists: CategoryLists = categories.map(() => []);
  /** Per rule and value, the indexes of the categories it brings an item into. */
  const byKind = new Map<string, number[]>();
  const byColumn = new Map<string, number[]>();
  const byGuideType = new Map<string, number[]>();
  const byTopic = new Map<string, number[]>();
  const index = (rule: Map<string, number[]>, values: readonly string[] | undefined, c: number) => {
    if (values === undefined) return;
    for (const value of values) {
      const known = rule.get(value);
      if (known === undefined) rule.set(value, [c]);
      else known.push(c);
    }
  };
  categories.forEach((c, i) => {
    index(byKind, c.policy_kinds, i);
    index(byColumn, c.columns, i);
    index(byGuideType, c.guide_types, i);
    index(byTopic, c.topics, i);
  });
  /** The item (its position) each category last took: an item matching several rules is listed once. */
  const takenBy = new Array<number>(categories.length).fill(-1);
  const take = (into: readonly number[] | undefined, r: ContentRecord, n: number) => {
    if (into === undefined) return;
    for (let k = 0; k < into.length; k++) {
      const c = into[k];
      if (takenBy[c] !== n) {
        takenBy[c] = n;
        lists[c].push(r);
      }
    }
  };
  const items = organ.items;
  for (let n = 0; n < items.length; n++) {
    const r = items[n];
    const f = r.fields;
    take(
      r.type === "policy"
        ? byKind.get(r.fields.kind)
        : r.type === "news"
          ? byColumn.get(r.fields.column)
          : r.type === "guide"
            ? byGuideType.get(r.fields.item_type)
            : undefined,
      r,
      n,
    );
    if ("topics" in f) for (const topic of f.topics) take(byTopic.get(topic), r, n);
  }
  return lists;
}

function matchCategory(items: readonly ContentRecord[], category: StatutoryCategory): ContentRecord[] {
  const kinds = new Set<string>(category.policy_kinds ?? []);
  const columns = new Set(category.columns ?? []);
  const guideTypes = new Set(category.guide_types ?? []);
  const topics = new Set(category.topics ?? []);
  return items.filter((r) => {
    const f = r.fields;
    if (r.type === "policy" && kinds.has(r.fields.kind)) return true;
    if (r.type === "news" && columns.has(r.fields.column)) return true;
    if (r.type === "guide" && guideTypes.has(r.fields.item_type)) return true;
    return "topics" in f && f.topics.some((t) => topics.has(t));
  });
}
