/**
 * The content types: which folder of content/ holds each, its schema and its record.
 */
import type { Site } from "../config/schema.ts";
import { newsSchema, type NewsFields } from "./news.ts";
import { policySchema, type PolicyFields } from "./policy.ts";
import { videoSchema, type VideoFields } from "./video.ts";
import { guideSchema, type GuideFields } from "./guide.ts";
import { periodicalSchema, type PeriodicalFields } from "./periodical.ts";
import { topicSchema, type TopicFields } from "./topic.ts";
import { pageSchema, type PageFields } from "./page.ts";
import { reportSchema, type ReportFields } from "./report.ts";

export const CONTENT_TYPES = {
  news: { folder: "news", label: "新闻", schema: newsSchema },
  policy: { folder: "policies", label: "政策文件", schema: policySchema },
  video: { folder: "videos", label: "视频", schema: videoSchema },
  guide: { folder: "guides", label: "办事指南", schema: guideSchema },
  periodical: { folder: "periodicals", label: "期刊", schema: periodicalSchema },
  topic: { folder: "topics", label: "专题", schema: topicSchema },
  page: { folder: "pages", label: "页面", schema: pageSchema },
  /** Per-year figures and text of the statistics and the annual report; never a page or a tally of its own. */
  report: { folder: "reports", label: "年度报告", schema: reportSchema },
} as const satisfies Record<string, { folder: string; label: string; schema: (site: Site) => unknown }>;

export type ContentType = keyof typeof CONTENT_TYPES;

export const TYPE_BY_FOLDER: ReadonlyMap<string, ContentType> = new Map(
  (Object.keys(CONTENT_TYPES) as ContentType[]).map((type) => [CONTENT_TYPES[type].folder, type]),
);

interface FieldsByType {
  news: NewsFields;
  policy: PolicyFields;
  video: VideoFields;
  guide: GuideFields;
  periodical: PeriodicalFields;
  topic: TopicFields;
  page: PageFields;
  report: ReportFields;
}

/** One validated content file, as every page, tally, feed and search entry sees it. */
export interface RecordOf<T extends ContentType> {
  type: T;
  /** Path under content/ without `.md`: news/2025/spring-ploughing. */
  id: string;
  /** Project-relative source path, for messages: content/news/2025/spring-ploughing.md. */
  file: string;
  /** Absolute source path, for reading the file again. */
  abs: string;
  /** Site URL without the path prefix: /news/2025/spring-ploughing/. */
  url: string;
  fields: FieldsByType[T];
  /** Markdown body. */
  body: string;
  /** File line where the body starts (for messages about links in it). */
  bodyLine: number;
  /** Publish time in epoch ms; 0 for pages without a date. */
  publishedAt: number;
  /** Calendar year of publication in the site's zone; undefined for undated pages. */
  year?: number;
  /** Publish time as the site shows it: 2025-03-12 09:30. */
  dateText: string;
  /** Publish day: 2025-03-12. */
  day: string;
}

export type ContentRecord = { [T in ContentType]: RecordOf<T> }[ContentType];
