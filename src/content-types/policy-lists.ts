/**
 * The policy catalogue (政府信息公开目录, 条例 art. 12): all documents, and the same browsable by
 * 主题分类, 发文机关, year and 有效性, plus the 政策解读 list.
 */
import type { Facet, ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import type { RecordOf } from "../content/types.ts";
import { urls, VALIDITY_KEYS } from "../portal/urls.ts";
import { VALIDITIES } from "../content/policy.ts";
import { byYear, paginate } from "../pages/paginate.ts";
import { groupBy } from "../portal/group.ts";
import { coverageUrls, interpretationCoverage } from "../tallies/interpretation.ts";

export const POLICY_FEED_URL = "/feeds/policies.xml";

export function policyLists(portal: Portal): ListPageData[] {
  const { site } = portal;
  const docs = portal.byType.policy;
  const byCategory = groupBy(docs, (r) => r.fields.category);
  const byIssuer = groupBy(docs, (r) => r.fields.issuer);
  const byValidity = groupBy(docs, (r) => r.fields.validity);
  const years = byYear(docs);
  const interpretations = docs.filter((r) => r.fields.kind === "政策解读");
  const issuers = site.departments.filter((d) => byIssuer.has(d.name));
  const facets: Facet[] = [
    {
      label: "按主题分类",
      links: site.categories.map((c) => ({
        label: c.name,
        url: urls.policyCategory(c.key),
        count: byCategory.get(c.name)?.length ?? 0,
      })),
    },
    {
      label: "按发文机关",
      links: issuers.map((d) => ({
        label: d.name,
        url: urls.policyIssuer(d.key),
        count: byIssuer.get(d.name)?.length ?? 0,
      })),
    },
    {
      label: "按年份",
      links: years.map(([year, list]) => ({
        label: `${year}年`,
        url: urls.policyYear(year),
        count: list.length,
      })),
    },
    {
      label: "按有效性",
      links: VALIDITIES.map((v) => ({
        label: v,
        url: urls.policyValidity(v),
        count: byValidity.get(v)?.length ?? 0,
      })),
    },
    {
      label: "政策解读",
      links: [
        { label: "全部政策解读", url: urls.interpretations, count: interpretations.length },
        ...interpretationCoverage(portal).map((c) => ({
          label: `${c.year}年解读情况`,
          url: coverageUrls.year(c.year),
        })),
      ],
    },
  ];
  const column = {
    name: "政府信息公开目录",
    description: "按索引号、名称、内容概述和生成日期浏览政府信息",
    keywords: ["政策文件", "政府信息公开"],
    type: "信息公开目录",
  };
  const crumbs = [{ label: "政府信息公开目录", url: urls.policies }];
  const common = {
    section: "policies",
    style: "policy",
    facets,
    column,
    feeds: [{ title: "政策文件", url: POLICY_FEED_URL }],
  };
  const list = (base: string, title: string, items: readonly RecordOf<"policy">[]) =>
    paginate(
      { ...common, base, title, breadcrumbs: [...crumbs, { label: title }] },
      items,
      site.pageSize,
      true,
    );

  return [
    ...paginate(
      {
        ...common,
        base: urls.policies,
        title: "政府信息公开目录",
        breadcrumbs: [{ label: "政府信息公开目录" }],
        description: column.description,
      },
      docs,
      site.pageSize,
      true,
    ),
    ...site.categories.flatMap((c) =>
      list(urls.policyCategory(c.key), `主题分类：${c.name}`, byCategory.get(c.name) ?? []),
    ),
    ...issuers.flatMap((d) =>
      list(urls.policyIssuer(d.key), `发文机关：${d.name}`, byIssuer.get(d.name) ?? []),
    ),
    ...years.flatMap(([year, items]) => list(urls.policyYear(year), `${year}年文件`, items)),
    ...(Object.keys(VALIDITY_KEYS) as (keyof typeof VALIDITY_KEYS)[]).flatMap((v) =>
      list(urls.policyValidity(v), `${v}文件`, byValidity.get(v) ?? []),
    ),
    ...list(urls.interpretations, "政策解读", interpretations),
  ];
}
