/** An interview's page: the 预告 (time, topic, guests) and, once held, its 实录 (video and text); and its list rows. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { isoDateTime } from "../../src/portal/dates.ts";
import { localParts } from "../../src/content/local-time.ts";
import { hasRecording, interviewHeld } from "../../src/portal/time-bound.ts";
import { articleHeader, previewBadge, summaryLead, topicTags } from "../parts/article.ts";
import { contentImage } from "../parts/image.ts";
import { videoPlayer } from "./video.ts";
import { sharedRows } from "../../src/view/shared-parts.ts";

type Interview = RecordOf<"interview">;

/** 访谈时间 as shown: 2026-06-18 15:00. */
const when = (ctx: LayoutContext, ms: number) => localParts(ms, ctx.site.timeZone).dateTime;

/** The video item an interview names, when it is published (the check reports one that is not). */
export function interviewVideo(ctx: LayoutContext, r: Interview): RecordOf<"video"> | undefined {
  const found = r.fields.video === undefined ? undefined : ctx.portal.byUrl.get(r.fields.video);
  return found?.type === "video" ? found : undefined;
}

function phase(ctx: LayoutContext, r: Interview): string {
  if (!interviewHeld(r.fields, ctx.now)) return "访谈预告";
  return hasRecording(r) ? "访谈实录" : "实录整理中";
}

function recording(ctx: LayoutContext, r: Interview, bodyHtml: string): Html | string {
  if (!interviewHeld(r.fields, ctx.now)) return "";
  const video = interviewVideo(ctx, r);
  const text = bodyHtml.trim() ? raw(bodyHtml) : video ? ctx.markdown(video.body) : undefined;
  if (!video && text === undefined)
    return html`<p class="interview-pending" role="note">访谈已于 ${when(ctx, r.fields.time)} 举行，实录正在整理，整理完成后在本页发布。</p>`;
  return html`${video ? html`<section class="interview-video" aria-labelledby="video-h"><h2 id="video-h">视频实录</h2>${videoPlayer(ctx, video.fields, "transcript-h")}<p>视频页面：<a href="${ctx.href(video.url)}">${video.fields.title}</a></p></section>` : ""}
${text === undefined ? "" : html`<section class="transcript" aria-labelledby="transcript-h"><h2 id="transcript-h">文字实录</h2>${text}</section>`}`;
}

export function interviewBody(ctx: LayoutContext, r: Interview, bodyHtml: string): Html {
  const f = r.fields;
  const held = interviewHeld(f, ctx.now);
  return html`<article class="article interview">
${articleHeader(f.title, f.department, r.dateText, html`<span class="status">${phase(ctx, r)}</span>`)}
<section class="interview-preview" aria-labelledby="preview-h"><h2 id="preview-h">${held ? "访谈信息" : "访谈预告"}</h2>
<dl class="facts">
  <div><dt>访谈主题</dt><dd>${f.topic}</dd></div>
  <div><dt>访谈时间</dt><dd><time datetime="${isoDateTime(f.time, ctx.site.timeZone)}">${when(ctx, f.time)}</time></dd></div>
  <div><dt>访谈嘉宾</dt><dd><ul class="guests">${f.guests.map((g) => html`<li>${g.title} ${g.name}</li>`)}</ul></dd></div>
  ${f.host ? html`<div><dt>主持人</dt><dd>${f.host}</dd></div>` : ""}
  ${f.place ? html`<div><dt>访谈地点</dt><dd>${f.place}</dd></div>` : ""}
  ${f.questions_received === undefined ? "" : html`<div><dt>网民留言</dt><dd>${f.questions_received} 条</dd></div>`}
  ${f.questions_answered === undefined ? "" : html`<div><dt>答复网民提问</dt><dd>${f.questions_answered} 条</dd></div>`}
</dl>
${summaryLead(f.summary)}
${f.photo ? html`<figure class="interview-photo">${contentImage(ctx, f.photo, { lazy: true })}</figure>` : ""}
</section>
${recording(ctx, r, bodyHtml)}
${topicTags(ctx, f.topics)}
</article>`;
}

/** The list of interviews: 标题, 访谈时间, 嘉宾, 预告 or 实录 (at the build's clock). */
export function interviewRows(ctx: LayoutContext, items: readonly Interview[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="在线访谈列表" tabindex="0"><table class="catalogue">
<caption class="visually-hidden">在线访谈</caption>
<thead><tr><th scope="col">标题</th><th scope="col">访谈时间</th><th scope="col">嘉宾</th><th scope="col">状态</th></tr></thead>
<tbody>${sharedRows(ctx, "interview", items, interviewRow)}</tbody></table></div>`;
}

// Made once per record and build (sharedRows).
const interviewRow = (ctx: LayoutContext, r: Interview): Html =>
  html`<tr><td class="title" data-label="标题"><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}</td><td data-label="访谈时间"><time>${when(ctx, r.fields.time)}</time></td><td data-label="嘉宾">${r.fields.guests.map((g) => g.name).join("、")}</td><td data-label="状态">${phase(ctx, r)}</td></tr>`;
