/** What a 解读's form adds to its page (图解 image, video player, link to the 发布会), and its form label in lists. */
import { html, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { formOf } from "../../src/content/interpretation.ts";
import { contentImage } from "../parts/image.ts";
import { videoPlayer } from "./video.ts";

type Policy = RecordOf<"policy">;

export function interpretationForm(ctx: LayoutContext, r: Policy): Html | string {
  const f = r.fields;
  if (f.kind !== "政策解读") return "";
  const form = formOf(f);
  if (form === "图解" && f.graphic)
    return html`<figure class="interpretation-graphic">${contentImage(ctx, f.graphic)}<figcaption>图解：${f.title}。文字版见下文。</figcaption></figure>`;
  const target = f.video ?? f.event;
  const page = target === undefined ? undefined : ctx.portal.byUrl.get(target);
  if (form === "视频" && page?.type === "video")
    return html`<section class="interpretation-video" aria-labelledby="jd-video-h"><h2 id="jd-video-h">视频解读</h2>${videoPlayer(ctx, page.fields, "jd-video-h")}<p>字幕和文字实录：<a href="${ctx.href(page.url)}">${page.fields.title}</a></p></section>`;
  if (form === "发布会" && page)
    return html`<p class="interpretation-event">发布会解读：<a href="${ctx.href(page.url)}">${page.fields.title}</a></p>`;
  return "";
}

/** （图解）after a 解读's title in the document's 相关解读; nothing for text. */
export function formLabel(r: Policy): string {
  const form = formOf(r.fields);
  return form === "文字" ? "" : `（${form}）`;
}
