/**
 * The pages of the organs: 机构 (the list), 政府信息公开 (the hub), and each organ's 公开平台 with
 * its 指南, 制度, 法定主动公开内容 (one list per 第二十条 category), 目录, 年报 with the audit list
 * of every figure; and the county summary per year.
 */
import type { Portal } from "../portal/portal.ts";
import type { LayoutContext } from "../view/context.ts";
import { withInputs, type SearchEntry, type TypePage } from "./spec.ts";
import { reportLabel } from "./report.ts";
import type { ListPageData } from "../view/list-data.ts";
import { paginate } from "../pages/paginate.ts";
import { listPage } from "../../layouts/list.ts";
import {
  guidePage,
  guideTitle,
  platformCrumbs,
  platformIndexPage,
  rulesPage,
  statutoryPage,
  categoryIntro,
  SECTION,
} from "../../layouts/organs/platform.ts";
import { hubPage, organsIndexPage } from "../../layouts/organs/hub.ts";
import { organReportsPage } from "../../layouts/organs/report.ts";
import { organReportPage, organReportTitle } from "../../layouts/organs/organ-report.ts";
import { summaryPage } from "../../layouts/organs/summary.ts";
import { catalogueOf, organsOf, type Organ } from "../organs/platform.ts";
import { categoryItems } from "../organs/category-items.ts";
import {
  organAudit,
  organFigure,
  organReportFile,
  organReports,
  type OrganReports,
} from "../organs/tallies.ts";
import { article20 } from "../organs/article-20.ts";
import { organUrls } from "../organs/urls.ts";
import { countedTypes } from "../tallies/cells.ts";
import { describeQuery } from "../tallies/query.ts";
import { labelWithUnit } from "../tallies/statistics.ts";

const listPages = (lists: ListPageData[]): TypePage[] =>
  lists.map((list) => ({ url: list.url, inputs: [list], render: (ctx) => listPage(ctx, list) }));

function categoryLists(portal: Portal, organ: Organ): ListPageData[] {
  const title = organ.record.fields.title;
  return organ.record.fields.statutory.flatMap((category) => {
    const a = article20(category.name);
    return paginate(
      {
        base: organUrls.category(organ.key, a.key),
        title: `${title}：${category.name}`,
        section: SECTION,
        breadcrumbs: [
          ...platformCrumbs(organ),
          { label: "法定主动公开内容", url: organUrls.statutory(organ.key) },
          { label: category.name },
        ],
        style: "mixed",
        description: `《条例》第二十条第${a.item}项：${title}发布的${category.name}信息。`,
        column: { name: category.name, type: "法定主动公开内容" },
        // What the introduction shows: the organ's title and key, not its items (an edit of one
        // item would otherwise render every page of every category list of its organ again).
        intro: withInputs(
          (ctx: LayoutContext) => categoryIntro(ctx, organ, category),
          [organ.record, organ.key, category],
        ),
      },
      categoryItems(organ, category),
      portal.site.pageSize,
      true,
      portal.byType.organ,
    );
  });
}

function catalogue(portal: Portal, organ: Organ): ListPageData[] {
  const title = `${organ.record.fields.title}政府信息公开目录`;
  return paginate(
    {
      base: organUrls.catalogue(organ.key),
      title,
      section: SECTION,
      breadcrumbs: [...platformCrumbs(organ), { label: "政府信息公开目录" }],
      style: "policy",
      description: `${organ.record.fields.title}发布的政策文件，按索引号、名称、内容概述、生成日期编排。`,
      column: { name: title, type: "政府信息公开目录" },
    },
    catalogueOf(organ),
    portal.site.pageSize,
    true,
    portal.byType.organ,
  );
}

function audits(portal: Portal, reports: OrganReports, organ: Organ, year: number): ListPageData[] {
  const counted = [...countedTypes(portal.types).values()];
  return reports.rows.flatMap((row) => {
    const items = organAudit(reports, organ.key, year, row);
    return paginate(
      {
        base: organUrls.audit(organ.key, year, row.key),
        title: `${organ.name} ${year}年 ${labelWithUnit(row)}：${organFigure(reports, organ.key, year, row)}`,
        section: SECTION,
        breadcrumbs: [
          ...platformCrumbs(organ),
          { label: "政府信息公开年报", url: organUrls.reports(organ.key) },
          { label: `${year}年`, url: organUrls.report(organ.key, year) },
          { label: row.label },
        ],
        style: "policyKind" in row.count! ? "policy" : "mixed",
        description: `统计口径：${describeQuery(row.count!, counted)}，属于${organ.name}（政策文件按发文机关，其他信息按发布机构）。共 ${items.length} 条，逐条列出如下。`,
      },
      items,
      portal.site.pageSize,
      // The organ's items (which organs there are decides a policy's owner) cut by the site's
      // audit plan (own fields): every organ record chooses, as for its category lists.
      true,
      portal.byType.organ,
    );
  });
}

/**
 * What an organ's 年报 page shows of `reports`: the rows (from the types and the site config,
 * both in the build fingerprint), its figures for the year and its report file. Declaring
 * `reports` whole had every organ's 年报 rendered again after any edit, and `reports` (every
 * organ's tallies and audit lists) written out for the key on every build.
 */
function reportInputs(reports: OrganReports, organ: Organ, year: number): unknown[] {
  return [
    organ.record,
    organ.key,
    year,
    reports.sections,
    organReportFile(reports, organ.key, year),
    reports.rows.map((row) => organFigure(reports, organ.key, year, row)),
  ];
}

/** What the county summary shows of `reports`: every organ's name, figures and report file for the year. */
function summaryInputs(reports: OrganReports, year: number): unknown[] {
  const organs = [...reports.byOrgan.values()].map((t) => t.organ);
  return [
    year,
    reports.sections,
    organs.map((o) => [o.key, o.name]),
    organs.map((o) => organReportFile(reports, o.key, year)),
    organs.map((o) => reports.rows.map((row) => organFigure(reports, o.key, year, row))),
  ];
}

export function organPages(portal: Portal): TypePage[] {
  const organs = organsOf(portal).list;
  const reports = organReports(portal);
  // A 年报 is counted under the report type's 类型 in search, as the site's own report is.
  const reportType = reportLabel(portal.types);
  const pages: TypePage[] = [
    // The organs' records (the page reads them, with the site's departments, through organsInOrder).
    { url: organUrls.organs, inputs: [organs.map((o) => o.record)], render: (ctx) => organsIndexPage(ctx) },
    // The hub names the government's organ and lists every organ's platform by its title.
    {
      url: organUrls.hub,
      inputs: [reports.years, organs.map((o) => o.record)],
      render: (ctx) => hubPage(ctx, reports.years),
    },
  ];
  for (const organ of organs) {
    pages.push(
      { url: organUrls.platform(organ.key), inputs: [organ], render: (ctx) => platformIndexPage(ctx, organ) },
      {
        url: organUrls.guide(organ.key),
        inputs: [organ],
        render: (ctx) => guidePage(ctx, organ),
        search: { title: guideTitle(organ), date: "", filters: { type: "公开指南", department: organ.name } },
      },
      { url: organUrls.rules(organ.key), inputs: [organ], render: (ctx) => rulesPage(ctx, organ) },
      { url: organUrls.statutory(organ.key), inputs: [organ], render: (ctx) => statutoryPage(ctx, organ) },
      ...listPages(categoryLists(portal, organ)),
      ...listPages(catalogue(portal, organ)),
      {
        url: organUrls.reports(organ.key),
        inputs: [organ, reports.years],
        render: (ctx) => organReportsPage(ctx, organ, reports.years),
      },
    );
    // Every organ has a 年报 for every year of the summary, so each of the summary's figures has its list.
    for (const year of reports.years)
      pages.push(
        {
          url: organUrls.report(organ.key, year),
          inputs: reportInputs(reports, organ, year),
          render: (ctx) => organReportPage(ctx, organ, reports, year),
          search: organReportSearch(organ, reports, year, reportType),
        },
        ...listPages(audits(portal, reports, organ, year)),
      );
  }
  for (const year of reports.years)
    pages.push({
      url: organUrls.summary(year),
      inputs: summaryInputs(reports, year),
      render: (ctx) => summaryPage(ctx, reports, year),
    });
  return pages;
}

/** An organ's 年报 in search: counted under `type` of its year and organ, undated (search-pages.ts says why). */
function organReportSearch(organ: Organ, reports: OrganReports, year: number, type: string): SearchEntry {
  return {
    title: organReportTitle(organ, reports, year),
    date: "",
    filters: { type, year: String(year), department: organ.name },
  };
}
