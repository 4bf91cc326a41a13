/**
 * 三审三校 and 保密审查 before publication ("先审核、后发布", 条例 第十七条): when the site config
 * names a content type in `review.types`, an item of it is published only with a complete
 * `review` block — 拟稿, 初审, 复审, 终审/签发 in that order, the 校对 the config asks for, a
 * 保密审查 result, and 公开属性 主动公开 — none of it dated after the publication time. A draft
 * gets the same findings as warnings, so an editor sees what is still missing.
 */
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { severityFor } from "./record-checks.ts";

interface Signature {
  name: string;
  date: number;
}
interface Review {
  drafted?: Signature;
  first?: Signature;
  second?: Signature;
  final?: Signature;
  proofreads: Signature[];
  secrecy?: { result: string; name: string; date: number };
  disclosure?: string;
}

const STEPS = [
  ["drafted", "拟稿"],
  ["first", "初审"],
  ["second", "复审"],
  ["final", "终审/签发"],
] as const;

/** The types the config asks a sign-off for; unknown names are a config problem. */
export function reviewedTypes(
  site: Site,
  specs: readonly AnyTypeSpec[],
  configFile = "site.config.ts",
): { types: Map<string, AnyTypeSpec>; problems: Problem[] } {
  const known = specs.map((s) => s.type);
  const problems: Problem[] = [];
  const types = new Map<string, AnyTypeSpec>();
  for (const t of site.review.types) {
    if (t === "all") specs.forEach((s) => types.set(s.type, s));
    else if (known.includes(t))
      types.set(
        t,
        specs.find((s) => s.type === t)!,
      );
    else
      problems.push({
        severity: "error",
        file: configFile,
        field: "review.types",
        message: `不认识的内容类型“${t}”；应为 all 或：${known.join("、")}`,
      });
  }
  return { types, problems };
}

export function signoffProblems(
  site: Site,
  specs: readonly AnyTypeSpec[],
  records: readonly ContentRecord[],
  configFile?: string,
): Problem[] {
  const { types, problems } = reviewedTypes(site, specs, configFile);
  if (types.size === 0) return problems;
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: site.timeZone }).toFormat("yyyy-MM-dd HH:mm");
  for (const record of records) {
    const spec = types.get(record.type);
    if (!spec) continue;
    const review = (record.fields as { review?: Review }).review;
    const severity = severityFor(record);
    const at = (path: PropertyKey[], message: string) =>
      problems.push({
        severity,
        file: record.file,
        // A block that is not there has no line; the file is the place to add it.
        line: path.length === 0 ? undefined : lineOfRecordPath(record, path),
        field: ["review", ...path.slice(1)].join("."),
        message,
      });
    const label = spec.label;
    if (!review) {
      at(
        [],
        `缺少审核记录 review：站点要求${label}发布前完成三审（拟稿、初审、复审、终审/签发）${site.review.proofreads ? `、${site.review.proofreads} 次校对` : ""}、保密审查并确定公开属性`,
      );
      continue;
    }
    let previous: { label: string; date: number } | undefined;
    for (const [key, stepLabel] of STEPS) {
      const step = review[key];
      if (!step) {
        at(["review"], `审核记录缺少“${stepLabel}”（review.${key}：{ name, date }）`);
        continue;
      }
      if (previous && step.date < previous.date) {
        at(
          ["review", key],
          `“${stepLabel}”日期 ${day(step.date)} 早于“${previous.label}”日期 ${day(previous.date)}；三审应按拟稿、初审、复审、终审的顺序进行`,
        );
      }
      if (record.publishedAt > 0 && step.date > record.publishedAt) {
        at(
          ["review", key],
          `“${stepLabel}”日期 ${day(step.date)} 晚于发布时间 ${day(record.publishedAt)}；应先审核、后发布`,
        );
      }
      previous = { label: stepLabel, date: step.date };
    }
    if (review.drafted && review.final && review.drafted.name === review.final.name) {
      problems.push({
        severity: "warning",
        file: record.file,
        line: lineOfRecordPath(record, ["review", "final"]),
        field: "review.final",
        message: `拟稿人与终审/签发人都是“${review.final.name}”；谁发布、谁负责，签发应由拟稿人以外的负责人进行`,
      });
    }
    if (review.proofreads.length < site.review.proofreads) {
      at(
        ["review", "proofreads"],
        `校对记录只有 ${review.proofreads.length} 次，站点要求 ${site.review.proofreads} 次（review.proofreads：[{ name, date }]）`,
      );
    }
    if (!review.secrecy) at(["review"], "审核记录缺少“保密审查”（review.secrecy：{ result, name, date }）");
    else if (record.publishedAt > 0 && review.secrecy.date > record.publishedAt) {
      at(
        ["review", "secrecy"],
        `“保密审查”日期 ${day(review.secrecy.date)} 晚于发布时间 ${day(record.publishedAt)}；应先审核、后发布`,
      );
    }
    if (!review.disclosure)
      at(["review"], "审核记录缺少“公开属性”（review.disclosure：主动公开、依申请公开 或 不予公开）");
    else if (review.disclosure !== "主动公开") {
      at(
        ["review", "disclosure"],
        `公开属性为“${review.disclosure}”，不能在网站上发布；只有“主动公开”的内容才能发布（可改为草稿 draft: true）`,
      );
    }
  }
  return problems;
}
