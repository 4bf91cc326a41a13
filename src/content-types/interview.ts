/**
 * 在线访谈: the 预告 (time, topic, guests) before the interview, its 实录 (text, or a video item
 * with captions and transcript) after it; one held without a 实录 is a warning at the build's clock.
 * Listed at /interviews/; the 互动交流 section (section key "interaction") links them.
 */
import { interviewSchema, type InterviewFields } from "../content/interview.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { paginate } from "../pages/paginate.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { interactionYears, interviewTally } from "../tallies/interaction.ts";
import { hasRecording, interviewHeld } from "../portal/time-bound.ts";
import { interviewBody, interviewRows } from "../../layouts/detail/interview.ts";
import { choices, dateLine, first, q } from "../editors/scaffold-lines.ts";
import { localParts } from "../content/local-time.ts";
import type { Problem } from "../problems/problems.ts";
import type { TypeSpec } from "./spec.ts";

export const INTERVIEWS_URL = "/interviews/";
const FEED_URL = "/feeds/interviews.xml";

export const interview: TypeSpec<"interview", InterviewFields> = {
  type: "interview",
  folder: "interviews",
  label: "在线访谈",
  schema: interviewSchema,
  section: "interaction",
  detail: {
    layout: interviewBody,
    crumbs: () => [{ label: "在线访谈", url: INTERVIEWS_URL }],
    article: (r) => ({ source: r.fields.department, keywords: r.fields.topics }),
  },
  inspect(portal, clock, contentFolder) {
    const now = clock.toMillis();
    const zone = portal.site.timeZone;
    const problems: Problem[] = [];
    for (const r of portal.byType.interview) {
      const video = r.fields.video;
      if (video !== undefined && portal.byUrl.get(video)?.type !== "video")
        problems.push({
          severity: "error",
          file: r.file,
          line: lineOfRecordPath(r, ["video"]),
          field: "video（视频实录）",
          message: `找不到已发布的视频页面“${video}”；请填写本站视频的页面地址（${contentFolder}/videos/ 中的视频，不能是草稿）`,
        });
      if (interviewHeld(r.fields, now) && !hasRecording(r))
        problems.push({
          severity: "warning",
          file: r.file,
          line: lineOfRecordPath(r, ["time"]),
          field: "正文（访谈实录）",
          message: `访谈已于 ${localParts(r.fields.time, zone).dateTime} 举行，尚未发布实录：请在正文中写入文字实录，或用 video 填写视频实录的页面地址`,
        });
    }
    return problems;
  },
  lists(portal) {
    const common = {
      section: "interaction",
      style: "interview",
      feeds: [{ title: "在线访谈", url: FEED_URL }],
    };
    const { interviews: years } = interactionYears(portal);
    return [
      ...paginate(
        {
          ...common,
          base: INTERVIEWS_URL,
          title: "在线访谈",
          breadcrumbs: [{ label: "在线访谈" }],
          description: "访谈前发布预告（时间、嘉宾、主题），访谈后发布文字或视频实录。",
          facets: [
            {
              label: "按年份",
              links: years.map((y) => ({ label: `${y}年`, url: interactionUrls.interviews(y) })),
            },
          ],
        },
        portal.byType.interview,
        portal.site.pageSize,
      ),
      // The list the statistics figure links to: the interviews of the year, by 访谈时间.
      ...years.flatMap((year) => {
        const tally = interviewTally(portal, year);
        return paginate(
          {
            ...common,
            base: interactionUrls.interviews(year),
            title: `${year}年在线访谈`,
            breadcrumbs: [{ label: "在线访谈", url: INTERVIEWS_URL }, { label: `${year}年` }],
            description: `${year}年的在线访谈，共 ${tally.interviews.length} 期，网民留言 ${tally.questionsReceived} 条，答复 ${tally.questionsAnswered} 条。`,
          },
          tally.interviews,
          portal.site.pageSize,
        );
      }),
    ];
  },
  listRows: interviewRows,
  feeds: (portal) => [
    { url: FEED_URL, title: "在线访谈", pageUrl: INTERVIEWS_URL, records: portal.byType.interview },
  ],
  feedCategory: (r) => r.fields.department,
  tally: { color: "#ad1457" },
  sitemapLinks: () => ({ into: "interaction", links: [{ label: "在线访谈", url: INTERVIEWS_URL }] }),
  scaffold: {
    lines: ({ site, stamp }) => [
      dateLine(stamp),
      `department: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `time: ${stamp.plus({ days: 7 }).toFormat("yyyy-MM-dd")} 15:00  # 访谈时间`,
      `topic: ${q(`${TODO}访谈主题`)}`,
      `guests:`,
      `  - { name: ${q(`${TODO}嘉宾姓名`)}, title: ${q(`${TODO}嘉宾职务`)} }`,
      `# host: 主持人`,
      `# place: 访谈地点`,
      `# video: /videos/${stamp.year}/example/  # 访谈后：视频实录的页面地址`,
      `# questions_received: 0  # 网民留言数量`,
      `# questions_answered: 0  # 答复网民提问数量`,
      `topics: []`,
      `# summary: 一两句话摘要`,
    ],
    folder: ({ stamp }) => String(stamp.year),
    // The body is the 文字实录: written after the interview (a 预告 has none, so delete this line until then).
    body: `${TODO}访谈结束后在此写文字实录；发布预告时删去本行。\n`,
  },
};
