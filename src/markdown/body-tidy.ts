/**
 * What every rendered body gets, raw HTML on or off (a11y50, bodies pasted from Word, WPS, old CMSs
 * and WeChat):
 * - each outermost table in a focusable, labelled scroll region, as the layouts' own tables are: a
 *   pasted twelve-column table (or a wide Markdown one) made the whole page scroll sideways at
 *   320 px and even at 1280 px;
 * - heading levels that never skip (`##` then `####` is h2 then h3), since the Nu Html Checker
 *   reports a skipped level as an error and screen-reader users navigate by level;
 * - no empty headings (a stray `##` line, a pasted `<h3></h3>`): a heading with no name is a stop in
 *   the heading list that says nothing.
 * Works on the HTML string: with raw HTML off, or after sanitize-html, every `<` of text is escaped,
 * so a `<table` or `<h3` here is a tag.
 */

const TAG = /<(\/?)(table|h[1-6])\b[^>]*>/g;

export function tidyBody(html: string): string {
  html = html.replace(/<(h[1-6])>\s*<\/\1>\n?/g, "");
  let depth = 0;
  let previous = 1; // the page's title is the h1 above every body
  let openLevel = 0;
  return html.replace(TAG, (tag, close: string, name: string) => {
    if (name === "table") {
      if (close) return --depth === 0 ? `${tag}</div>` : tag;
      return depth++ === 0
        ? `<div class="table-scroll body-table" role="region" aria-label="表格（可左右滚动）" tabindex="0">${tag}`
        : tag;
    }
    const level = Number(name[1]);
    if (close) {
      const shown = openLevel || level;
      openLevel = 0;
      return `</h${shown}>`;
    }
    openLevel = Math.min(level, previous + 1);
    previous = openLevel;
    return `<h${openLevel}${tag.slice(3)}`;
  });
}
