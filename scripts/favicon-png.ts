/**
 * `src/assets/favicon.png`, the tab's icon every page links (layouts/parts/head.ts), drawn from
 * `favicon.svg` by Chromium. Not the SVG itself: Chromium makes an SVG icon a document of its own
 * (frame, page, parser) on the page's main thread, 3–7 ms of CPU and up to 70 ms of wall on a busy
 * machine, in every page load; a PNG is decoded in under 1 ms (docs/search.md, fourteenth round).
 * Run again after changing favicon.svg (test/search/raster-icon.test.ts compares the two).
 *
 *   npx tsx scripts/favicon-png.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rasterIcon } from "../test/helpers/raster-icon.ts";

const assets = path.resolve(import.meta.dirname, "../src/assets");
const svg = readFileSync(path.join(assets, "favicon.svg"), "utf8");
writeFileSync(path.join(assets, "favicon.png"), await rasterIcon(svg));
