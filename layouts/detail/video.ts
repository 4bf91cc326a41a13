/** A video item's page (the player with captions, and the transcript as text) and its home-page cards. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import { urls } from "../../src/portal/urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { articleHeader, summaryLead, topicTags } from "../parts/article.ts";
import { contentImage } from "../parts/image.ts";

const two = (n: number) => String(n).padStart(2, "0");

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return (h ? `${h}:${two(m)}` : two(m)) + `:${two(seconds % 60)}`;
}

const TYPES: Record<string, string> = {
  webm: "video/webm",
  mp4: "video/mp4",
  ogv: "video/ogg",
  m4v: "video/mp4",
};

/** WebM (smaller) first where there is one, then MP4 (H.264) for the players that only play that. */
function sources(f: RecordOf<"video">["fields"]): string[] {
  return f.video_mp4 && f.video_mp4 !== f.video ? [f.video, f.video_mp4] : [f.video];
}

function sourceTag(ctx: LayoutContext, src: string): Html {
  const type = TYPES[src.split(".").pop()?.toLowerCase() ?? ""];
  return html`<source src="${ctx.href(src)}"${type ? html` type="${type}"` : ""}>`;
}

/**
 * The player with captions and the download links; `describedBy` is the id of the heading of the
 * transcript on the same page (a 解读 or an interview that shows a video item embeds it too).
 */
export function videoPlayer(ctx: LayoutContext, f: RecordOf<"video">["fields"], describedBy: string): Html {
  return html`<figure class="player">
  <video controls preload="none" poster="${ctx.href(f.poster.src)}" aria-describedby="${describedBy}">
    ${sources(f).map((src) => sourceTag(ctx, src))}
    <track kind="captions" src="${ctx.href(f.captions)}" srclang="zh-CN" label="中文字幕" default>
    您的浏览器不支持视频播放，请<a href="${ctx.href(f.video)}">下载视频</a>观看。
  </video>
  <figcaption>时长 ${formatDuration(f.duration)}，可开启中文字幕；文字实录见下文。</figcaption>
</figure>
<p class="video-links">${sources(f).map((src) => html`<a href="${ctx.href(src)}" download>下载视频（${src.split(".").pop()?.toUpperCase() ?? ""}）</a>　`)}<a href="${ctx.href(f.captions)}" download>下载字幕（WebVTT）</a></p>`;
}

export function videoBody(ctx: LayoutContext, r: RecordOf<"video">, bodyHtml: string): Html {
  const f = r.fields;
  return html`<article class="article video">
${articleHeader(f.title, f.source, r.dateText, html`<span>时长：${formatDuration(f.duration)}</span>`)}
${videoPlayer(ctx, f, "transcript-h")}
${summaryLead(f.summary)}
<section class="transcript" aria-labelledby="transcript-h"><h2 id="transcript-h">文字实录</h2>${raw(bodyHtml)}</section>
${topicTags(ctx, f.topics)}
</article>`;
}

/** Its home-page block: the newest videos as poster cards. */
export function videoHomeBlock(ctx: LayoutContext): Html {
  return html`<section class="home-block home-videos" aria-labelledby="home-videos">
<h2 id="home-videos">视频</h2>
<ul class="video-cards">${ctx.portal.byType.video.slice(0, 4).map((v) => html`<li><a href="${ctx.href(v.url)}">${contentImage(ctx, { src: v.fields.poster.src, alt: "" }, { lazy: true })}<span>${v.fields.title}</span></a></li>`)}</ul>
<p class="more"><a href="${ctx.href(urls.videos)}">更多视频</a></p>
</section>`;
}
