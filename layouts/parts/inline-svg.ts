/**
 * The generator's own SVG images (src/assets/) drawn in the page instead of as <img>: an SVG image
 * is a document of its own, which Chromium makes in a main-thread task of the page (its frame, page
 * and parser: 4–9 ms of CPU, 68 ms of wall on a busy two-core machine; docs/search.md, "Thirteenth
 * round"). Used where that task matters (the search page); the files stay for every other page.
 */
import { raw, type Html } from "../../src/html/html.ts";
import { assetBase64, assetText } from "./asset-text.ts";

/** An asset file without its comments. */
const uncommented = (file: string): string =>
  assetText(file)
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .trim();

/** The drawing of an asset file: its <svg> without the namespace (implied in HTML), <title> or comments. */
function drawingOf(file: string): string {
  const svg = uncommented(file)
    .replace(/<title>[\s\S]*?<\/title>/, "")
    .replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "")
    .trim();
  if (!svg.startsWith("<svg ")) throw new Error(`${file}: not an <svg> element`);
  return svg;
}

/**
 * `file` (under src/assets/) as an inline <svg>. With a `label` it is an image named so (role=img, as
 * an <img>'s alt); without one it is decoration, hidden from assistive technology (an empty alt).
 */
export function inlineSvg(file: string, className: string, label?: string): Html {
  const a11y = label
    ? ` role="img" aria-label="${label.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"`
    : ` aria-hidden="true"`;
  return raw(drawingOf(file).replace(/^<svg /, `<svg class="${className}"${a11y} `));
}

/**
 * The tab icon of a page that draws its images inline (the search page): favicon.svg drawn by Chromium
 * at 32 px (`favicon-32.png`, made by scripts/favicon-png.ts), as a data: URL. Chromium makes an SVG
 * icon an image document in a task of the page's main thread on every load (its frame, page and parser:
 * 4–7 ms of CPU, 50–240 ms of wall under load); a PNG makes no document (docs/search.md, session 27).
 */
export const tabIconPng = (): string => `data:image/png;base64,${assetBase64("favicon-32.png")}`;
