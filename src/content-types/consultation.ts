/**
 * 意见征集: consultations on drafts, with their period, submission channels and 结果反馈. The
 * status (征集中/已结束) and the 结果反馈 deadline follow the build's clock (src/portal/time-bound.ts).
 * Listed at /consultations/; the 互动交流 section (section key "interaction") links them.
 */
import { consultationSchema, type ConsultationFields } from "../content/consultation.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { paginate } from "../pages/paginate.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { consultationTally, interactionYears } from "../tallies/interaction.ts";
import { closesAt, feedbackDue } from "../portal/time-bound.ts";
import { consultationBody, consultationRows } from "../../layouts/detail/consultation.ts";
import { choices, dateLine, first, q } from "../editors/scaffold-lines.ts";
import { dayIn } from "../check/inspection.ts";
import type { Problem } from "../problems/problems.ts";
import type { TypeSpec } from "./spec.ts";

export const CONSULTATIONS_URL = "/consultations/";
const FEED_URL = "/feeds/consultations.xml";

export const consultation: TypeSpec<"consultation", ConsultationFields> = {
  type: "consultation",
  folder: "consultations",
  label: "意见征集",
  schema: consultationSchema,
  section: "interaction",
  detail: {
    layout: consultationBody,
    crumbs: () => [{ label: "意见征集", url: CONSULTATIONS_URL }],
    article: (r) => ({ source: r.fields.department, keywords: r.fields.topics }),
  },
  // A 结果反馈 dated after the clock is scheduled: the page, the lists and the 年度报表 figures show
  // it from its date on (an editor can file it ahead; the sample portal does, so it never lapses).
  asOf: (r, now) =>
    r.fields.feedback && r.fields.feedback.date > now
      ? { ...r, fields: { ...r.fields, feedback: undefined } }
      : r,
  checks: (_site, records) =>
    records.flatMap((r) =>
      r.body.trim() === "" && r.fields.attachments.length === 0
        ? [
            {
              severity: "error" as const,
              file: r.file,
              line: r.bodyLine,
              field: "正文",
              message: "没有征求意见稿：请把草案全文写在正文中，或作为附件（attachments）上传",
            },
          ]
        : [],
    ),
  inspect(portal, clock) {
    const now = clock.toMillis();
    const day = dayIn(portal.site.timeZone);
    const problems: Problem[] = [];
    for (const r of portal.byType.consultation) {
      if (r.fields.feedback) continue;
      const due = feedbackDue(portal.site, r.fields.end);
      if (now < closesAt(r.fields.end, portal.site.timeZone)) continue;
      const late = now >= due.lateAt;
      problems.push({
        severity: late ? "error" : "warning",
        file: r.file,
        line: lineOfRecordPath(r, ["end"]),
        field: "feedback（结果反馈）",
        message: `意见征集已于 ${day(r.fields.end)} 截止，尚未发布结果反馈（收到意见数、采纳情况及未采纳理由）；${
          late
            ? `已超过截止后 ${portal.site.consultations.feedbackDays} 日的期限（${due.day}）`
            : `须在 ${due.day} 前补充 feedback`
        }`,
      });
    }
    return problems;
  },
  lists(portal) {
    const common = {
      section: "interaction",
      style: "consultation",
      feeds: [{ title: "意见征集", url: FEED_URL }],
    };
    const { consultations: years } = interactionYears(portal);
    const crumbs = [{ label: "意见征集", url: CONSULTATIONS_URL }];
    return [
      ...paginate(
        {
          ...common,
          base: CONSULTATIONS_URL,
          title: "意见征集",
          breadcrumbs: [{ label: "意见征集" }],
          description: "公开征求意见的草案、征集时间和意见提交方式；征集结束后公布意见采纳情况。",
          facets: [
            {
              label: "按年份",
              links: years.map((y) => ({ label: `${y}年`, url: interactionUrls.consultations(y) })),
            },
          ],
        },
        portal.byType.consultation,
        portal.site.pageSize,
      ),
      // The lists the statistics figures link to: opened in the year, and outcomes published in it.
      ...years.flatMap((year) => {
        const tally = consultationTally(portal, year);
        return [
          ...paginate(
            {
              ...common,
              base: interactionUrls.consultations(year),
              title: `${year}年意见征集`,
              breadcrumbs: [...crumbs, { label: `${year}年` }],
              description: `${year}年开始征集的意见征集，共 ${tally.consultations.length} 期。`,
            },
            tally.consultations,
            portal.site.pageSize,
          ),
          ...paginate(
            {
              ...common,
              base: interactionUrls.consultationFeedback(year),
              title: `${year}年公布结果的意见征集`,
              breadcrumbs: [
                ...crumbs,
                { label: `${year}年`, url: interactionUrls.consultations(year) },
                { label: "已公布结果" },
              ],
              description: `${year}年公布结果反馈的意见征集，共 ${tally.withFeedback.length} 期，收到意见 ${tally.opinionsReceived} 条。`,
            },
            tally.withFeedback,
            portal.site.pageSize,
          ),
        ];
      }),
    ];
  },
  listRows: consultationRows,
  feeds: (portal) => [
    { url: FEED_URL, title: "意见征集", pageUrl: CONSULTATIONS_URL, records: portal.byType.consultation },
  ],
  feedCategory: (r) => r.fields.department,
  search: {
    facets: [
      {
        key: "feedback",
        label: "结果反馈",
        order: 60,
        value: (r) => (r.fields.feedback ? "已反馈" : "未反馈"),
      },
    ],
  },
  tally: { color: "#6a1b9a" },
  sitemapLinks: () => ({ into: "interaction", links: [{ label: "意见征集", url: CONSULTATIONS_URL }] }),
  scaffold: {
    lines: ({ site, stamp }) => [
      dateLine(stamp),
      `department: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `start: ${stamp.toFormat("yyyy-MM-dd")}`,
      `end: ${stamp.plus({ days: site.consultations.minDays - 1 }).toFormat("yyyy-MM-dd")}  # 征集期不少于 ${site.consultations.minDays} 日（含首尾两天）`,
      `# short_period_reason: 征集期少于 ${site.consultations.minDays} 日时说明理由`,
      `channels:`,
      `  - { kind: 信函, value: ${q(`${TODO}通信地址和邮编`)} }`,
      `  # - { kind: 电子邮件, value: 邮箱地址 }  # 可选：电子邮件、网址、信函、电话、传真`,
      `# feedback:  # 征集结束后填写结果反馈`,
      `#   date: YYYY-MM-DD`,
      `#   received: 0   # 收到意见数`,
      `#   adopted: 0    # 采纳数`,
      `#   summary: 采纳情况说明`,
      `#   rejected:`,
      `#     - { opinion: 未采纳的意见, reason: 未采纳理由 }`,
      `topics: []`,
      `# summary: 一两句话摘要`,
      `# attachments:`,
      `#   - { title: 征求意见稿, file: /media/attachments/example.pdf }`,
    ],
    folder: ({ stamp }) => String(stamp.year),
    body: `${TODO}征求意见稿全文；草案作为附件上传的，写起草说明。\n`,
  },
};
