/**
 * The generator's own SVG images (src/assets/) drawn in the page instead of as <img>: an SVG image
 * is a document of its own, which Chromium makes in a main-thread task of the page (its frame, page
 * and parser: 4–9 ms of CPU, 68 ms of wall on a busy two-core machine; docs/search.md, "Thirteenth
 * round"). Used where that task matters (the search page); the files stay for every other page.
 */
import { readFileSync } from "node:fs";
import { raw, type Html } from "../../src/html/html.ts";

const ASSETS = new URL("../../src/assets/", import.meta.url);
const files = new Map<string, string>();

/** The drawing of an asset file: its <svg> without the namespace (implied in HTML), <title> or comments. */
function drawingOf(file: string): string {
  let svg = files.get(file);
  if (svg === undefined) {
    svg = readFileSync(new URL(file, ASSETS), "utf8")
      .replace(/<!--[\s\S]*?-->\s*/g, "")
      .replace(/<title>[\s\S]*?<\/title>/, "")
      .replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "")
      .trim();
    if (!svg.startsWith("<svg ")) throw new Error(`${file}: not an <svg> element`);
    files.set(file, svg);
  }
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
export function svgDataUrl(file: string): string {
  const key = `url:${file}`;
  let url = files.get(key);
  if (url === undefined) {
    const svg = readFileSync(new URL(file, ASSETS), "utf8")
      .replace(/<!--[\s\S]*?-->\s*/g, "")
      .trim();
    files.set(key, (url = `data:image/svg+xml,${encodeURIComponent(svg)}`));
  }
  return url;
}
