/**
 * A block of several lists shown as tabs. The markup is complete without JavaScript: each panel is
 * a section with its own heading, list and "more" link, one under the other. The tab buttons are in
 * the markup too, shown only once site.js has put `js` on <html> (before the body is parsed, so the
 * page does not jump); site.js gives them their ARIA roles (tablist, tab, tabpanel: without JS there
 * are no tabs to announce) and switches panels (arrow keys, Home, End).
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";

export interface TabPanel {
  /** Unique in the page: used for the heading, tab and panel ids. */
  id: string;
  title: string;
  body: Html;
  more: { label: string; url: string };
}

export function tabbedBlock(
  ctx: LayoutContext,
  label: string,
  panels: readonly TabPanel[],
  extraClass = "",
): Html {
  const one = panels.length === 1;
  return html`<div class="home-block${one ? "" : " tabbed"}${extraClass ? ` ${extraClass}` : ""}"${one ? "" : html` data-tabs`}>
${
  one
    ? ""
    : html`<div class="tablist" data-label="${label}">${panels.map(
        (p) => html`<button type="button" id="tab-${p.id}" data-controls="panel-${p.id}">${p.title}</button>`,
      )}</div>`
}
${panels.map(
  (p) => html`<section class="tab-panel" id="panel-${p.id}" aria-labelledby="h-${p.id}">
<h2 id="h-${p.id}" class="block-title">${p.title}</h2>
${p.body}
<p class="more"><a href="${ctx.href(p.more.url)}">${p.more.label}<span class="visually-hidden">（${p.title}）</span></a></p>
</section>`,
)}
</div>`;
}
