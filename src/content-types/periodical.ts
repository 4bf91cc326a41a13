/** 期刊: issues of the site's periodicals (《某某讯》第 N 期), usually a PDF, in content/periodicals/<key>/. */
import { periodicalSchema, type PeriodicalFields } from "../content/periodical.ts";
import { byName, urls } from "../portal/urls.ts";
import { PLACEHOLDER_MEDIA } from "../content/placeholders.ts";
import { groupBy } from "../portal/group.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { contentFolderOf } from "../content/content-folder.ts";
import { paginate } from "../pages/paginate.ts";
import { periodicalBody } from "../../layouts/detail/periodical.ts";
import { choices, dateLine, first } from "../editors/scaffold-lines.ts";
import type { TypeSpec } from "./spec.ts";

export const periodical: TypeSpec<"periodical", PeriodicalFields> = {
  type: "periodical",
  folder: "periodicals",
  label: "期刊",
  schema: periodicalSchema,
  section: "periodicals",
  nav: { label: "期刊", url: urls.periodicals, order: 6 },
  checks(site, records) {
    return records.flatMap((record) => {
      const periodical = site.periodicals.find((p) => p.name === record.fields.periodical);
      const folder = record.id.split("/")[1];
      if (!periodical || (folder === periodical.key && record.id.split("/").length === 3)) return [];
      return [
        {
          severity: "error" as const,
          file: record.file,
          line: lineOfRecordPath(record, ["periodical"]),
          field: "periodical（刊物）",
          message: `《${periodical.name}》的各期应放在 ${contentFolderOf(record)}/periodicals/${periodical.key}/ 目录中`,
        },
      ];
    });
  },
  detail: {
    layout: periodicalBody,
    crumbs: (ctx, r) => [
      { label: "期刊", url: urls.periodicals },
      {
        label: `《${r.fields.periodical}》`,
        url: urls.periodical(byName(ctx.site.periodicals, r.fields.periodical).key),
      },
    ],
    article: (r) => ({ source: r.fields.periodical, keywords: [] }),
  },
  lists(portal) {
    const { site } = portal;
    const issues = portal.byType.periodical;
    const byTitle = groupBy(issues, (i) => i.fields.periodical);
    const ofTitle = (name: string) => byTitle.get(name) ?? [];
    const facets = [
      {
        label: "期刊",
        links: site.periodicals.map((p) => ({
          label: `《${p.name}》`,
          url: urls.periodical(p.key),
          count: ofTitle(p.name).length,
        })),
      },
    ];
    const common = { section: "periodicals", style: "news", facets };
    return [
      ...paginate(
        { ...common, base: urls.periodicals, title: "期刊", breadcrumbs: [{ label: "期刊" }] },
        issues,
        site.pageSize,
        true,
      ),
      ...site.periodicals.flatMap((p) =>
        paginate(
          {
            ...common,
            base: urls.periodical(p.key),
            title: `《${p.name}》`,
            breadcrumbs: [{ label: "期刊", url: urls.periodicals }, { label: `《${p.name}》` }],
          },
          ofTitle(p.name),
          site.pageSize,
          true,
        ),
      ),
    ];
  },
  tally: { color: "#8a6d00", dimension: { name: "periodicals", value: (r) => r.fields.periodical } },
  sitemap: ({ site }) => ({
    title: "期刊",
    url: urls.periodicals,
    children: site.periodicals.map((p) => ({ label: `《${p.name}》`, url: urls.periodical(p.key) })),
  }),
  scaffold: {
    lines: ({ site, stamp }) => [
      `periodical: ${first(site.periodicals, "刊物")}${choices(site.periodicals)}`,
      `issue: 1  # 当年第几期`,
      dateLine(stamp),
      `pdf: ${PLACEHOLDER_MEDIA}issue.pdf`,
      `# summary: 本期要目`,
    ],
    folder: ({ site }) => site.periodicals[0]?.key ?? "",
  },
};
