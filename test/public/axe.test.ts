/**
 * axe-core (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA rules) finds nothing on one page of every template,
 * in the normal, large-font and high-contrast modes; and every page has one h1 and headings in order.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { noBrowser } from "../helpers/browser.ts";
import { readFileSync } from "node:fs";
import { AXE_PATH, newContext, openSession, type Session } from "./browser-session.ts";
import { MODES } from "./template-pages.ts";

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(AXE_PATH, "utf8");

let session: Session;
before(async () => {
  if (!noBrowser) session = await openSession();
});
after(async () => session?.close());

for (const mode of MODES) {
  test(`axe: no WCAG 2.2 AA violations on any template (${mode.name})`, { skip: noBrowser }, async () => {
    const context = await newContext(session, { modes: mode.classes });
    const page = await context.newPage();
    const found: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") found.push(`${page.url()}: console error: ${message.text()}`);
    });
    for (const { name, url } of session.portal.pages) {
      await page.goto(session.address(url), { waitUntil: "load" });
      const classes = await page.evaluate(() => document.documentElement.className);
      for (const cls of mode.classes)
        assert.ok(classes.includes(cls), `${name}: the saved ${cls} mode is applied`);
      // axe files heading order under best practice, not WCAG; the brief asks for it, so check it here.
      const levels = await page.evaluate(() =>
        [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1])),
      );
      if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1)
        found.push(`${name} ${url}: headings ${levels.join(",")} (want one h1, first)`);
      const skip = levels.findIndex((l, i) => i > 0 && l > levels[i - 1] + 1);
      if (skip > 0)
        found.push(`${name} ${url}: heading level jumps from h${levels[skip - 1]} to h${levels[skip]}`);
      // Evaluated over the DevTools protocol, which the page's strict CSP does not block (a script tag would be).
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
          resultTypes: ["violations"],
        });
        return result.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }));
      });
      for (const v of violations) {
        found.push(
          `${name} ${url}: ${v.id} (${v.help}) at ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`)
            .join("; ")}`,
        );
      }
    }
    await context.close();
    assert.deepEqual(found, [], found.join("\n"));
  });
}
