/** A video item's page: the player with captions, and the transcript as text. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { articleHeader, topicTags } from "../parts/article.ts";

export function formatDuration(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return (h ? `${h}:${two(m)}` : two(m)) + `:${two(seconds % 60)}`;
}

export function videoBody(ctx: LayoutContext, r: RecordOf<"video">, bodyHtml: string): Html {
  const f = r.fields;
  return html`<article class="article video">
${articleHeader(f.title, f.source, r.dateText, html`<span>时长：${formatDuration(f.duration)}</span>`)}
<figure class="player">
  <video controls preload="none" poster="${ctx.href(f.poster.src)}" aria-describedby="transcript-h">
    <source src="${ctx.href(f.video)}">
    <track kind="captions" src="${ctx.href(f.captions)}" srclang="zh-CN" label="中文字幕" default>
    您的浏览器不支持视频播放，请<a href="${ctx.href(f.video)}">下载视频</a>观看。
  </video>
  <figcaption>${f.poster.alt}</figcaption>
</figure>
<p class="video-links"><a href="${ctx.href(f.video)}" download>下载视频</a>　<a href="${ctx.href(f.captions)}" download>下载字幕（WebVTT）</a></p>
${f.summary ? html`<p class="summary">${f.summary}</p>` : ""}
<section class="transcript" aria-labelledby="transcript-h"><h2 id="transcript-h">文字实录</h2>${raw(bodyHtml)}</section>
${topicTags(ctx, f.topics)}
</article>`;
}
