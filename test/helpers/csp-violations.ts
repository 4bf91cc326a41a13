/**
 * The Content-Security-Policy violations a page reports, collected from its first script on: a
 * violation of an inline style or script is silent in the console when the policy drops it, so the
 * browser tests that check the CSP read the `securitypolicyviolation` events instead.
 */
import type { BrowserContext, Page } from "playwright-core";

/** Makes every page of `context` record its violations from before its first script runs. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
  });
}

/** The directives `page` has violated so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
