/** Procedure guides (办事服务): all, by 事项类型 and by department. */
import type { Facet, ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import type { RecordOf } from "../content/types.ts";
import { urls } from "../portal/urls.ts";
import { paginate } from "../pages/paginate.ts";
import { groupBy } from "../portal/group.ts";
import { untracedPortal } from "../portal/memo-reads.ts";

/**
 * `localeCompare(b, "zh-CN")` is specified as this collator's compare; made once, it is several
 * times faster than `localeCompare` with a locale per call (~50 ms of a one-edit build at 50k).
 */
const collator = new Intl.Collator("zh-CN");
/** Guides read best in name order (people look a service up by name), not by date. */
const byTitle = (a: RecordOf<"guide">, b: RecordOf<"guide">) =>
  collator.compare(a.fields.title, b.fields.title) || (a.id < b.id ? -1 : 1);

/** Per portal, how many of its guides are of each 事项类型 (counted with its lists). */
const typeCounts = new WeakMap<Portal, ReadonlyMap<string, number>>();

const countsOf = (groups: ReadonlyMap<string, readonly unknown[]>): ReadonlyMap<string, number> =>
  new Map([...groups].map(([name, guides]) => [name, guides.length]));

/**
 * How many of the portal's guides are of each 事项类型 (the home page's 办事服务). A page the
 * build cache traces takes the build's counts and notes the guides as read: counted again, they
 * would read every guide's `fields` on each build that renders the home page.
 */
export function guideTypeCounts(portal: Portal): ReadonlyMap<string, number> {
  const plain = untracedPortal(portal);
  if (plain) {
    void portal.byType.guide;
    return guideTypeCounts(plain);
  }
  let counts = typeCounts.get(portal);
  if (!counts)
    typeCounts.set(portal, (counts = countsOf(groupBy(portal.byType.guide, (g) => g.fields.item_type))));
  return counts;
}

export function guideLists(portal: Portal): ListPageData[] {
  const { site } = portal;
  const guides = [...portal.byType.guide].sort(byTitle);
  const byType = groupBy(guides, (g) => g.fields.item_type);
  if (!untracedPortal(portal) && !typeCounts.has(portal)) typeCounts.set(portal, countsOf(byType));
  const byDepartment = groupBy(guides, (g) => g.fields.department);
  const ofType = (name: string) => byType.get(name) ?? [];
  const ofDepartment = (name: string) => byDepartment.get(name) ?? [];
  const departments = site.departments.filter((d) => byDepartment.has(d.name));
  const facets: Facet[] = [
    {
      label: "按事项类型",
      links: site.guideTypes.map((t) => ({
        label: t.name,
        url: urls.guideType(t.key),
        count: ofType(t.name).length,
      })),
    },
    {
      label: "按实施主体",
      links: departments.map((d) => ({
        label: d.name,
        url: urls.guideDepartment(d.key),
        count: ofDepartment(d.name).length,
      })),
    },
  ];
  const column = {
    name: "办事指南",
    description: "行政许可、非许可和公共服务事项的办事指南",
    keywords: ["办事指南", "行政审批"],
    type: "办事服务",
  };
  const common = { section: "guides", style: "guide", facets, column };
  const crumbs = [{ label: "办事服务", url: urls.guides }];
  return [
    ...paginate(
      {
        ...common,
        base: urls.guides,
        title: "办事服务",
        breadcrumbs: [{ label: "办事服务" }],
        description: column.description,
      },
      guides,
      site.pageSize,
      true,
    ),
    ...site.guideTypes.flatMap((t) =>
      paginate(
        {
          ...common,
          base: urls.guideType(t.key),
          title: `${t.name}事项`,
          breadcrumbs: [...crumbs, { label: t.name }],
        },
        ofType(t.name),
        site.pageSize,
        true,
      ),
    ),
    ...departments.flatMap((d) =>
      paginate(
        {
          ...common,
          base: urls.guideDepartment(d.key),
          title: d.name,
          breadcrumbs: [...crumbs, { label: d.name }],
        },
        ofDepartment(d.name),
        site.pageSize,
        true,
      ),
    ),
  ];
}
