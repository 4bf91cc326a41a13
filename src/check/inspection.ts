/**
 * What inspectors flag (domain.md §5), warned about before they do: a home page with nothing new
 * for 2 weeks, a news column with nothing new for 2 weeks (动态) or 6 months (通知公告), the policy
 * catalogue idle for 6 months, an empty column. Counted from the published records as of the build's clock. Warnings never stop a build.
 */
import { DateTime } from "luxon";
import type { Problem } from "../problems/problems.ts";
import type { Portal } from "../portal/portal.ts";

const STALE_DYNAMIC_DAYS = 14;
const STALE_NOTICE_MONTHS = 6;

function warn(file: string, field: string, message: string): Problem {
  return { severity: "warning", file, field, message };
}

export function inspectionWarnings(portal: Portal, now: number): Problem[] {
  const { site } = portal;
  const clock = DateTime.fromMillis(now, { zone: site.timeZone });
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: site.timeZone }).toFormat("yyyy-MM-dd");
  const problems: Problem[] = [];
  const newestOnHome = portal.records.find((r) => r.type !== "page" && r.type !== "topic");
  if (newestOnHome && newestOnHome.publishedAt < clock.minus({ days: STALE_DYNAMIC_DAYS }).toMillis()) {
    problems.push(
      warn(
        "content",
        "首页",
        `全站最近一条内容发布于 ${day(newestOnHome.publishedAt)}（${newestOnHome.file}）；首页超过 2 周没有新内容会被网站检查认定为更新不及时`,
      ),
    );
  }
  for (const column of site.columns) {
    const newest = portal.newsByColumn.get(column.name)?.[0];
    const field = `column（栏目）“${column.name}”`;
    if (!newest) {
      problems.push(warn("content/news", field, "栏目没有任何已发布的新闻；空栏目会被网站检查认定为问题"));
      continue;
    }
    const notice = column.kind === "通知公告";
    const limit = notice
      ? clock.minus({ months: STALE_NOTICE_MONTHS })
      : clock.minus({ days: STALE_DYNAMIC_DAYS });
    if (newest.publishedAt < limit.toMillis()) {
      const rule = notice ? "通知公告类栏目超过 6 个月未更新" : "动态类栏目超过 2 周未更新";
      problems.push(
        warn(
          "content/news",
          field,
          `最近一条新闻发布于 ${day(newest.publishedAt)}（${newest.file}）；${rule}会被网站检查认定为更新不及时`,
        ),
      );
    }
  }
  const documents = portal.byType.policy.filter((p) => p.fields.kind !== "政策解读");
  const newestDoc = documents[0];
  if (!newestDoc) {
    problems.push(
      warn("content/policies", "政府信息公开目录", "没有任何已发布的政策文件；空栏目会被网站检查认定为问题"),
    );
  } else if (newestDoc.publishedAt < clock.minus({ months: STALE_NOTICE_MONTHS }).toMillis()) {
    problems.push(
      warn(
        "content/policies",
        "政府信息公开目录",
        `最近一份政策文件发布于 ${day(newestDoc.publishedAt)}（${newestDoc.file}）；政策文件栏目超过 6 个月未更新会被网站检查认定为更新不及时`,
      ),
    );
  }
  return problems;
}
