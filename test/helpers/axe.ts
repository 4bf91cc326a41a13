/**
 * axe-core's WCAG violations on a page as it is now (axe-core/axe.min.js already injected), one
 * runner for the accessibility tests (test/public/axe, pasted-bodies; test/tallies/pages-a11y).
 */
import type { Page } from "playwright-core";

/** WCAG 2.0 A/AA, 2.1 A/AA and 2.2 AA: the rules the portal is held to. */
export const WCAG_TAGS: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

export function axeViolations(page: Page, tags: readonly string[] = WCAG_TAGS): Promise<AxeViolation[]> {
  // No function declared inside: the test runner's transform would name it with a helper the page lacks.
  return page.evaluate(
    async (values) => {
      const axe = (
        window as unknown as {
          axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: "tag", values },
        resultTypes: ["violations"],
      });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })),
      }));
    },
    [...tags],
  );
}
