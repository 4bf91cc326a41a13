/**
 * Intrinsic sizes of the editors' images, so every <img> carries width and height and the page
 * does not jump while images load (and lazy images below the fold reserve their space).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";

export interface ImageSize {
  width: number;
  height: number;
}

/** A cached lookup from a site URL under /media/ to the size of that file in the content folder. */
export function imageSizer(contentDir: string): (src: string) => ImageSize | undefined {
  const cache = new Map<string, ImageSize | undefined>();
  return (src) => {
    if (!src.startsWith("/media/")) return undefined;
    if (!cache.has(src)) cache.set(src, measure(path.join(contentDir, src)));
    return cache.get(src);
  };
}

function measure(file: string): ImageSize | undefined {
  try {
    const { width, height } = imageSize(readFileSync(file));
    return width && height ? { width, height } : undefined;
  } catch {
    // A missing or unreadable image is the link checker's business; the page still renders.
    return undefined;
  }
}
