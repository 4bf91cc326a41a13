/**
 * 留言办理 (letter): letters from the public with their replies, published as files. Public letters
 * have a page and are listed by 类型 and 办理状态; every letter, public or not, counts in the
 * statistics (src/tallies/letters.ts) and is held to the reply deadlines (src/check/letter-deadlines.ts).
 */
import { letterSchema, LETTER_KINDS, type LetterFields } from "../content/letter.ts";
import { letterBody, letterRows } from "../../layouts/detail/letter.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { letterDeadlineProblems } from "../check/letter-deadlines.ts";
import { letterInspectionDeadlines } from "../check/letter-overdue.ts";
import { dateLine, first, choices } from "../editors/scaffold-lines.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";
import type { Problem } from "../problems/problems.ts";
import { letterLists } from "./letter-lists.ts";
import { letterStatus } from "./letter-status.ts";
import type { TypeSpec } from "./spec.ts";

export const letter: TypeSpec<"letter", LetterFields> = {
  type: "letter",
  folder: "letters",
  label: "留言办理",
  schema: letterSchema,
  section: "interaction",
  nav: { label: "互动交流", url: interactionUrls.index, order: 8 },
  hasPage: (r) => r.fields.public,
  detail: {
    layout: letterBody,
    crumbs: () => [
      { label: "互动交流", url: interactionUrls.index },
      { label: "留言办理", url: interactionUrls.letters },
    ],
    article: (r) => ({ source: r.fields.replied_by ?? r.fields.received_by, keywords: [r.fields.kind] }),
    description: (r) => `${r.fields.kind}：${r.fields.title}（${letterStatus(r)}）`,
  },
  checks(_site, records) {
    // The reply is the body: a letter with a reply date and no reply text would publish an empty answer.
    const problems: Problem[] = [];
    for (const r of records)
      if (r.fields.replied !== undefined && !r.body.trim())
        problems.push({
          severity: "error",
          file: r.file,
          line: r.bodyLine,
          field: "正文（答复内容）",
          message: "已填写答复日期，正文应为答复内容，不能为空",
        });
    return problems;
  },
  lists: letterLists,
  listRows: letterRows,
  search: {
    facets: [
      { key: "letter-kind", label: "留言类型", order: 22, value: (r) => r.fields.kind },
      { key: "letter-status", label: "办理状态", order: 24, value: (r) => letterStatus(r) },
    ],
  },
  inspect: (portal, clock) => letterDeadlineProblems(portal, clock),
  deadlines: (portal) => letterInspectionDeadlines(portal),
  sitemap: ({ site }) => ({
    title: "互动交流",
    url: interactionUrls.index,
    children: [
      ...site.interaction.channels.map((c) => ({ label: c.label, url: c.url })),
      { label: "留言办理", url: interactionUrls.letters },
      ...LETTER_KINDS.map((kind) => ({ label: `${kind}类来信`, url: interactionUrls.letterType(kind) })),
      { label: "已答复的来信", url: interactionUrls.letterStatus("已答复") },
      { label: "办理中的来信", url: interactionUrls.letterStatus("办理中") },
    ],
  }),
  scaffold: {
    lines: ({ site, stamp }) => [
      `kind: 咨询  # 可选：${LETTER_KINDS.join("、")}`,
      `public: true  # false：不公开，仍计入统计`,
      dateLine(stamp),
      `received: ${stamp.toFormat("yyyy-MM-dd")}  # 受理日期`,
      `received_by: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `# referred_to: [转办单位]`,
      `# letter_text: 来信内容（来信人同意公开时填写，并写 consent: true）`,
      `# replied: 答复日期 YYYY-MM-DD`,
      `# replied_by: 答复单位`,
    ],
    folder: ({ stamp }) => String(stamp.year),
    body: `${TODO}答复内容（答复后填写，并填写 replied 和 replied_by）。\n`,
  },
};
