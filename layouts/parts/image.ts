/** An editor's image (src under /media/, required alt) with its intrinsic width and height. */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";

export function contentImage(
  ctx: LayoutContext,
  image: { src: string; alt: string },
  options: { className?: string; lazy?: boolean } = {},
): Html {
  const size = ctx.imageSize?.(image.src);
  return html`<img${options.className ? html` class="${options.className}"` : ""} src="${ctx.href(image.src)}" alt="${image.alt}"${size ? html` width="${size.width}" height="${size.height}"` : ""}${options.lazy ? html` loading="lazy"` : ""}>`;
}
