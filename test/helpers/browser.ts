/**
 * Headless Chromium (Debian's `chromium`) driven by playwright-core, started the way this closed
 * network needs: no background networking, a fresh profile. Tests skip when no Chromium is
 * installed locally; CI installs it, so there they always run.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { disabledFeaturesSwitch } from "./browser-features.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Reason to skip browser tests, or false when they can run (never skipped on CI). */
export const noBrowser: string | false =
  existsSync(CHROMIUM) || process.env.CI ? false : `no Chromium at ${CHROMIUM}`;

/**
 * `extraArgs`: more Chromium switches for one kind of test (test/public/browser-session.ts's LAYOUT_ONLY).
 * `browserUi`: keep the omnibox popup every new tab loads (browser-features.ts), as before session 35.
 */
export async function launchBrowser(
  extraArgs: readonly string[] = [],
  { browserUi = false } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      disabledFeaturesSwitch(browserUi),
      ...extraArgs,
    ],
  });
}

/** Whether a font on this machine (or in FONTCONFIG_FILE's configuration) covers Chinese; null: cannot tell (no fc-list). */
export function hasCjkFont(): boolean | null {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return null;
  }
}
