/**
 * The Chromium features the test and bench browser runs without (test/helpers/browser.ts), as one
 * `--disable-features` switch. Chromium keeps only the last of a repeated switch, so this one carries
 * Playwright's own list too (test/search/browser-features.test.ts checks it still does).
 *
 * Chromium 156 in headless mode is the whole browser: every new page (a new tab) also loads the
 * omnibox's popup, a WebUI page of ~40 modules in a renderer of its own ("WebUI Top Renderer"),
 * 0.4–1 s of CPU per page on this two-core machine — about twice the search page's own renderer —
 * during the very load a test or the search bench measures (docs/search.md, task35). A headless
 * browser never shows that popup; Puppeteer turns these two features off by default for the same
 * reason (puppeteer/puppeteer#15278).
 */

/** Playwright 1.65's own `--disable-features` list (chromiumSwitches), which a second switch would drop. */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
] as const;

/** The omnibox's WebUI popup, loaded with every new tab. */
export const BROWSER_UI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"] as const;

/** The switch: Playwright's list and, unless `browserUi`, the popup's features. */
export const disabledFeaturesSwitch = (browserUi = false): string =>
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...(browserUi ? [] : BROWSER_UI_FEATURES)].join(",")}`;
