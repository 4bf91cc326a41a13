/**
 * The audit pages of 解读 coverage, per year: the figures and the documents without a 解读
 * (/policies/interpretation-coverage/<year>/), and one list per figure, each exactly the items it
 * counts (src/tallies/interpretation.ts). Every page links the year's lists, with their counts.
 * Rendered with the statistics audit lists (src/pages/audit-lists.ts): reached from the figures,
 * the 政策解读 list and the statistics page, not from 网站地图.
 */
import type { Facet, ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import { urls } from "../portal/urls.ts";
import { paginate } from "./paginate.ts";
import { FORM_KEYS, INTERPRETATION_FORMS } from "../content/interpretation.ts";
import {
  coverageUrls,
  interpretationCoverage,
  type InterpretationCoverage,
} from "../tallies/interpretation.ts";
import { coverageFigures } from "../../layouts/interpretation-coverage.ts";
import { withInputs } from "../content-types/spec.ts";
import type { LayoutContext } from "../view/context.ts";

function yearLists(c: InterpretationCoverage) {
  return [
    { url: coverageUrls.list(c.year, "documents"), label: "应解读文件", items: c.documents },
    { url: coverageUrls.list(c.year, "interpreted"), label: "已解读文件", items: c.interpreted },
    { url: coverageUrls.list(c.year, "late"), label: "逾期解读的文件", items: c.late },
    { url: coverageUrls.year(c.year), label: "未解读文件", items: c.missing },
    { url: coverageUrls.list(c.year, "interpretations"), label: "本年发布的解读", items: c.interpretations },
    ...INTERPRETATION_FORMS.map((form) => ({
      url: coverageUrls.form(c.year, FORM_KEYS[form]),
      label: `${form}解读`,
      items: c.byForm.get(form)!,
    })),
  ];
}

export function coverageLists(portal: Portal): ListPageData[] {
  const coverage = interpretationCoverage(portal);
  const yearsFacet: Facet = {
    label: "历年解读情况",
    links: coverage.map((c) => ({ label: `${c.year}年`, url: coverageUrls.year(c.year) })),
  };
  return coverage.flatMap((c) => {
    const lists = yearLists(c);
    const facets: Facet[] = [
      {
        label: `${c.year}年解读统计`,
        links: lists.map((l) => ({ label: l.label, url: l.url, count: l.items.length })),
      },
      yearsFacet,
    ];
    const title = `${c.year}年政策解读情况`;
    const crumbs = [
      { label: "政府信息公开目录", url: urls.policies },
      { label: "政策解读", url: urls.interpretations },
    ];
    return lists.flatMap((l) => {
      const main = l.url === coverageUrls.year(c.year);
      return paginate(
        {
          base: l.url,
          title: main ? title : `${title}：${l.label}（${l.items.length}）`,
          section: "policies",
          breadcrumbs: main
            ? [...crumbs, { label: title }]
            : [...crumbs, { label: title, url: coverageUrls.year(c.year) }, { label: l.label }],
          style: "policy",
          facets,
          description: main
            ? `${title}：应解读文件 ${c.documents.length} 件，已解读 ${c.interpreted.length} 件，未解读 ${c.missing.length} 件。`
            : `${c.year}年${l.label}，共 ${l.items.length} 件，逐条列出如下。`,
          intro: main ? withInputs((ctx: LayoutContext) => coverageFigures(ctx, c), [c]) : undefined,
        },
        l.items,
        portal.site.pageSize,
      );
    });
  });
}
