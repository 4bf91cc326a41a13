/**
 * What the build reports about 政策解读 at its clock: a required document (行政规范性文件 …) still
 * without a 解读 after the window (warning: 解读最迟应在政策文件公开发布后3个工作日内发布; none
 * for documents published before `interpretation.since`), and a
 * 解读 whose form names a page that is not published, or a 图解 without its text version (errors).
 */
import type { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";
import type { Problem } from "../problems/problems.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { formOf } from "../content/interpretation.ts";
import { interpretationCoverage, interpretationDeadline } from "../tallies/interpretation.ts";
import { dayBefore, dayIn } from "../check/inspection.ts";

/** The record types a 发布会 解读 may name. */
const EVENT_TYPES = new Set(["news", "interview", "video"]);

export function interpretationProblems(portal: Portal, clock: DateTime): Problem[] {
  const { site } = portal;
  const day = dayIn(site.timeZone);
  const problems: Problem[] = [];
  const since = site.interpretation.since;
  // Asked first: a document before `since` needs no deadline (each new day of publication asks
  // Intl for the zone's offsets: ~4k documents on ~1.5k days at 50k items, 55-75 ms of CPU).
  const beforeSince = since === undefined ? undefined : dayBefore(site.timeZone, since);
  for (const year of interpretationCoverage(portal)) {
    for (const doc of year.missing) {
      if (beforeSince?.(doc.publishedAt)) continue;
      const deadline = interpretationDeadline(site, doc);
      if (clock.toMillis() <= deadline) continue;
      problems.push({
        severity: "warning",
        file: doc.file,
        line: lineOfRecordPath(doc, ["kind"]),
        field: "政策解读",
        message: `${doc.fields.kind}“${doc.fields.title}”发布于 ${day(doc.publishedAt)}，超过 ${site.interpretation.workingDays} 个工作日（${day(deadline)}）仍没有政策解读；请发布解读，并在解读中用 interprets 填写索引号 ${doc.fields.index_no}`,
      });
    }
    for (const r of year.interpretations) {
      const f = r.fields;
      const form = formOf(f);
      const at = (key: string, label: string) => ({
        severity: "error" as const,
        file: r.file,
        line: lineOfRecordPath(r, [key]),
        field: `${key}（${label}）`,
      });
      if (form === "视频" && f.video !== undefined && portal.byUrl.get(f.video)?.type !== "video")
        problems.push({
          ...at("video", "解读视频"),
          message: `找不到已发布的视频页面“${f.video}”；请填写本站视频的页面地址（不能是草稿）`,
        });
      if (
        form === "发布会" &&
        f.event !== undefined &&
        !EVENT_TYPES.has(portal.byUrl.get(f.event)?.type ?? "")
      )
        problems.push({
          ...at("event", "发布会"),
          message: `找不到已发布的发布会页面“${f.event}”；请填写本站发布会新闻、在线访谈或视频的页面地址`,
        });
      if (form === "图解" && r.body.trim() === "")
        problems.push({
          ...at("graphic", "图解图片"),
          message: "图解须在正文中写出文字版（图片中的全部信息），读屏软件用户和无法加载图片的读者才能读到",
        });
    }
  }
  return problems;
}
