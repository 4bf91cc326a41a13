/**
 * The part of a rendered page the search index reads: its `<main>` element's inner HTML, or the
 * whole page when it has none (src/search/visible-text.mjs takes a page's text from it alone). The
 * build cache keys search shards by its digest (src/build/written-pages.ts `mainDigest`). Plain
 * JavaScript of its own: the index step's workers run it without tsx, and a render worker takes it
 * without the search modules.
 */
export function mainOf(page) {
  const open = page.indexOf("<main");
  if (open < 0) return page;
  const start = page.indexOf(">", open) + 1;
  const end = page.lastIndexOf("</main>");
  return page.slice(start, end > start ? end : page.length);
}
