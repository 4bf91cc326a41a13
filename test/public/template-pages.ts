/**
 * The sample portal (content/), built once per test run, and one page of every template in it,
 * for the public-facing browser and validator tests.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { urls } from "../../src/portal/urls.ts";
import { interactionUrls } from "../../src/portal/interaction-urls.ts";
import { organUrls } from "../../src/organs/urls.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import type { Site } from "../../src/config/schema.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { runSharedBuild } from "../helpers/run-shared-build.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface TemplatePage {
  /** What template this page stands for, e.g. "news detail". */
  name: string;
  /** Site URL ("/news/"), no prefix. */
  url: string;
  /** Output file relative to the output folder. */
  file: string;
}

export interface BuiltPortal {
  site: Site;
  outDir: string;
  pages: TemplatePage[];
  /** Frees the build when it is this file's own (see run-shared-build.ts). */
  release: () => void;
}

const fileOf = (url: string) => (url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1));

function firstOf(
  records: readonly ContentRecord[],
  type: ContentRecord["type"],
  prefer?: (r: ContentRecord) => boolean,
): ContentRecord {
  const ofType = records.filter((r) => r.type === type);
  const found = (prefer && ofType.find(prefer)) ?? ofType[0];
  if (!found) throw new Error(`the portal has no ${type} page`);
  return found;
}

/**
 * The sample portal built once per test run (run-shared-build.ts: the public files read the same
 * clean build) and one page of every template in it.
 */
export async function buildTemplatePortal(): Promise<BuiltPortal> {
  const site = await loadSiteConfig(path.join(repoRoot, "site.config.ts"));
  const contentDir = path.join(repoRoot, "content");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  const built = await runSharedBuild("public", contentDir, { now }, async (outDir) => {
    const { state } = await buildSite({ site, contentDir, outDir, now });
    return templatePagesOf(site, state);
  });
  return { site, outDir: built.outDir, pages: built.extra, release: built.release };
}

/** One page of every template in a built portal. */
function templatePagesOf(site: Site, state: BuildState): TemplatePage[] {
  const details = state.details;
  const topicKey = site.topics.find((t) => t.group === "专题")!.key;
  const listed: { name: string; url: string }[] = [
    { name: "home", url: urls.home },
    { name: "news list", url: urls.news },
    { name: "policy list", url: urls.policies },
    { name: "guide list", url: urls.guides },
    { name: "video list", url: urls.videos },
    { name: "periodical list", url: urls.periodicals },
    { name: "topic page (mixed list)", url: urls.topic(topicKey) },
    { name: "topics index", url: urls.topics },
    { name: "news detail", url: firstOf(details, "news").url },
    // A policy with interpretations shows the most of its template.
    {
      name: "policy detail",
      url: firstOf(details, "policy", (r) =>
        state.portal.interpretationsOf.has((r.fields as { index_no: string }).index_no),
      ).url,
    },
    { name: "guide detail", url: firstOf(details, "guide").url },
    { name: "video detail", url: firstOf(details, "video").url },
    { name: "periodical detail", url: firstOf(details, "periodical").url },
    { name: "plain page", url: firstOf(details, "page").url },
    { name: "互动交流", url: interactionUrls.index },
    { name: "letter list", url: interactionUrls.letters },
    { name: "letter detail", url: firstOf(details, "letter", (r) => r.body.includes("\n")).url },
    { name: "letter statistics", url: interactionUrls.letterStatistics(2026) },
    // June 2026: a public letter and one not made public (a row without title or link).
    { name: "letter audit list", url: interactionUrls.letterAudit(2026, "month-06-answered") },
    { name: "政府网站工作年度报表", url: interactionUrls.websiteReport(2025) },
    // Issue 15: consultations, interviews, 解读 forms and their coverage audit (clock 2026-11-27: one
    // consultation open, one closed with its outcome; one interview held, one announced).
    { name: "consultation list", url: "/consultations/" },
    {
      name: "consultation detail (结果反馈)",
      url: firstOf(details, "consultation", (r) => "feedback" in r.fields && r.fields.feedback !== undefined)
        .url,
    },
    {
      name: "consultation detail (征集中)",
      url: firstOf(details, "consultation", (r) => "feedback" in r.fields && r.fields.feedback === undefined)
        .url,
    },
    { name: "interview list", url: "/interviews/" },
    { name: "interview detail (实录)", url: firstOf(details, "interview", (r) => r.body.trim() !== "").url },
    { name: "interview detail (预告)", url: firstOf(details, "interview", (r) => r.body.trim() === "").url },
    {
      name: "图解 解读",
      url: firstOf(details, "policy", (r) => (r.fields as { form?: string }).form === "图解").url,
    },
    {
      name: "video 解读",
      url: firstOf(details, "policy", (r) => (r.fields as { form?: string }).form === "视频").url,
    },
    // A body with a footnote: its marks, notes and links both ways (src/markdown/footnotes.ts).
    { name: "解读 with a footnote", url: firstOf(details, "policy", (r) => r.body.includes("[^")).url },
    { name: "解读 coverage audit", url: "/policies/interpretation-coverage/2025/" },
    { name: "statistics year (解读回应与互动交流)", url: "/statistics/2026/" },
    { name: "sitemap", url: urls.sitemap },
    { name: "contact", url: urls.contact },
    { name: "search", url: urls.search },
    { name: "404", url: urls.notFound },
    // Organs and their 公开平台 (issue 17): the government's shows the most (requests, former leader left out).
    { name: "政府信息公开 hub", url: organUrls.hub },
    { name: "organs index", url: organUrls.organs },
    { name: "organ detail", url: organUrls.organ("gov") },
    { name: "organ platform", url: organUrls.platform("edu") },
    { name: "organ 指南", url: organUrls.guide("edu") },
    { name: "organ 制度", url: organUrls.rules("gov") },
    { name: "organ 法定主动公开内容", url: organUrls.statutory("edu") },
    { name: "organ category list", url: organUrls.category("edu", "functions") },
    { name: "organ catalogue", url: organUrls.catalogue("edu") },
    { name: "organ 年报 index", url: organUrls.reports("edu") },
    { name: "organ 年报 (未填报)", url: organUrls.report("edu", 2026) },
    { name: "organ 年报 (report file: tables 三 and 四)", url: organUrls.report("market", 2025) },
    { name: "organ audit list", url: organUrls.audit("edu", 2026, "normative-issued") },
    { name: "organs' summary (no report files)", url: organUrls.summary(2026) },
    { name: "organs' summary (summed tables)", url: organUrls.summary(2025) },
  ];
  return listed.map((p) => ({ ...p, file: fileOf(p.url) }));
}

/** The display modes every page must pass in (the 适老化 switches; 语音阅读 adds its reading bar). */
export const MODES = [
  { name: "normal", classes: [] as string[] },
  { name: "large-font", classes: ["large-font"] },
  { name: "high-contrast", classes: ["high-contrast"] },
  { name: "big-cursor", classes: ["big-cursor"] },
  { name: "speech", classes: ["speech"] },
] as const;

/** Site URL of every HTML page in a built portal (not Pagefind's files), sorted. */
export function everyPage(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((rel) => !rel.startsWith("pagefind/"))
    .map((rel) => "/" + rel.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}
