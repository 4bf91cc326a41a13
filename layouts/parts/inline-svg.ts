/**
 * The generator's own SVG images (src/assets/) drawn in the page instead of as <img>: an SVG image
 * is a document of its own, which Chromium makes in a main-thread task of the page (its frame, page
 * and parser: 4–9 ms of CPU, 68 ms of wall on a busy two-core machine; docs/search.md, "Thirteenth
 * round"). Used where that task matters (the search page); the files stay for every other page.
 */
import { raw, type Html } from "../../src/html/html.ts";
import { assetText } from "./asset-text.ts";

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
 * `file` (under src/assets/) as a `data:` URL, for a tab icon with no request of its own (the search
 * page: each request counts against its budget of 40 a query). The CSP allows `img-src data:`.
 */
export const svgDataUrl = (file: string): string =>
  `data:image/svg+xml,${encodeURIComponent(uncommented(file))}`;
